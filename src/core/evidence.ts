/**
 * The evidence behind a finding: the tenures its verdict rests on, with their dates, how sure the
 * data is, and the sources that back them. Readers check before they change a sentence, so every
 * finding carries what it rests on, as data the editor and the CLI render their own way.
 */
import { formatPartialDate } from './dates';
import type { KnowledgeBase, TenureOnDate } from './knowledgeBase';
import { MarkdownBuilder, safeLinkTarget } from './markdown';
import { tenureTitle } from './knowledgeBase';

/** How sure the data is about a tenure's dates. */
export type Certainty = 'verified' | 'partly verified' | 'unverified';

/** Why a tenure is cited: the post the claim names, the holder on the date, or the actor's own post then. */
export type EvidenceRole = 'claimed' | 'holder' | 'own-post';

export interface EvidenceSource {
  readonly title: string;
  /** Only http(s) URLs are kept. */
  readonly url?: string;
}

export interface Evidence {
  readonly why: EvidenceRole;
  readonly actorId: string;
  readonly actorName: string;
  readonly roleId: string;
  readonly post: string;
  readonly start?: string;
  readonly end?: string;
  readonly acting: boolean;
  readonly endReason?: string;
  readonly certainty: Certainty;
  /** For an open tenure: the month it was last confirmed as held. */
  readonly verifiedThrough?: string;
  readonly sources: readonly EvidenceSource[];
  /** Where the tenure is written, when it comes from a dataset file: the file and the path to the tenure. */
  readonly origin: { readonly file: string; readonly path: ReadonlyArray<string | number> } | undefined;
}

/** Evidence depends on the tenure and why it is cited, not on the date: built once per knowledge base. */
const built = new WeakMap<KnowledgeBase, WeakMap<object, Map<EvidenceRole, Evidence>>>();

/** The evidence for one tenure, seen from a date. */
export function evidenceOf(kb: KnowledgeBase, entry: TenureOnDate, why: EvidenceRole): Evidence {
  let byTenure = built.get(kb);
  if (!byTenure) built.set(kb, (byTenure = new WeakMap()));
  let byWhy = byTenure.get(entry.tenure);
  if (!byWhy) byTenure.set(entry.tenure, (byWhy = new Map()));
  let evidence = byWhy.get(why);
  if (!evidence) byWhy.set(why, (evidence = buildEvidence(kb, entry, why)));
  return evidence;
}

function buildEvidence(kb: KnowledgeBase, entry: TenureOnDate, why: EvidenceRole): Evidence {
  const { tenure, actor } = entry;
  const origin = kb.data.actorOrigins.get(actor.id);
  const tenureIndex = actor.tenures.indexOf(tenure);
  return {
    why,
    actorId: actor.id,
    actorName: actor.name,
    roleId: tenure.role,
    post: entry.role?.title ?? tenureTitle(entry),
    ...(tenure.start ? { start: tenure.start } : {}),
    ...(tenure.end ? { end: tenure.end } : {}),
    acting: tenure.acting,
    ...(tenure.endReason ? { endReason: tenure.endReason } : {}),
    certainty: tenure.verified === true ? 'verified' : tenure.verified === 'partial' ? 'partly verified' : 'unverified',
    ...(!tenure.end && entry.horizon ? { verifiedThrough: formatPartialDate(entry.horizon) } : {}),
    sources: kb.resolveSources(tenure.sources).map((source) => {
      const url = source.url && safeLinkTarget(source.url) ? source.url : undefined;
      return url ? { title: source.title, url } : { title: source.title };
    }),
    origin: origin ? { file: origin.file, path: ['actors', origin.index, 'tenures', tenureIndex] } : undefined,
  };
}

/** The least certainty among the tenures a verdict rests on (the claimed one first). */
export function leastCertain(evidence: readonly Evidence[]): Certainty {
  const order: Certainty[] = ['unverified', 'partly verified', 'verified'];
  for (const certainty of order) if (evidence.some((item) => item.why === 'claimed' && item.certainty === certainty)) return certainty;
  return 'verified';
}

/** "foreign minister, 2022-12-30 to 2023-07-25 (removed)". */
export function describeTenureEvidence(item: Evidence): string {
  const span = item.start || item.end ? `${item.start ?? '?'} to ${item.end ?? (item.verifiedThrough ? `open, checked to ${item.verifiedThrough}` : 'open')}` : 'dates unknown';
  return `${item.actorName}, ${item.acting ? 'acting ' : ''}${item.post}, ${span}${item.endReason ? ` (${item.endReason})` : ''}`;
}

/** One line for a terminal: "Qin Gang, foreign minister, 2022-12-30 to 2023-07-25 (removed); verified; source: Xinhua ... <url>". */
export function evidenceLine(item: Evidence): string {
  const first = item.sources[0];
  const source = first ? `; source: ${first.title}${first.url ? ` <${first.url}>` : ''}${item.sources.length > 1 ? ` (+${item.sources.length - 1} more)` : ''}` : '; no source';
  return `${describeTenureEvidence(item)}; ${item.certainty}${source}`;
}

/** The evidence as escaped Markdown for a diagnostic's hover: tenures, certainty and linked sources. */
export function evidenceMarkdown(evidence: readonly Evidence[]): string {
  const md = new MarkdownBuilder();
  for (const item of evidence) {
    md.bullet().bold(describeTenureEvidence(item)).text(` (${item.certainty})`);
    for (const source of item.sources) md.raw('\n  - ').text('Source: ').link(source.title, source.url);
    md.raw('\n');
  }
  return md.toString();
}

/** The first http(s) source among the claimed tenures, then any: what "Open source" opens. */
export function firstSourceUrl(evidence: readonly Evidence[]): string | undefined {
  const ordered = [...evidence.filter((item) => item.why === 'claimed'), ...evidence.filter((item) => item.why !== 'claimed')];
  for (const item of ordered) for (const source of item.sources) if (source.url) return source.url;
  return undefined;
}
