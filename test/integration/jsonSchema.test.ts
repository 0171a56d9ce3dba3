import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, waitForDiagnostics, writeWorkspaceFile, codeOf } from './helpers';

describe('dataset files are validated by the contributed JSON Schema while users type', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it("VS Code's JSON support flags an unknown field in a *.interlocutor.json file", async () => {
    const uri = await writeWorkspaceFile('schema-probe.interlocutor.json', '{\n  "name": "Probe",\n  "actors": [{ "id": "a", "name": "A", "born": 1966 }]\n}\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (list) => list.some((diagnostic) => /born/.test(diagnostic.message) && codeOf(diagnostic) !== 'dataset-invalid'), 'a JSON Schema diagnostic', 30_000);
    const fromSchema = diagnostics.find((diagnostic) => /born/.test(diagnostic.message) && codeOf(diagnostic) !== 'dataset-invalid')!;
    assert.equal(fromSchema.range.start.line, 2);
    await vscode.workspace.fs.delete(uri);
  });
});
