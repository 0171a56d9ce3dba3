/**
 * Merges dataset files in order: an entry with the same id as an earlier one replaces it, new ids
 * add. The built-in dataset comes first, then user datasets, so users can correct or extend it.
 */
import type { PartialDate } from './dates';
import { partialDate } from './dates';
import type { Actor, Channel, Dataset, Role, SourceDefinition } from './schema';
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
    add(dataset.actors, actors, actorOrigins);
    add(dataset.channels, channels, channelOrigins);
  }
  return { roles, actors, channels, sources, roleOrigins, actorOrigins, channelOrigins, sourceOrigins, datasetNames, datasets };
}
