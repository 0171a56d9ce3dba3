/**
 * Problems in dataset files as diagnostics (code `dataset-invalid`) on those files, at the line
 * and column of the problem. Updated file by file after every load: a file that is fixed loses
 * its diagnostics, other files keep theirs.
 */
import * as vscode from 'vscode';
import type { DatasetProblem } from '../core/datasetLoader';
import { problemsByFile, type LoadedKnowledge } from '../core/datasets';
import { toVsRange } from './convert';
import type { KnowledgeStore } from './knowledgeStore';

export const DATASET_INVALID = 'dataset-invalid';

export function registerDatasetDiagnostics(store: KnowledgeStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('interlocutor-datasets');
  let reported = new Set<string>();
  const update = (knowledge: LoadedKnowledge) => {
    const byFile = problemsByFile(knowledge.problems);
    for (const file of reported) {
      if (!byFile.has(file)) collection.delete(vscode.Uri.parse(file));
    }
    for (const [file, problems] of byFile) collection.set(vscode.Uri.parse(file), problems.map(toDiagnostic));
    reported = new Set(byFile.keys());
  };
  return vscode.Disposable.from(collection, store.onDidChange(update));
}

function toDiagnostic(problem: DatasetProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toVsRange(problem.range),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.code = DATASET_INVALID;
  diagnostic.source = 'Interlocutor';
  return diagnostic;
}
