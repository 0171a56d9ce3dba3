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
  readonly statusBarEnabled: boolean;
  /** Severity per finding code (interlocutor.severity.<code>). */
  readonly severities: SeverityConfig;
}

export function readSettings(scope?: vscode.ConfigurationScope): InterlocutorSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const asOf = config.get<string>('asOf')?.trim();
  return {
    asOf: asOf ? asOf : undefined,
    datasets: config.get<string[]>('datasets', []).filter((path) => typeof path === 'string' && path.trim() !== ''),
    statusBarEnabled: config.get<boolean>('statusBar.enabled', true),
    severities: severityConfig((code) => config.get(code === 'unverified' ? 'unverifiedSeverity' : `severity.${code}`)),
  };
}

/** Settings whose change means the datasets must be read again. */
export function affectsDatasets(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.datasets`);
}

/** Settings whose change alters what is shown for a memo (its date, status bar). */
export function affectsPresentation(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.asOf`) || event.affectsConfiguration(`${SECTION}.statusBar`);
}

/** Settings whose change means open memos must be checked again. */
export function affectsChecks(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.severity`) || event.affectsConfiguration(`${SECTION}.unverifiedSeverity`) || event.affectsConfiguration(`${SECTION}.asOf`);
}
