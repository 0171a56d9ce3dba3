/**
 * Typed access to the extension's settings, and which changes need what: every setting so far
 * applies live (re-render or reload datasets); none needs a window reload.
 */
import * as vscode from 'vscode';
import { severityConfig, type SeverityConfig } from '../core/severity';

export const SECTION = 'interlocutor';

export interface InterlocutorSettings {
  /** The fallback memo date when front matter has none. */
  readonly asOf: string | undefined;
  /** Extra dataset files, absolute or relative to the workspace folder. */
  readonly datasets: readonly string[];
  /** Severity per finding code (interlocutor.severity.<code>). */
  readonly severities: SeverityConfig;
  /** Dataset files larger than this are not read (interlocutor.maxFileSize, in MB). */
  readonly maxFileBytes: number;
  /** Memos longer than this (in characters) are not checked while typing (interlocutor.checkLimit, in KB). */
  readonly checkLimitChars: number;
}

export const DEFAULT_MAX_FILE_MB = 20;
export const DEFAULT_CHECK_LIMIT_KB = 1024;

const positive = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);

/** Settings that apply per window, whatever the file (package.json gives them scope "window"). */
export interface WindowSettings {
  readonly statusBarEnabled: boolean;
}

/**
 * The resource-scoped settings as they apply to `resource` (a memo, a dataset, a workspace folder),
 * or with `null` as they apply anywhere. Each setting is read with the scope package.json gives it:
 * VS Code logs a warning for a resource setting read without a resource, and for a window setting
 * read with one.
 */
export function readSettings(resource: vscode.Uri | null): InterlocutorSettings {
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const asOf = config.get<string>('asOf')?.trim();
  return {
    asOf: asOf ? asOf : undefined,
    datasets: config.get<string[]>('datasets', []).filter((path) => typeof path === 'string' && path.trim() !== ''),
    severities: severityConfig((code) => config.get(code === 'unverified' ? 'unverifiedSeverity' : `severity.${code}`)),
    maxFileBytes: positive(config.get('maxFileSize'), DEFAULT_MAX_FILE_MB) * 1024 * 1024,
    checkLimitChars: positive(config.get('checkLimit'), DEFAULT_CHECK_LIMIT_KB) * 1024,
  };
}

/** The window-scoped settings, read without a resource. */
export function readWindowSettings(): WindowSettings {
  return { statusBarEnabled: vscode.workspace.getConfiguration(SECTION).get<boolean>('statusBar.enabled', true) };
}

/** Settings whose change means the datasets must be read again. */
export function affectsDatasets(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.datasets`) || event.affectsConfiguration(`${SECTION}.maxFileSize`);
}

/** Settings whose change alters what is shown for a memo (its date, status bar). */
export function affectsPresentation(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.asOf`) || event.affectsConfiguration(`${SECTION}.statusBar`) || event.affectsConfiguration(`${SECTION}.checkLimit`);
}

/** Settings whose change means open memos must be checked again. */
export function affectsChecks(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.severity`) || event.affectsConfiguration(`${SECTION}.unverifiedSeverity`) || event.affectsConfiguration(`${SECTION}.asOf`) || event.affectsConfiguration(`${SECTION}.checkLimit`);
}
