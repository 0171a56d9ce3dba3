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

export type SeverityConfig = Readonly<Record<FindingCode, Severity>>;

/** Reads `interlocutor.severity.<code>` values, ignoring anything that is not a known level. */
export function severityConfig(read: (code: FindingCode) => unknown): SeverityConfig {
  const config = { ...DEFAULT_SEVERITY };
  for (const code of FINDING_CODES) {
    const value = read(code);
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) config[code] = value as Severity;
  }
  return config;
}

export const CODE_DESCRIPTIONS: Readonly<Record<FindingCode, string>> = {
  'stale-role': 'Presented as current, but the tenure ended before the date.',
  'not-yet-in-role': 'Presented as current, but the tenure starts after the date.',
  'never-held-role': 'The actor never held that post.',
  'still-in-role': 'Called former, but holds the post on the date.',
  'data-horizon': "The memo's date is past the horizon of claims in it (the datasets were not verified that far), so they were not judged.",
};
