/**
 * `.interlocutorignore`: files that neither `interlocutor check` nor "Check All Memos" looks at,
 * in .gitignore syntax (matched by the `ignore` package, as ESLint and markdownlint-cli2 do).
 * Paths are relative to the folder that holds the rules, with forward slashes.
 */
import ignore from 'ignore';

export const IGNORE_FILE_NAME = '.interlocutorignore';

export type IgnoreMatcher = (relativePath: string) => boolean;

/** A matcher for rules given as ignore-file texts and single patterns. */
export function ignoreMatcher(rules: readonly string[]): IgnoreMatcher {
  // Each text may hold many lines (a whole ignore file); `ignore` splits a string, not an array's items.
  const matcher = ignore({ allowRelativePaths: true }).add(rules.flatMap((text) => text.split(/\r?\n/)));
  return (relativePath) => {
    const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    // Outside the folder the rules belong to: they say nothing about it.
    if (path === '' || path.startsWith('../') || path === '..' || /^[a-zA-Z]:\//.test(path) || path.startsWith('/')) return false;
    return matcher.ignores(path);
  };
}
