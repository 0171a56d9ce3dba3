import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InterlocutorApi } from '../../src/extension';
import type { InsertedFigure } from '../../src/vscode/channelFigure';
import { pageHtml, type TimelineSnapshot } from '../../src/vscode/channelTimelinePanel';
import { closeAllEditors, extensionApi, memo, openMemo, waitFor, writeWorkspaceFile } from './helpers';

describe('the Channel Timeline in the extension host', () => {
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAllEditors);

  const stateOf = (snapshot: TimelineSnapshot | undefined, id: string) => snapshot?.channels.find((channel) => channel.id === id)?.state;

  it('opens as of the active memo and follows a change of its date', async () => {
    const document = await openMemo(memo('2025-10-23', 'Text.'));
    const snapshot = await vscode.commands.executeCommand<TimelineSnapshot>('interlocutor.showChannelTimeline');
    assert.equal(snapshot.asOf, '2025-10-23');
    assert.match(snapshot.dateLabel, /^front matter as_of in scratch\/memo-\d+\.md$/);
    assert.equal(stateOf(snapshot, 'bessent_he_lifeng'), 'active');
    assert.equal(stateOf(snapshot, 'kushner_cui'), 'closed');
    assert.equal(snapshot.channels.length, 19);

    // The webview has the focus now; editing the memo it follows still redraws it.
    const edit = new vscode.WorkspaceEdit();
    const start = document.getText().indexOf('2025-10-23');
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + 10)), '2017-06-01');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const redrawn = await waitFor(api.onDidRenderChannelTimeline, () => (api.channelTimeline()?.asOf === '2017-06-01' ? api.channelTimeline() : undefined), 'the redraw as of 2017-06-01');
    assert.equal(stateOf(redrawn, 'kushner_cui'), 'active');
    assert.equal(stateOf(redrawn, 'bessent_he_lifeng'), 'not-started');
  });

  it('redraws when a dataset adds a channel, and when it goes away', async () => {
    await openMemo(memo('2025-10-23', 'Text.'));
    await vscode.commands.executeCommand<TimelineSnapshot>('interlocutor.showChannelTimeline');
    const dataset = { name: 'Desk notes', channels: [{ id: 'desk_line', name: 'Desk line', kind: 'informal', endpoints: ['wang_yi', 'marco_rubio'], start: '2025-03', sources: [{ title: 'Desk notes' }] }] };
    const uri = await writeWorkspaceFile('timeline-test.interlocutor.json', JSON.stringify(dataset));
    try {
      const added = await waitFor(api.onDidRenderChannelTimeline, () => (stateOf(api.channelTimeline(), 'desk_line') ? api.channelTimeline() : undefined), 'the redraw with the new channel');
      assert.equal(stateOf(added, 'desk_line'), 'active');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(api.onDidRenderChannelTimeline, () => (api.channelTimeline() && !stateOf(api.channelTimeline(), 'desk_line') ? true : undefined), 'the redraw without it');
  });

  it('is closed with the editors and reopens on the command', async () => {
    await openMemo(memo('2024-06-01', 'Text.'));
    const snapshot = await vscode.commands.executeCommand<TimelineSnapshot>('interlocutor.showChannelTimeline');
    assert.equal(snapshot.asOf, '2024-06-01');
    assert.equal(stateOf(snapshot, 'sullivan_wang_yi'), 'active');
  });

  it('serves a page with a strict policy: one script under a fresh nonce, nothing remote, no inline code', () => {
    const root = vscode.Uri.parse('https://example.invalid/extension');
    const webview = { cspSource: 'https://example.invalid', asWebviewUri: (uri: vscode.Uri) => uri } as unknown as vscode.Webview;
    const first = pageHtml(webview, root);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(first)?.[1] ?? '';
    assert.match(policy, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    assert.ok(nonce && nonce.length >= 22, policy);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*|http:/);
    const scripts = [...first.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!);
    assert.deepEqual(scripts, [` nonce="${nonce}" src="https://example.invalid/extension/dist/webview/channelTimeline.js"`]);
    assert.doesNotMatch(first, /\son[a-z]+=|style="/);
    assert.notEqual(/nonce-([^']+)'/.exec(pageHtml(webview, root))?.[1], nonce);
  });

  it('inserts the figure next to the memo as one undoable edit, and writes the SVG', async () => {
    const before = memo('2025-10-23', '# Channels\n\nSee the figure:\n');
    const document = await openMemo(before, 'figure-memo.md');
    const editor = vscode.window.activeTextEditor!;
    const end = document.positionAt(before.length);
    editor.selection = new vscode.Selection(end, end);
    const inserted = await vscode.commands.executeCommand<InsertedFigure>('interlocutor.insertChannelTimelineFigure');
    assert.ok(inserted);
    assert.match(inserted.figure, /\/scratch\/figures\/channels-2025-10-23\.svg$/);
    const svgText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(inserted.figure)));
    assert.match(svgText, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="700"/);
    assert.match(svgText, /data-channel="bessent_he_lifeng" data-state="active"/);
    assert.match(svgText, /data-channel="kushner_cui" data-state="closed"/);
    assert.match(document.getText(), /See the figure:\n\n!\[Timeline of 19 channels between governments as of 2025-10-23\]\(figures\/channels-2025-10-23\.svg\)\n\n\*Figure: channels between governments as of 2025-10-23\. [^\n]*2026-05 at the latest\.\*\n$/);

    await vscode.commands.executeCommand('undo');
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => (document.getText() === before ? true : undefined), 'the undo');
    assert.equal(document.getText(), before);
  });

  it('does not ask when the figure file already holds the same timeline, and names filtered figures apart', async () => {
    const document = await openMemo(memo('2025-10-23', 'Text.'), 'figure-again.md');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(document.lineAt(document.lineCount - 1).range.end, document.lineAt(document.lineCount - 1).range.end);
    const first = await vscode.commands.executeCommand<InsertedFigure>('interlocutor.insertChannelTimelineFigure');
    const second = await vscode.commands.executeCommand<InsertedFigure>('interlocutor.insertChannelTimelineFigure');
    assert.ok(first && second);
    assert.equal(second.figure, first.figure);
    const filtered = await vscode.commands.executeCommand<InsertedFigure>('interlocutor.insertChannelTimelineFigure', { filters: { actorId: 'he_lifeng', kind: 'official-talks' } });
    assert.match(filtered.figure, /channels-2025-10-23-he_lifeng-official-talks\.svg$/);
    assert.match(filtered.markdown, /\*Figure: channels between governments \(with He Lifeng, official talks\) as of 2025-10-23/);
    const svgText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(filtered.figure)));
    assert.equal([...svgText.matchAll(/<g class="row /g)].length, 2);
  });

  it('says what to do when no memo is open', async () => {
    await closeAllEditors();
    assert.equal(await vscode.commands.executeCommand('interlocutor.insertChannelTimelineFigure'), undefined);
  });
});
