/**
 * Which packs are in use, in which order, and how a pack becomes a dataset text. Pure: the
 * editor and the CLI read the files (src/cli/packStore.ts) and pass the texts in.
 *
 * Order of everything loaded: the built-in dataset, then the packs (the shipped ones in the order
 * they ship, then the installed ones by id; an installed pack with a shipped pack's id replaces
 * it), then the workspace's datasets, then the `interlocutor.datasets` setting. A later entry
 * replaces an earlier one by id; one person under two ids is folded by register id
 * (src/core/datasetMerge.ts).
 */
import type { DatasetText } from '../datasets';
import { packSchemas, verifyPack, type Pack, type PackManifest } from './manifest';

/** The largest pack file installed or loaded: far above the biggest real pack (pocom, 2.2 MB). */
export const PACK_MAX_BYTES = 32 * 1024 * 1024;

export type PackOrigin = 'shipped' | 'installed';

/** A pack file found on disk, before it is read. */
export interface PackFile {
  readonly id: string;
  readonly file: string;
  readonly origin: PackOrigin;
}

/** What `pack list` and "Manage Dataset Packs" show. */
export interface PackEntry {
  readonly manifest: PackManifest;
  readonly file: string;
  readonly origin: PackOrigin;
  readonly enabled: boolean;
  /** The shipped pack this installed one replaces, if any. */
  readonly replacesShipped: boolean;
}

/** The user's choices about packs, kept next to the installed packs as packs-state.json. */
export interface PackState {
  readonly disabled: readonly string[];
}

export const EMPTY_PACK_STATE: PackState = { disabled: [] };

export function parsePackState(text: string | undefined): PackState {
  if (!text) return EMPTY_PACK_STATE;
  try {
    const value: unknown = JSON.parse(text);
    const disabled = (value as { disabled?: unknown } | null)?.disabled;
    return { disabled: Array.isArray(disabled) ? disabled.filter((id): id is string => typeof id === 'string') : [] };
  } catch {
    // A damaged state file enables every pack: nothing the user wrote is lost (packs are not touched).
    return EMPTY_PACK_STATE;
  }
}

export function serializePackState(state: PackState): string {
  return `${JSON.stringify({ disabled: [...new Set(state.disabled)].sort() }, null, 2)}\n`;
}

export function withPackEnabled(state: PackState, id: string, enabled: boolean): PackState {
  const others = state.disabled.filter((disabled) => disabled !== id);
  return { disabled: enabled ? others : [...others, id] };
}

/**
 * The packs in load order: shipped ones in the order given, each replaced by an installed pack of
 * the same id, then the other installed packs by id.
 */
export function packLoadOrder(shipped: readonly PackFile[], installed: readonly PackFile[]): PackFile[] {
  const installedById = new Map(installed.map((pack) => [pack.id, pack]));
  const ordered = shipped.map((pack) => installedById.get(pack.id) ?? pack);
  const shippedIds = new Set(shipped.map((pack) => pack.id));
  const others = installed.filter((pack) => !shippedIds.has(pack.id)).sort((a, b) => a.id.localeCompare(b.id));
  return [...ordered, ...others];
}

/** The credit line of a pack: each source's attribution, once. */
export function packAttribution(manifest: PackManifest): string {
  return [...new Set(manifest.sources.map((source) => source.attribution))].join('; ');
}

export type PackReading = { ok: true; pack: Pack } | { ok: false; problems: string[] };

/**
 * A pack file's text as a pack. `verify` checks the checksum, schema and counts (for a pack that
 * came from outside: an install, or a pack in the user's folder); a shipped pack was verified when
 * it was built and by the tests, so only its shape is checked.
 */
export function readPack(text: string, options: { verify: boolean; maxBytes?: number }): PackReading {
  const maxBytes = options.maxBytes ?? PACK_MAX_BYTES;
  if (text.length > maxBytes) return { ok: false, problems: [`the pack is ${megabytes(text.length)} MB, over the ${megabytes(maxBytes)} MB limit for packs`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not a pack: the file is not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (options.verify) return verifyPack(value);
  const shape = packSchemas().packSchema.safeParse(value);
  if (!shape.success) return { ok: false, problems: shape.error.issues.map((issue) => `${issue.path.join('.') || '(pack)'}: ${issue.message}`) };
  return { ok: true, pack: { manifest: shape.data.manifest, dataset: shape.data.dataset as Pack['dataset'] } };
}

/**
 * The pack's dataset as a dataset text, named after the pack file, with the manifest's
 * attribution set on it so that cards can credit the source of every actor it describes.
 */
export function packDatasetText(pack: Pack, file: string): DatasetText {
  const value = { ...pack.dataset, attribution: packAttribution(pack.manifest) };
  // The value is passed on as read: loading a pack does not parse its JSON a second time.
  return { file, text: JSON.stringify(value), value };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
