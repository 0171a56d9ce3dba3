/** How loudly each finding code speaks: configurable per code, the same in the editor and the CLI. */
import { CLAIM_CODES, type ClaimCode } from './claimChecker';

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Codes about a whole memo rather than one claim: `data-horizon` says that the memo's date is past
 * the horizon of claims in it, which were therefore not judged.
 */
export const MEMO_CODES = ['data-horizon'] as const;
export type MemoCode = (typeof MEMO_CODES)[number];

/** Every code a finding can carry, in the order they are listed (settings, SARIF rules, --severity). */
export const FINDING_CODES: readonly FindingCode[] = [...CLAIM_CODES, ...MEMO_CODES];
export type FindingCode = ClaimCode | MemoCode;

export const DEFAULT_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'stale-role': 'warning',
  'not-yet-in-role': 'warning',
  'never-held-role': 'warning',
  'still-in-role': 'warning',
  'data-horizon': 'information',
};

export type SeverityConfig = Readonly<Record<FindingCode, Severity>> & {
  /** The most a finding resting on an unverified date may say (interlocutor.unverifiedSeverity). */
  readonly unverified: Severity;
};

/** The default of interlocutor.unverifiedSeverity. */
export const DEFAULT_UNVERIFIED_SEVERITY: Severity = 'information';

/**
 * Reads `interlocutor.severity.<code>` values and `interlocutor.unverifiedSeverity` (asked for as
 * the pseudo-code "unverified"), ignoring anything that is not a known level.
 */
export function severityConfig(read: (code: FindingCode | 'unverified') => unknown): SeverityConfig {
  const level = (value: unknown): Severity | undefined => (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : undefined);
  const config: Record<FindingCode, Severity> = { ...DEFAULT_SEVERITY };
  for (const code of FINDING_CODES) config[code] = level(read(code)) ?? config[code];
  return { ...config, unverified: level(read('unverified')) ?? DEFAULT_UNVERIFIED_SEVERITY };
}

/**
 * The severity a finding is shown with: its code's, lowered to the unverified level when the date
 * it rests on was never checked against a source (a reader should not be told as loudly).
 */
export function severityOf(finding: { readonly code: FindingCode; readonly certainty?: string | undefined }, config: SeverityConfig): Severity {
  const own = config[finding.code];
  if (finding.certainty !== 'unverified') return own;
  return SEVERITIES.indexOf(config.unverified) > SEVERITIES.indexOf(own) ? config.unverified : own;
}

export const CODE_DESCRIPTIONS: Readonly<Record<FindingCode, string>> = {
  'stale-role': 'Presented as current, but the tenure ended before the date.',
  'not-yet-in-role': 'Presented as current, but the tenure starts after the date.',
  'never-held-role': 'The actor never held that post.',
  'still-in-role': 'Called former, but holds the post on the date.',
  'data-horizon': "The memo's date is past the horizon of claims in it (the datasets were not verified that far), so they were not judged.",
};

/** Where the project lives; package.json `repository` says the same (a unit test checks). */
export const REPOSITORY_URL = 'https://github.com/interlocutor/interlocutor';

/** The README section that explains a code, for diagnostics' codeDescription and SARIF helpUri. */
export function codeHelpUri(code: FindingCode | 'dataset-invalid'): string {
  return `${REPOSITORY_URL}#${code}`;
}
