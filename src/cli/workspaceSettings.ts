/**
 * The CLI reads the same settings as the editor from .vscode/settings.json in the working
 * directory (interlocutor.severity.*, interlocutor.datasets, interlocutor.asOf), so a memo is
 * judged the same way in CI as on the author's screen.
 */
import * as jsonc from 'jsonc-parser';
import { join } from 'node:path';
import type { CliIo } from './io';

export interface WorkspaceSettings {
  readonly values: Readonly<Record<string, unknown>>;
  readonly file?: string;
}

export function readWorkspaceSettings(io: CliIo): WorkspaceSettings {
  const file = join(io.cwd, '.vscode', 'settings.json');
  let text: string;
  try {
    text = io.readFile(file);
  } catch {
    return { values: {} };
  }
  const value = jsonc.parse(text, [], { allowTrailingComma: true }) as unknown;
  return { values: value && typeof value === 'object' ? (value as Record<string, unknown>) : {}, file };
}
