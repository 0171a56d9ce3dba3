/**
 * Which files in a workspace are datasets: one definition for the editor (findFiles, file
 * watchers) and the command line (`check` walks the same globs), so both load the same data.
 */
export const WORKSPACE_DATASET_GLOBS = ['**/*.interlocutor.{json,yaml,yml}', '**/.interlocutor/*.{json,yaml,yml}'] as const;

/** The same patterns as one glob: one search (findFiles) or one watcher sees every dataset file. */
export const WORKSPACE_DATASET_GLOB = '**/{*.interlocutor.json,*.interlocutor.yaml,*.interlocutor.yml,.interlocutor/*.json,.interlocutor/*.yaml,.interlocutor/*.yml}';

/** Never searched for datasets: installed packages are not the user's data. */
export const WORKSPACE_DATASET_EXCLUDE = '**/node_modules/**';

/** Whether a path (with forward slashes) names a workspace dataset file. */
export function isWorkspaceDatasetPath(path: string): boolean {
  return /\.interlocutor\.(json|ya?ml)$/i.test(path) || /(^|\/)\.interlocutor\/[^/]+\.(json|ya?ml)$/i.test(path);
}
