/** Helpers for tests that run inside the real VS Code extension host. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoadedKnowledge } from '../../src/core/datasets';
import type { InterlocutorApi } from '../../src/extension';

export const EXTENSION_ID = 'interlocutor.interlocutor';

export async function extensionApi(): Promise<InterlocutorApi> {
  const extension = vscode.extensions.getExtension<InterlocutorApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  await api.knowledge();
  return api;
}

let scratchCounter = 0;

/** A fresh file URI under the workspace's scratch/ folder (the workspace is a temporary copy). */
export function scratchUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'scratch', name);
}

/**
 * Writes a memo file with the given text and opens it in an editor. Files rather than untitled
 * documents, so closing editors between tests never stops at a "save changes?" prompt.
 */
export async function openMemo(content: string, name = `memo-${++scratchCounter}.md`): Promise<vscode.TextDocument> {
  const uri = scratchUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

export function memo(asOf: string | undefined, body: string): string {
  return asOf === undefined ? body : `---\ntitle: Test memo\nas_of: ${asOf}\n---\n\n${body}\n`;
}

/** The position inside the n-th occurrence of `needle` (one character in). */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0, delta = 1): vscode.Position {
  const text = document.getText();
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `"${needle}" not found in the memo`);
  }
  return document.positionAt(offset + delta);
}

/** The Markdown of every hover VS Code would show at a position, joined. */
/** The hover text at a position, without the evidence shown under a finding (see evidenceMarkdown). */
export async function hoverMarkdown(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return (await hoverParts(document, position)).filter((part) => !part.startsWith('**Evidence**')).join('\n');
}

/** Each hover content at a position, as Markdown. */
export async function hoverParts(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''));
}

/** Hover text with Markdown escapes removed, for readable assertions. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&:"'=$^@%])/g, '$1');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Updates a workspace setting and restores it after the test. */
export async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const [section, ...rest] = key.split('.');
  const config = vscode.workspace.getConfiguration(section);
  const name = rest.join('.');
  const previous = config.inspect(name)?.workspaceValue;
  await config.update(name, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration(section).update(name, previous, vscode.ConfigurationTarget.Workspace);
  }
}

/** Resolves when `check` returns a value, re-checking whenever `event` fires; rejects after `timeoutMs`. */
export function waitFor<T>(event: vscode.Event<unknown>, check: () => T | undefined, description: string, timeoutMs = 15_000, lastSeen?: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const settle = (value: T) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    };
    const listener = event(() => {
      const value = check();
      if (value !== undefined) settle(value);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${description}${lastSeen ? `; last seen: ${lastSeen()}` : ''}`));
    }, timeoutMs);
    const initial = check();
    if (initial !== undefined) settle(initial);
  });
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, description: string, timeoutMs?: number): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    description,
    timeoutMs,
    () => JSON.stringify(vscode.languages.getDiagnostics(uri).map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}: ${diagnostic.message}`)),
  );
}

export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** A diagnostic's code as a string: Interlocutor's codes carry a link to their README section. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : typeof code === 'object' ? String(code.value) : String(code);
}

/** Opens a memo dated `asOf` holding `body` and returns the hover card on the `occurrence`th `needle`, unescaped. */
export async function hoverOn(asOf: string | undefined, body: string, needle: string, occurrence = 0): Promise<string> {
  const document = await openMemo(memo(asOf, body));
  return unescapeMarkdown(await hoverMarkdown(document, positionOf(document, needle, occurrence)));
}

/** Resolves once a load has produced knowledge in which `check` holds (checking the current one first). */
export async function loadWhere(api: InterlocutorApi, check: (knowledge: LoadedKnowledge) => boolean, description: string, timeoutMs?: number): Promise<LoadedKnowledge> {
  let latest = await api.knowledge();
  const listener = api.onDidLoadKnowledge((knowledge) => (latest = knowledge));
  try {
    return await waitFor(api.onDidLoadKnowledge, () => (check(latest) ? latest : undefined), description, timeoutMs);
  } finally {
    listener.dispose();
  }
}

/** A completion item's label as a string (labels may be plain or carry a description). */
export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
