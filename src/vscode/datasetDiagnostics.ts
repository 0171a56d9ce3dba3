/**
 * Problems in dataset files as diagnostics (code `dataset-invalid`) on those files, at the line
 * and column of the problem. Updated file by file after every load: a file that is fixed loses
 * its diagnostics, other files keep theirs.
 */
import * as vscode from 'vscode';
import { problemsByFile, type LoadedKnowledge } from '../core/datasets';
import { datasetProblemToDiagnostic } from './convert';
import type { KnowledgeStore } from './knowledgeStore';

export { DATASET_INVALID } from './convert';

export function registerDatasetDiagnostics(store: KnowledgeStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('interlocutor-datasets');
  let reported = new Set<string>();
  const update = (knowledge: LoadedKnowledge) => {
    const byFile = problemsByFile(knowledge.problems);
    for (const file of reported) {
      if (!byFile.has(file)) collection.delete(vscode.Uri.parse(file));
    }
    for (const [file, problems] of byFile) collection.set(vscode.Uri.parse(file), problems.map(datasetProblemToDiagnostic));
    reported = new Set(byFile.keys());
  };
  return vscode.Disposable.from(collection, store.onDidChange(update));
}
