/**
 * The memo the user last worked in. Focusing a webview or a preview leaves no active text editor,
 * yet the timeline should keep following that memo's date and the figure go into that memo.
 */
import * as vscode from 'vscode';
import { isMemo } from './memoDates';

export class MemoTracker implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  /** Fires when another memo becomes the one followed, or the followed memo is closed. */
  readonly onDidChangeMemo = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.current = memoOf(vscode.window.activeTextEditor) ?? vscode.window.visibleTextEditors.map(memoOf).find(Boolean);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const memo = memoOf(editor);
        if (memo && memo !== this.current) {
          this.current = memo;
          this.changed.fire(memo);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document !== this.current) return;
        this.current = vscode.window.visibleTextEditors.map(memoOf).find((memo) => memo && memo !== document);
        this.changed.fire(this.current);
      }),
    ];
  }

  /** The followed memo, if it is still open. */
  get document(): vscode.TextDocument | undefined {
    return this.current && !this.current.isClosed ? this.current : undefined;
  }

  /** An editor showing the followed memo: the active one if it is, else a visible one. */
  editor(): vscode.TextEditor | undefined {
    const document = this.document;
    if (!document) return undefined;
    const active = vscode.window.activeTextEditor;
    if (active?.document === document) return active;
    return vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  }

  /** An editor on the followed memo, bringing its tab to the front (in its own group) if another covers it. */
  async revealEditor(): Promise<vscode.TextEditor | undefined> {
    const visible = this.editor();
    const document = this.document;
    if (visible || !document) return visible;
    const group = vscode.window.tabGroups.all.find((candidate) =>
      candidate.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === document.uri.toString()),
    );
    // A memo whose tab was closed is not brought back, even while VS Code still holds its document.
    if (!group) return undefined;
    return vscode.window.showTextDocument(document, { viewColumn: group.viewColumn, preserveFocus: false, preview: false });
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }
}

function memoOf(editor: vscode.TextEditor | undefined): vscode.TextDocument | undefined {
  // Only memos on disk or untitled memos; not the actor cards Interlocutor itself opens.
  return editor && isMemo(editor.document) ? editor.document : undefined;
}
