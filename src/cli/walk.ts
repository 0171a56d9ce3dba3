/**
 * The Markdown files under a directory, for `interlocutor check DIR`. Symbolic links are followed
 * only while they stay inside the directory given (unless the user asks to leave it), and each
 * real directory is read once, so a link cycle (`self -> .`, `a -> ../loop`) ends the walk rather
 * than hanging it.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';

const MEMO_FILE = /\.(?:md|markdown|mdown|mkd)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface WalkOptions {
  /** Follow links whose target is outside the directory given. Cycles are never followed. */
  readonly followLinksOutside: boolean;
  /** Told about each link left alone because it leaves the tree. */
  readonly onSkippedLink?: (link: string, target: string) => void;
}

export function memoFilesUnder(root: string, options: WalkOptions): string[] {
  const rootReal = realpathSync(root);
  const visited = new Set<string>([rootReal]);
  const seenFiles = new Set<string>();
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const directory = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      continue; // unreadable: permissions, or removed while walking
    }
    // Real entries before links, so that a file and a link to it are reported under the file's name.
    entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let real = path;
      if (entry.isSymbolicLink()) {
        try {
          real = realpathSync(path);
          const stats = statSync(real);
          isDirectory = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          continue; // a dangling link, or a loop the system itself refuses
        }
        if (!options.followLinksOutside && !isInside(real, rootReal)) {
          options.onSkippedLink?.(path, real);
          continue;
        }
      } else if (isDirectory) {
        real = realpathOf(path);
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || visited.has(real)) continue;
        visited.add(real);
        stack.push(path);
      } else if (isFile && MEMO_FILE.test(entry.name)) {
        const fileReal = entry.isSymbolicLink() ? real : realpathOf(path);
        if (seenFiles.has(fileReal)) continue;
        seenFiles.add(fileReal);
        files.push(path);
      }
    }
  }
  return files.sort();
}

function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
