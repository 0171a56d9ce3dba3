/**
 * The CLI reads the same settings as the editor from the workspace root's .vscode/settings.json
 * (interlocutor.severity.*, interlocutor.unverifiedSeverity, interlocutor.datasets,
 * interlocutor.asOf, interlocutor.maxFileSize), so a memo is judged the same way in CI as on the
 * author's screen.
 */
import * as jsonc from 'jsonc-parser';
import { join } from 'node:path';
import type { CliIo } from './io';

export interface WorkspaceSettings {
  readonly values: Readonly<Record<string, unknown>>;
  readonly file?: string;
}

export function readWorkspaceSettings(io: CliIo, root: string = io.cwd): WorkspaceSettings {
  const file = join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    text = io.readFile(file);
  } catch {
    return { values: {} };
  }
  const value = jsonc.parse(text, [], { allowTrailingComma: true }) as unknown;
  return { values: value && typeof value === 'object' ? (value as Record<string, unknown>) : {}, file };
}
