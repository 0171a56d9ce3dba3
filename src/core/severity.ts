/** How loudly each finding code speaks: configurable per code, the same in the editor and the CLI. */
import { CLAIM_CODES, type ClaimCode } from './claimChecker';

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEFAULT_SEVERITY: Readonly<Record<ClaimCode, Severity>> = {
  'stale-role': 'warning',
  'not-yet-in-role': 'warning',
  'never-held-role': 'warning',
  'still-in-role': 'warning',
};

export type SeverityConfig = Readonly<Record<ClaimCode, Severity>>;

/** Reads `interlocutor.severity.<code>` values, ignoring anything that is not a known level. */
export function severityConfig(read: (code: ClaimCode) => unknown): SeverityConfig {
  const config = { ...DEFAULT_SEVERITY };
  for (const code of CLAIM_CODES) {
    const value = read(code);
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) config[code] = value as Severity;
  }
  return config;
}

export const CODE_DESCRIPTIONS: Readonly<Record<ClaimCode, string>> = {
  'stale-role': 'Presented as current, but the tenure ended before the date.',
  'not-yet-in-role': 'Presented as current, but the tenure starts after the date.',
  'never-held-role': 'The actor never held that post.',
  'still-in-role': 'Called former, but holds the post on the date.',
};
