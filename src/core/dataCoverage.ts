/**
 * What the loaded datasets cover, for `interlocutor datasets` and the "Show Data Coverage"
 * document: per dataset its counts, its horizons (the dataset-wide verifiedThrough, and the
 * earliest and latest of the per-tenure and per-channel values), its licence and sources, and how
 * many tenures rest on unverified or partly verified facts. Plain data; rendering is separate.
 */
import { dayRange, partialDate } from './dates';
import type { LoadedDataset } from './datasetMerge';
import { MarkdownBuilder } from './markdown';
import type { Dataset } from './schema';

/** The spread of per-entry horizons: how many entries carry their own, and the earliest and latest. */
export interface HorizonSpread {
  readonly count: number;
  readonly earliest?: string;
  readonly latest?: string;
}

export interface DatasetCoverage {
  readonly file: string;
  readonly name: string;
  readonly version?: string;
  readonly license?: string;
  readonly description?: string;
  /** The dataset-wide horizon: the default for open tenures and channels without their own. */
  readonly verifiedThrough?: string;
  readonly counts: {
    readonly posts: number;
    readonly actors: number;
    readonly tenures: number;
    readonly openTenures: number;
    readonly channels: number;
    readonly events: number;
    readonly sources: number;
  };
  /** Open tenures with their own verifiedThrough. */
  readonly tenureHorizons: HorizonSpread;
  /** Open tenures that fall back on the dataset's verifiedThrough (or, without one, have no horizon). */
  readonly openTenuresOnDefaultHorizon: number;
  /** Active or dormant channels with their own verifiedThrough. */
  readonly channelHorizons: HorizonSpread;
  /** Tenures marked verified: false (background knowledge, not checked against a source). */
  readonly unverifiedTenures: number;
  /** Tenures marked verified: "partial" (a source confirms the post, a detail is not established). */
  readonly partlyVerifiedTenures: number;
  /** Tenures that cite no source at all. */
  readonly tenuresWithoutSources: number;
  /** The dataset's own sources (titles and URLs), in file order. */
  readonly sourceTitles: readonly string[];
}

export interface DataCoverage {
  readonly datasets: readonly DatasetCoverage[];
}

export function describeCoverage(datasets: readonly LoadedDataset[]): DataCoverage {
  return { datasets: datasets.map(({ file, dataset }) => describeDataset(file, dataset)) };
}

function describeDataset(file: string, dataset: Dataset): DatasetCoverage {
  const tenures = dataset.actors.flatMap((actor) => actor.tenures);
  const open = tenures.filter((tenure) => !tenure.end);
  const openChannels = dataset.channels.filter((channel) => !channel.end || channel.endStatus === 'dormant');
  return {
    file,
    name: dataset.name,
    ...(dataset.version ? { version: dataset.version } : {}),
    ...(dataset.license ? { license: dataset.license } : {}),
    ...(dataset.description ? { description: dataset.description } : {}),
    ...(dataset.verifiedThrough ? { verifiedThrough: dataset.verifiedThrough } : {}),
    counts: {
      posts: dataset.roles.length,
      actors: dataset.actors.length,
      tenures: tenures.length,
      openTenures: open.length,
      channels: dataset.channels.length,
      events: dataset.actors.reduce((sum, actor) => sum + actor.events.length, 0) + dataset.channels.reduce((sum, channel) => sum + channel.events.length, 0),
      sources: dataset.sources.length,
    },
    tenureHorizons: spread(open.map((tenure) => tenure.verifiedThrough)),
    openTenuresOnDefaultHorizon: open.filter((tenure) => !tenure.verifiedThrough).length,
    channelHorizons: spread(openChannels.map((channel) => channel.verifiedThrough)),
    unverifiedTenures: tenures.filter((tenure) => tenure.verified === false).length,
    partlyVerifiedTenures: tenures.filter((tenure) => tenure.verified === 'partial').length,
    tenuresWithoutSources: tenures.filter((tenure) => tenure.sources.length === 0).length,
    sourceTitles: dataset.sources.map((source) => source.title),
  };
}

function spread(values: ReadonlyArray<string | undefined>): HorizonSpread {
  const dates = values.filter((value): value is string => value !== undefined);
  if (dates.length === 0) return { count: 0 };
  // Partial dates compare by the last day they cover: "2026" is later than "2026-03".
  const byLastDay = [...dates].sort((a, b) => dayRange(partialDate(a)).last - dayRange(partialDate(b)).last);
  return { count: dates.length, earliest: byLastDay[0]!, latest: byLastDay[byLastDay.length - 1]! };
}

/**
 * Data text shown in a terminal: control characters (C0, DEL, C1) and bidirectional overrides
 * could move the cursor or reorder what is shown, so they are written as visible \u escapes.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** "2022-06 to 2026-06 (68 open tenures with their own date)" */
function describeSpread(spread: HorizonSpread, noun: string): string {
  if (spread.count === 0 || !spread.earliest || !spread.latest) return `no ${noun} with their own date`;
  const range = spread.earliest === spread.latest ? spread.earliest : `${spread.earliest} to ${spread.latest}`;
  return `${range} (${spread.count} ${noun} with their own date)`;
}

/** The lines that describe one dataset, as plain text (data not yet made printable). */
function coverageLines(entry: DatasetCoverage): Array<[label: string, value: string]> {
  const { counts } = entry;
  return [
    ['file', entry.file],
    ['licence', entry.license ?? 'not stated'],
    ['counts', `${counts.posts} posts, ${counts.actors} actors, ${counts.tenures} tenures (${counts.openTenures} open), ${counts.channels} channels, ${counts.events} events, ${counts.sources} sources`],
    ['verified through', entry.verifiedThrough ? `${entry.verifiedThrough} (the default for open tenures and channels without their own date)` : 'not stated (open tenures are taken as still held)'],
    ['open tenures checked to', `${describeSpread(entry.tenureHorizons, 'open tenures')}; ${entry.openTenuresOnDefaultHorizon} on the dataset's date`],
    ['active or dormant channels checked to', describeSpread(entry.channelHorizons, 'channels')],
    [
      'verification',
      `${entry.unverifiedTenures} tenures unverified (background knowledge, not checked against a source), ${entry.partlyVerifiedTenures} partly verified, ${entry.tenuresWithoutSources} citing no source`,
    ],
  ];
}

function title(entry: DatasetCoverage): string {
  return entry.version ? `${entry.name} ${entry.version}` : entry.name;
}

/** `interlocutor datasets` as text: one block per loaded dataset, in load order. */
export function renderCoverageText(coverage: DataCoverage): string {
  const blocks = coverage.datasets.map((entry) => {
    const lines = [printable(title(entry))];
    for (const [label, value] of coverageLines(entry)) lines.push(`  ${label}: ${printable(value)}`);
    if (entry.description) lines.push(`  about: ${printable(entry.description)}`);
    return lines.join('\n');
  });
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : 'No dataset loaded.\n';
}

/** `interlocutor datasets --format json`: the coverage model, with C1 and bidi characters escaped too. */
export function renderCoverageJson(coverage: DataCoverage): string {
  // JSON.stringify escapes C0 controls but leaves C1 and bidirectional overrides as they are.
  return `${JSON.stringify(coverage, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** The active memo's date, and how many open tenures in effect are past their horizon on it. */
export interface CoverageOnDate {
  readonly text: string;
  readonly label: string;
  readonly openTenures?: { readonly open: number; readonly pastHorizon: number };
}

/** The "Show Data Coverage" document: escaped Markdown, one section per dataset. */
export function renderCoverageMarkdown(coverage: DataCoverage, date?: CoverageOnDate): string {
  const md = new MarkdownBuilder();
  md.raw('# ').text('Interlocutor data coverage').paragraphBreak();
  md.text(
    'An open post is known to be held only up to its horizon: the last month it was confirmed. After that it is unknown, and claims about it are not judged.',
  );
  if (date) {
    md.text(` The active memo is dated ${date.text} (${date.label}).`);
    const counts = date.openTenures;
    if (counts) md.text(` On that date ${counts.pastHorizon} of ${counts.open} open tenures are past their horizon.`);
  }
  md.paragraphBreak();
  if (coverage.datasets.length === 0) md.text('No dataset loaded.').paragraphBreak();
  for (const entry of coverage.datasets) {
    // Control characters and bidirectional overrides in data would hide or reorder what is shown.
    md.raw('## ').text(printable(title(entry))).paragraphBreak();
    if (entry.description) md.text(printable(entry.description)).paragraphBreak();
    for (const [label, value] of coverageLines(entry)) md.bullet().bold(label).text(`: ${printable(value)}`).raw('\n');
    md.paragraphBreak();
  }
  return `${md.toString()}\n`;
}
