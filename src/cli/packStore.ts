/**
 * The packs on this machine: the ones shipped with Interlocutor (data/packs/ next to the bundle,
 * read-only) and the ones the user installed, in one user-level folder shared by the CLI and the
 * editor:
 *   $INTERLOCUTOR_PACKS_DIR, else $XDG_DATA_HOME/interlocutor/packs, else
 *   %APPDATA%\interlocutor\packs on Windows, else ~/.local/share/interlocutor/packs.
 * Each installed pack is <id>.pack.json there; packs-state.json lists the disabled ones (shipped
 * packs can be disabled too, not removed).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DatasetProblem } from '../core/datasetLoader';
import type { DatasetText } from '../core/datasets';
import { packDatasetText, packLoadOrder, parsePackState, PACK_MAX_BYTES, readPack, serializePackState, withPackEnabled, type PackEntry, type PackFile, type PackOrigin, type PackState } from '../core/packs/registry';
import type { Pack } from '../core/packs/manifest';
import { describeReadError, readRegularFile, shippedDataPath } from './io';

const PACK_SUFFIX = '.pack.json';
const STATE_FILE = 'packs-state.json';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The user-level folder of installed packs (see the module comment). */
export function userPacksFolder(env: Environment = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.INTERLOCUTOR_PACKS_DIR) return resolve(env.INTERLOCUTOR_PACKS_DIR);
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'interlocutor', 'packs');
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'interlocutor', 'packs');
  return join(home, '.local', 'share', 'interlocutor', 'packs');
}

/** data/packs, shipped with Interlocutor. */
export function shippedPacksFolder(): string {
  return shippedDataPath('packs');
}

/** The pack files in a folder, by id: the shipped ones load in this order too. */
function packFilesIn(folder: string, origin: PackOrigin): PackFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(PACK_SUFFIX))
    .sort()
    .map((name) => ({ id: name.slice(0, -PACK_SUFFIX.length), file: join(folder, name), origin }));
}

export interface PackTexts {
  /** The enabled packs' datasets, in load order: insert them right after the built-in dataset. */
  readonly texts: readonly DatasetText[];
  /** A pack that could not be read or verified: reported on its file, and left out. */
  readonly problems: readonly DatasetProblem[];
}

export class PackStore {
  constructor(
    readonly userFolder: string = userPacksFolder(),
    readonly shippedFolder: string = shippedPacksFolder(),
  ) {}

  state(): PackState {
    try {
      return parsePackState(readRegularFile(join(this.userFolder, STATE_FILE), 1024 * 1024));
    } catch {
      return parsePackState(undefined);
    }
  }

  /** Every pack file, in load order, with the shipped ones an installed pack replaces left out. */
  files(): PackFile[] {
    return packLoadOrder(packFilesIn(this.shippedFolder, 'shipped'), packFilesIn(this.userFolder, 'installed'));
  }

  /** Reads a pack file; installed packs are verified (checksum, schema, counts) every time. */
  read(file: PackFile): { ok: true; pack: Pack } | { ok: false; problems: string[] } {
    let text: string;
    try {
      text = readRegularFile(file.file, PACK_MAX_BYTES);
    } catch (error) {
      return { ok: false, problems: [`cannot read this pack: ${describeReadError(error)}`] };
    }
    const reading = readPack(text, { verify: file.origin === 'installed' });
    if (reading.ok && reading.pack.manifest.id !== file.id) return { ok: false, problems: [`the pack's id is "${reading.pack.manifest.id}", but the file is named for "${file.id}"`] };
    return reading;
  }

  /** What `pack list` shows: every pack with its manifest and whether it is enabled. */
  list(): { entries: PackEntry[]; problems: DatasetProblem[] } {
    const disabled = new Set(this.state().disabled);
    const shippedIds = new Set(packFilesIn(this.shippedFolder, 'shipped').map((pack) => pack.id));
    const entries: PackEntry[] = [];
    const problems: DatasetProblem[] = [];
    for (const file of this.files()) {
      const reading = this.read(file);
      if (!reading.ok) {
        problems.push(...reading.problems.map((message) => packProblem(file.file, message)));
        continue;
      }
      entries.push({ manifest: reading.pack.manifest, file: file.file, origin: file.origin, enabled: !disabled.has(file.id), replacesShipped: file.origin === 'installed' && shippedIds.has(file.id) });
    }
    return { entries, problems };
  }

  /** The enabled packs as dataset texts, in load order. */
  datasetTexts(): PackTexts {
    const disabled = new Set(this.state().disabled);
    const texts: DatasetText[] = [];
    const problems: DatasetProblem[] = [];
    for (const file of this.files()) {
      if (disabled.has(file.id)) continue;
      const reading = this.read(file);
      if (reading.ok) texts.push(packDatasetText(reading.pack, file.file));
      else problems.push(...reading.problems.map((message) => packProblem(file.file, message)));
    }
    return { texts, problems };
  }

  /**
   * Installs a pack from its text: verified (checksum, schema, counts) and within the size limit,
   * else refused with every problem and nothing written. Written to a temporary file and renamed,
   * so a pack in use is never half-written. Returns the manifest and the version it replaced.
   */
  install(text: string): { manifest: Pack['manifest']; replaced?: string } {
    const reading = readPack(text, { verify: true });
    if (!reading.ok) throw new PackRefused(reading.problems);
    const { manifest } = reading.pack;
    mkdirSync(this.userFolder, { recursive: true });
    const target = join(this.userFolder, `${manifest.id}${PACK_SUFFIX}`);
    const previous = existsSync(target) ? this.read({ id: manifest.id, file: target, origin: 'installed' }) : undefined;
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
    return { manifest, ...(previous?.ok ? { replaced: previous.pack.manifest.version } : {}) };
  }

  /** Removes an installed pack (and its disabled mark). A shipped pack cannot be removed, only disabled. */
  remove(id: string): void {
    const target = join(this.userFolder, `${id}${PACK_SUFFIX}`);
    if (!existsSync(target)) {
      const shipped = packFilesIn(this.shippedFolder, 'shipped').some((pack) => pack.id === id);
      throw new PackRefused([shipped ? `"${id}" ships with Interlocutor and cannot be removed; disable it instead` : `no installed pack "${id}"`]);
    }
    rmSync(target);
    if (!packFilesIn(this.shippedFolder, 'shipped').some((pack) => pack.id === id)) this.writeState(withPackEnabled(this.state(), id, true));
  }

  setEnabled(id: string, enabled: boolean): void {
    if (!this.files().some((file) => file.id === id)) throw new PackRefused([`no pack "${id}"`]);
    this.writeState(withPackEnabled(this.state(), id, enabled));
  }

  private writeState(state: PackState): void {
    mkdirSync(this.userFolder, { recursive: true });
    writeFileSync(join(this.userFolder, STATE_FILE), serializePackState(state));
  }
}

/** An install or removal that was refused: each problem in words. */
export class PackRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

function packProblem(file: string, message: string): DatasetProblem {
  return { file, severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function allowedDownload(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname));
}

/**
 * Downloads a pack: https only, except a loopback address (http://127.0.0.1, http://[::1],
 * http://localhost) that never leaves the machine; refused above `maxBytes`, counted while the
 * body arrives so a server that lies about its length cannot fill the memory.
 */
export async function downloadPack(url: string, maxBytes: number = PACK_MAX_BYTES): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PackRefused([`"${url}" is not a URL`]);
  }
  if (!allowedDownload(parsed)) throw new PackRefused([`packs are downloaded over https only (${parsed.protocol} refused; plain http only from this machine, 127.0.0.1)`]);
  let response: Response;
  try {
    response = await fetch(parsed, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new PackRefused([`cannot download ${url}: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`]);
  }
  if (!response.ok) throw new PackRefused([`${url} answered ${response.status} ${response.statusText}`]);
  const final = new URL(response.url || url);
  if (!allowedDownload(final)) throw new PackRefused([`${url} redirected to ${final.protocol} (https only)`]);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new PackRefused([`the pack is ${(declared / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit for packs`]);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        throw new PackRefused([`the pack is over the ${(maxBytes / 1048576).toFixed(1)} MB limit for packs (the download was stopped)`]);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
