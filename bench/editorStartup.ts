/**
 * Runs inside the real extension host (code-server), loaded as the extension tests entry by
 * scripts/bench-editor.mjs at window start-up: opens the workspace's one memo at once, as a user
 * would, and records on the extension host's performance.now() clock when the extension was
 * activated, when the memo's first stale-claim diagnostics were published (for the scenario with a
 * workspace dataset: the first diagnostics that include the finding only that dataset makes), and
 * when a completion list first held an actor. Writes them as JSON to INTERLOCUTOR_BENCH_OUT.
 * A measurement, not a test: it fails only when the editor never gets there.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as vscode from 'vscode';
import type { InterlocutorApi } from '../src/extension';

const EXTENSION_ID = 'interlocutor.interlocutor';
const GIVE_UP_MS = 60_000;

export async function run(): Promise<void> {
  const started = performance.now();
  // INTERLOCUTOR_BENCH_PROFILE=file.cpuprofile: a CPU profile of the extension host over the run.
  const profile = process.env.INTERLOCUTOR_BENCH_PROFILE ? startProfile() : undefined;
  const out = process.env.INTERLOCUTOR_BENCH_OUT;
  const expectedFindings = Number(process.env.INTERLOCUTOR_BENCH_FINDINGS ?? '1');
  if (!out) throw new Error('INTERLOCUTOR_BENCH_OUT is not set');
  const [memoUri] = await vscode.workspace.findFiles('memo.md');
  if (!memoUri) throw new Error('the bench workspace has no memo.md');

  let diagnosticsAt: number | undefined;
  const diagnosed = new Promise<void>((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      const ours = vscode.languages.getDiagnostics(memoUri).filter((diagnostic) => diagnostic.source === 'Interlocutor');
      if (ours.length < expectedFindings) return;
      diagnosticsAt = performance.now();
      listener.dispose();
      resolve();
    });
  });

  const opening = performance.now();
  const document = await vscode.workspace.openTextDocument(memoUri);
  await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension<InterlocutorApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = extension.isActive ? extension.exports : await extension.activate();

  // A user pressing Ctrl+Space as soon as the memo shows: ask until the list holds an actor.
  const typed = document.positionAt(document.getText().lastIndexOf('Wang') + 'Wang'.length);
  let completionAt: number | undefined;
  // Each request's start and end, to tell the extension's own time from the workbench's.
  const completionRequests: Array<{ asked: number; answered: number; actor: boolean }> = [];
  while (completionAt === undefined && performance.now() - started < GIVE_UP_MS) {
    const asked = performance.now();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, typed);
    const actor = list.items.some((item) => item.kind === vscode.CompletionItemKind.User);
    completionRequests.push({ asked, answered: performance.now(), actor });
    if (actor) completionAt = performance.now();
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.race([diagnosed, new Promise((resolve) => setTimeout(resolve, GIVE_UP_MS))]);
  if (diagnosticsAt === undefined || completionAt === undefined) throw new Error('the memo was never checked, or no completion held an actor');
  if (profile && process.env.INTERLOCUTOR_BENCH_PROFILE) writeFileSync(process.env.INTERLOCUTOR_BENCH_PROFILE, JSON.stringify(await profile()));
  writeFileSync(out, JSON.stringify({ runStarted: started, memoOpening: opening, activatedAt: api.activatedAt, diagnosticsAt, completionAt, completionRequests }));
}

/** Starts the V8 profiler in this process; the function returned stops it and gives the profile. */
function startProfile(): () => Promise<unknown> {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) => new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  void post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 200 })).then(() => post('Profiler.start'));
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    return profile;
  };
}
