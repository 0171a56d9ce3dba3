/**
 * Merges dataset files in order: an entry with the same id as an earlier one replaces it, new ids
 * add. The built-in dataset comes first, then packs, then user datasets, so users can correct or
 * extend it.
 *
 * One person, two ids: an actor whose register ids (identifiers.wikidata or .bioguide) match an
 * actor of an earlier file is that person, and is folded into it rather than added (the congress
 * pack's "govtrack-412733" into the built-in "donald_trump"). The earlier actor keeps its id, name,
 * summary and events (channels and curated facts hang on them); it gains the later actor's
 * aliases, name (as an alias), identifiers and sources, and the tenures it does not already have
 * (the same post, start and end). A tenure in another post of the same office (the pack's
 * us-president beside the built-in us.president) is kept, so that each post still knows all its
 * holders; cards show such a pair once. The later id stays an alias of the earlier one, so a
 * still later entry under it, and channels naming it, reach the same actor.
 */
import type { PartialDate } from './dates';
import { partialDate } from './dates';
import type { Actor, ActorIdentifiers, Channel, Dataset, Role, SourceDefinition, Tenure } from './schema';
import type { ParsedDatasetFile } from './datasetLoader';

/** A dataset that loaded, with the file it came from: what "interlocutor datasets" describes. */
export interface LoadedDataset {
  readonly file: string;
  readonly dataset: Dataset;
}

export interface EntryOrigin {
  readonly file: string;
  /** Index in the file's array (roles, actors, channels or sources). */
  readonly index: number;
  /** The verifiedThrough date of the dataset the entry came from. */
  readonly verifiedThrough?: PartialDate;
}

export interface MergedData {
  readonly roles: ReadonlyMap<string, Role>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly sources: ReadonlyMap<string, SourceDefinition>;
  readonly roleOrigins: ReadonlyMap<string, EntryOrigin>;
  readonly actorOrigins: ReadonlyMap<string, EntryOrigin>;
  readonly channelOrigins: ReadonlyMap<string, EntryOrigin>;
  readonly sourceOrigins: ReadonlyMap<string, EntryOrigin>;
  /** Names of the datasets that loaded, in order. */
  readonly datasetNames: readonly string[];
  /** The datasets that loaded, in order (later ones replace entries of earlier ones by id). */
  readonly datasets: readonly LoadedDataset[];
  /** For an actor folded together from several files (same register ids), every file, in order. */
  readonly actorFiles?: ReadonlyMap<string, readonly string[]>;
  /** Ids that were folded into another actor (the pack's id → the earlier actor's id). */
  readonly actorIdAliases?: ReadonlyMap<string, string>;
}

export function mergeDatasets(files: readonly ParsedDatasetFile[]): MergedData {
  const roles = new Map<string, Role>();
  const actors = new Map<string, Actor>();
  const channels = new Map<string, Channel>();
  const sources = new Map<string, SourceDefinition>();
  const roleOrigins = new Map<string, EntryOrigin>();
  const actorOrigins = new Map<string, EntryOrigin>();
  const channelOrigins = new Map<string, EntryOrigin>();
  const sourceOrigins = new Map<string, EntryOrigin>();
  const datasetNames: string[] = [];
  const datasets: LoadedDataset[] = [];
  const identities = new IdentityIndex();
  const actorIdAliases = new Map<string, string>();
  const actorFiles = new Map<string, string[]>();

  for (const file of files) {
    const dataset = file.dataset;
    if (!dataset) continue;
    datasetNames.push(dataset.name);
    datasets.push({ file: file.file, dataset });
    const verifiedThrough = dataset.verifiedThrough ? partialDate(dataset.verifiedThrough) : undefined;
    const add = <T extends { id?: string | undefined }>(entries: readonly T[], target: Map<string, T>, origins: Map<string, EntryOrigin>) => {
      entries.forEach((entry, index) => {
        if (!entry.id) return;
        // Re-inserting moves a replaced entry to the end, so iteration follows the effective order.
        target.delete(entry.id);
        target.set(entry.id, entry);
        origins.set(entry.id, { file: file.file, index, ...(verifiedThrough ? { verifiedThrough } : {}) });
      });
    };
    add(dataset.sources, sources, sourceOrigins);
    add(dataset.roles, roles, roleOrigins);
    const fresh: Actor[] = [];
    for (const actor of dataset.actors) {
      const canonical = actorIdAliases.get(actor.id) ?? (actors.has(actor.id) ? undefined : identities.find(actor, file.file));
      const earlier = canonical ? actors.get(canonical) : undefined;
      if (canonical && earlier) {
        const folded = foldActor(earlier, actor, dataset.verifiedThrough);
        actors.set(canonical, folded);
        identities.record(folded, actorOrigins.get(canonical)?.file ?? file.file);
        actorIdAliases.set(actor.id, canonical);
        actorFiles.set(canonical, [...(actorFiles.get(canonical) ?? [actorOrigins.get(canonical)?.file ?? file.file]), file.file]);
      } else {
        fresh.push(actor);
      }
    }
    add(fresh, actors, actorOrigins);
    for (const actor of fresh) {
      identities.record(actor, file.file);
      actorFiles.delete(actor.id);
    }
    add(actorIdAliases.size > 0 ? dataset.channels.map((channel) => withCanonicalEndpoints(channel, actorIdAliases)) : dataset.channels, channels, channelOrigins);
  }
  return { roles, actors, channels, sources, roleOrigins, actorOrigins, channelOrigins, sourceOrigins, datasetNames, datasets, actorFiles, actorIdAliases };
}

type IdentifierKey = keyof ActorIdentifiers;
const IDENTIFIER_KEYS: readonly IdentifierKey[] = ['wikidata', 'bioguide'];

/** Which actor each register id belongs to, and in which file it was first seen. */
class IdentityIndex {
  private readonly owners = new Map<string, { actorId: string; file: string }>();

  /** The earlier actor (from another file) with one of this actor's register ids. */
  find(actor: Actor, file: string): string | undefined {
    for (const key of IDENTIFIER_KEYS) {
      const value = actor.identifiers?.[key];
      const owner = value ? this.owners.get(`${key}:${value}`) : undefined;
      if (owner && owner.file !== file) return owner.actorId;
    }
    return undefined;
  }

  record(actor: Actor, file: string): void {
    for (const key of IDENTIFIER_KEYS) {
      const value = actor.identifiers?.[key];
      if (value) this.owners.set(`${key}:${value}`, { actorId: actor.id, file });
    }
  }
}

/** The earlier actor with what the later record of the same person adds (see the module comment). */
export function foldActor(earlier: Actor, later: Actor, laterVerifiedThrough?: string): Actor {
  const aliases = [...earlier.aliases];
  for (const alias of [later.name, ...later.aliases]) if (alias !== earlier.name && !aliases.includes(alias)) aliases.push(alias);
  const tenures = [...earlier.tenures];
  for (const tenure of later.tenures) {
    if (tenures.some((known) => sameTenure(known, tenure))) continue;
    // An open tenure keeps the horizon of the dataset it came from, not the earlier actor's dataset's.
    const open = tenure.end === undefined || tenure.end === null;
    tenures.push(open && !tenure.verifiedThrough && laterVerifiedThrough ? { ...tenure, verifiedThrough: laterVerifiedThrough } : tenure);
  }
  const identifiers: ActorIdentifiers = { ...later.identifiers, ...earlier.identifiers };
  return {
    ...earlier,
    ...(earlier.summary || !later.summary ? {} : { summary: later.summary }),
    ...(earlier.nativeName || !later.nativeName ? {} : { nativeName: later.nativeName }),
    aliases,
    identifiers,
    tenures,
    sources: [...earlier.sources, ...later.sources],
  };
}

function sameTenure(a: Tenure, b: Tenure): boolean {
  return a.role === b.role && (a.start ?? null) === (b.start ?? null) && (a.end ?? null) === (b.end ?? null);
}

/**
 * Whether two tenures are one spell in one office held under two post ids (the built-in
 * us.president and a pack's us-president): the same dates, and posts of the same title and
 * country. Cards show such a pair once.
 */
export function sameOffice(a: { tenure: Tenure; role: Role | undefined }, b: { tenure: Tenure; role: Role | undefined }): boolean {
  if ((a.tenure.start ?? null) !== (b.tenure.start ?? null) || (a.tenure.end ?? null) !== (b.tenure.end ?? null)) return false;
  if (a.tenure.role === b.tenure.role) return true;
  return a.role !== undefined && b.role !== undefined && a.role.title.toLowerCase() === b.role.title.toLowerCase() && a.role.country === b.role.country;
}

function withCanonicalEndpoints(channel: Channel, aliases: ReadonlyMap<string, string>): Channel {
  if (!channel.endpoints.some((endpoint) => aliases.has(endpoint))) return channel;
  return { ...channel, endpoints: channel.endpoints.map((endpoint) => aliases.get(endpoint) ?? endpoint) };
}
