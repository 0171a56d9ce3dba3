/**
 * `interlocutor pack list [--format text|json]`, `pack install FILE|URL`, `pack remove ID`,
 * `pack enable ID`, `pack disable ID`: the dataset packs in the user-level folder
 * (src/cli/packStore.ts), shared with the editor.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packAttribution, PACK_MAX_BYTES, type PackEntry } from '../core/packs/registry';
import type { CliIo } from './io';
import { describeReadError } from './io';
import { InputError, UsageError, formatProblem } from './knowledge';
import { downloadPack, PackRefused, PackStore, userPacksFolder } from './packStore';
import { jsonTerminalSafe, terminalSafeLine } from './terminalText';

export const PACK_USAGE = 'pack list [--format text|json] | pack install FILE|URL | pack remove ID | pack enable ID | pack disable ID';

export async function packCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const store = new PackStore(userPacksFolder(io.env ?? process.env));
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string' } } });
  const one = (what: string) => {
    if (positionals.length !== 1) throw new UsageError(`pack ${action} needs one ${what}`);
    return positionals[0]!;
  };
  try {
    switch (action) {
      case 'list': {
        if (positionals.length > 0) throw new UsageError('pack list takes no arguments');
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json') throw new UsageError('--format must be one of text, json');
        const { entries, problems } = store.list();
        for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
        io.stdout(format === 'json' ? `${jsonTerminalSafe(JSON.stringify(entries.map(packJson), null, 2))}\n` : packListText(entries, store.userFolder));
        return problems.length > 0 ? 2 : 0;
      }
      case 'install': {
        const source = one('file or https URL');
        const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? await downloadPack(source) : readPackFile(io, resolve(io.cwd, source));
        const { manifest, replaced } = store.install(text);
        io.stdout(
          terminalSafeLine(`Installed ${manifest.id} ${manifest.version}${replaced ? ` (replacing ${replaced})` : ''}: ${manifest.counts.actors} actors, ${manifest.counts.roles} posts, ${manifest.counts.tenures} tenures; ${manifest.sources.map((source) => source.license).join(', ')}`) +
            `\n${terminalSafeLine(`Attribution: ${packAttribution(manifest)}`)}\n`,
        );
        return 0;
      }
      case 'remove':
        store.remove(one('pack id'));
        io.stdout(`Removed ${terminalSafeLine(positionals[0]!)}\n`);
        return 0;
      case 'enable':
      case 'disable':
        store.setEnabled(one('pack id'), action === 'enable');
        io.stdout(`${action === 'enable' ? 'Enabled' : 'Disabled'} ${terminalSafeLine(positionals[0]!)}\n`);
        return 0;
      default:
        throw new UsageError(action ? `unknown pack action "${action}" (${PACK_USAGE})` : `pack needs an action: ${PACK_USAGE}`);
    }
  } catch (error) {
    if (error instanceof PackRefused) throw new InputError(`pack ${action}: ${error.problems.join('; ')}`);
    throw error;
  }
}

function readPackFile(io: CliIo, path: string): string {
  try {
    return io.readFile(path, PACK_MAX_BYTES);
  } catch (error) {
    throw new InputError(`cannot read pack ${path}: ${describeReadError(error)}`);
  }
}

function packJson(entry: PackEntry) {
  const { manifest } = entry;
  return {
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    enabled: entry.enabled,
    origin: entry.origin,
    counts: manifest.counts,
    licenses: [...new Set(manifest.sources.map((source) => source.license))],
    attribution: packAttribution(manifest),
    coverage: manifest.coverage,
    file: entry.file,
  };
}

function packListText(entries: readonly PackEntry[], userFolder: string): string {
  const lines = entries.flatMap((entry) => {
    const { manifest } = entry;
    const origin = entry.origin === 'shipped' ? 'shipped' : entry.replacesShipped ? 'installed, replaces the shipped pack' : 'installed';
    return [
      `${manifest.id} ${manifest.version} (${entry.enabled ? 'enabled' : 'disabled'}, ${origin}): ${manifest.title}`,
      `  ${manifest.counts.actors} actors, ${manifest.counts.roles} posts, ${manifest.counts.tenures} tenures; licence ${[...new Set(manifest.sources.map((source) => source.license))].join(', ')}`,
      `  Attribution: ${packAttribution(manifest)}`,
    ].map(terminalSafeLine);
  });
  return `${[...lines, entries.length === 0 ? 'No packs.' : '', `Installed packs live in ${terminalSafeLine(userFolder)}`].filter(Boolean).join('\n')}\n`;
}
