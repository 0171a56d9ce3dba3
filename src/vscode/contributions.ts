/**
 * Every identifier the extension shares with its manifest, in one table: command ids, view ids,
 * context keys, settings, and the file patterns of datasets. package.json must say the same; a
 * unit test (test/unit/manifest.test.ts) checks it, so a renamed command cannot silently break a
 * menu, a keybinding or a walkthrough step. Plain constants: no `vscode` import, so plain Node
 * tests can read it.
 */
import { FINDING_CODES, SEVERITIES } from '../core/severity';
import { WORKSPACE_DATASET_GLOBS } from '../core/workspaceDatasets';

export const COMMAND = {
  reloadDatasets: 'interlocutor.reloadDatasets',
  showActor: 'interlocutor.showActor',
  showDataCoverage: 'interlocutor.showDataCoverage',
  setMemoDate: 'interlocutor.setMemoDate',
  filterChannels: 'interlocutor.filterChannels',
  clearChannelFilter: 'interlocutor.clearChannelFilter',
  refreshChannels: 'interlocutor.refreshChannels',
  insertReference: 'interlocutor.insertReference',
  showActorFromTree: 'interlocutor.showActorFromTree',
  openSource: 'interlocutor.openSource',
  showChannelTimeline: 'interlocutor.showChannelTimeline',
  insertChannelTimelineFigure: 'interlocutor.insertChannelTimelineFigure',
  openEvidenceSource: 'interlocutor.openEvidenceSource',
  checkWorkspace: 'interlocutor.checkWorkspace',
  installPack: 'interlocutor.installPack',
  managePacks: 'interlocutor.managePacks',
} as const;

export const VIEW = {
  container: 'interlocutor',
  channels: 'interlocutor.channels',
  actors: 'interlocutor.actors',
  channelTimelinePanel: 'interlocutor.channelTimeline',
} as const;

export const CONTEXT_KEY = {
  channelFilter: 'interlocutor.channelFilter',
} as const;

/** Every setting, without the `interlocutor.` prefix, with the values an enum setting allows. */
export const SETTINGS: Readonly<Record<string, readonly string[] | undefined>> = {
  asOf: undefined,
  datasets: undefined,
  maxFileSize: undefined,
  checkLimit: undefined,
  'statusBar.enabled': undefined,
  ...Object.fromEntries(FINDING_CODES.map((code) => [`severity.${code}`, SEVERITIES])),
  unverifiedSeverity: SEVERITIES,
};

/** The dataset file patterns the manifest repeats (activation, JSON and YAML validation). */
export const DATASET_FILE_GLOBS = WORKSPACE_DATASET_GLOBS;

/** The problem matcher contributed for `interlocutor check --format compact` in tasks. */
export const PROBLEM_MATCHER = 'interlocutor';
