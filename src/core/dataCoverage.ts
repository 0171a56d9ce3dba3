/**
 * What the loaded datasets cover, for `interlocutor datasets` and the "Show Data Coverage"
 * document: per dataset its counts, its horizons (the dataset-wide verifiedThrough, and the
 * earliest and latest of the per-tenure and per-channel values), its licence and sources, and how
 * many tenures rest on unverified or partly verified facts. Plain data; rendering is separate.
 */
import { dayRange, partialDate } from './dates';
import type { LoadedDataset } from './datasetMerge';
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
