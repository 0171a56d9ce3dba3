/**
 * Which memos `check` skips: the `.interlocutorignore` of each memo's workspace root (or of the
 * working directory when the memo has no root), and `--ignore-pattern` patterns, which are
 * relative to the working directory.
 */
import { dirname, join, relative } from 'node:path';
import { IGNORE_FILE_NAME, ignoreMatcher, type IgnoreMatcher } from '../core/ignoreRules';
import type { CliIo } from './io';
import { findWorkspaceRoot } from './workspaceConfig';

export class IgnoreRules {
  private readonly fromOptions: IgnoreMatcher;
  private readonly byRoot = new Map<string, IgnoreMatcher>();

  constructor(
    private readonly io: CliIo,
    patterns: readonly string[],
  ) {
    this.fromOptions = ignoreMatcher(patterns);
  }

  ignores(file: string): boolean {
    if (this.fromOptions(relative(this.io.cwd, file))) return true;
    const root = findWorkspaceRoot(dirname(file)) ?? this.io.cwd;
    return this.rootRules(root)(relative(root, file));
  }

  private rootRules(root: string): IgnoreMatcher {
    let rules = this.byRoot.get(root);
    if (!rules) {
      let text = '';
      try {
        text = this.io.readFile(join(root, IGNORE_FILE_NAME));
      } catch {
        text = ''; // no ignore file: nothing is skipped
      }
      rules = ignoreMatcher([text]);
      this.byRoot.set(root, rules);
    }
    return rules;
  }
}
