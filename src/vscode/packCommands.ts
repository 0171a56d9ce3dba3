/**
 * Dataset packs in the editor: "Interlocutor: Install Dataset Pack…" (a file, or an https URL),
 * "Interlocutor: Manage Dataset Packs" (enable, disable, remove; each pack's attribution shown),
 * and the packs the knowledge store loads after the built-in dataset. The editor and the CLI
 * share the user-level packs folder (src/cli/packStore.ts), so a pack installed by either is
 * used by both; a change there reloads the datasets.
 */
import * as vscode from 'vscode';
import { COMMAND } from './contributions';
import { packAttribution, PACK_MAX_BYTES, type PackEntry } from '../core/packs/registry';
import { downloadPack, PackRefused, PackStore, userPacksFolder, type PackTexts } from '../cli/packStore';
import { readRegularFile } from '../cli/io';

/** The packs on this machine, with the shipped ones inside the extension. */
export function editorPackStore(extensionUri: vscode.Uri): PackStore | undefined {
  // Packs are read with Node's file system: on a remote or virtual extension host without one, the built-in data alone is used.
  if (extensionUri.scheme !== 'file') return undefined;
  return new PackStore(userPacksFolder(process.env), vscode.Uri.joinPath(extensionUri, 'data', 'packs').fsPath);
}

/** The enabled packs as dataset texts, for KnowledgeStore.load (right after the built-in dataset). */
export function editorPackTexts(extensionUri: vscode.Uri): PackTexts {
  const packs = editorPackStore(extensionUri)?.datasetTexts() ?? { texts: [], problems: [] };
  // Named by URI, as every other dataset in the editor, so a pack's problem shows on its file.
  const uri = (path: string) => vscode.Uri.file(path).toString();
  return { texts: packs.texts.map((text) => ({ ...text, file: uri(text.file) })), problems: packs.problems.map((problem) => ({ ...problem, file: uri(problem.file) })) };
}

interface Reloadable {
  reload(): Promise<unknown>;
}

export function registerPackCommands(extensionUri: vscode.Uri, store: Reloadable, log: vscode.LogOutputChannel): vscode.Disposable {
  const packs = editorPackStore(extensionUri);
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand(COMMAND.installPack, async (source?: vscode.Uri | string) => {
      if (!packs) return void vscode.window.showErrorMessage('Dataset packs need a local extension host (file system access).');
      const text = await packText(source);
      if (text === undefined) return;
      try {
        const { manifest, replaced } = packs.install(text);
        log.info(`Installed pack ${manifest.id} ${manifest.version} into ${packs.userFolder}`);
        await store.reload();
        void vscode.window.showInformationMessage(
          `Installed ${manifest.title} (${manifest.id} ${manifest.version}${replaced ? `, replacing ${replaced}` : ''}): ${manifest.counts.actors} actors. Data: ${packAttribution(manifest)}`,
        );
      } catch (error) {
        const message = error instanceof PackRefused ? error.problems.slice(0, 3).join('; ') : error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(`The pack was not installed: ${message}`);
      }
    }),
    vscode.commands.registerCommand(COMMAND.managePacks, async () => {
      if (!packs) return void vscode.window.showErrorMessage('Dataset packs need a local extension host (file system access).');
      const { entries, problems } = packs.list();
      for (const problem of problems) log.warn(`${problem.file}: ${problem.message}`);
      const pick = await vscode.window.showQuickPick(entries.map(packItem), { title: 'Dataset Packs', placeHolder: 'Choose a pack to enable, disable or remove', matchOnDetail: true });
      if (!pick) return;
      const { entry } = pick;
      const actions = [entry.enabled ? 'Disable' : 'Enable', ...(entry.origin === 'installed' ? ['Remove'] : [])];
      const action = await vscode.window.showQuickPick(actions, { title: `${entry.manifest.title} (${entry.manifest.id} ${entry.manifest.version})` });
      if (!action) return;
      try {
        if (action === 'Remove') packs.remove(entry.manifest.id);
        else packs.setEnabled(entry.manifest.id, action === 'Enable');
        await store.reload();
        void vscode.window.showInformationMessage(`${action === 'Remove' ? 'Removed' : action === 'Enable' ? 'Enabled' : 'Disabled'} ${entry.manifest.title}.`);
      } catch (error) {
        void vscode.window.showErrorMessage(error instanceof PackRefused ? error.problems.join('; ') : String(error));
      }
    }),
  ];
  if (packs) {
    // A pack installed, removed or switched from the CLI is picked up too.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(packs.userFolder), '*.json'));
    const reload = () => void store.reload();
    disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
  }
  return vscode.Disposable.from(...disposables);
}

function packItem(entry: PackEntry): vscode.QuickPickItem & { entry: PackEntry } {
  const { manifest } = entry;
  const licences = [...new Set(manifest.sources.map((source) => source.license))].join(', ');
  return {
    entry,
    label: `${entry.enabled ? '$(check)' : '$(circle-slash)'} ${manifest.title}`,
    description: `${manifest.id} ${manifest.version} · ${entry.enabled ? 'enabled' : 'disabled'} · ${entry.origin === 'shipped' ? 'shipped' : 'installed'}`,
    detail: `${manifest.counts.actors} actors, ${manifest.counts.roles} posts · ${licences} · ${packAttribution(manifest)}`,
  };
}

/** The pack's text from the argument, or from a file picker or a URL the user types. */
async function packText(source: vscode.Uri | string | undefined): Promise<string | undefined> {
  let choice = source;
  if (choice === undefined) {
    const how = await vscode.window.showQuickPick(['From a File…', 'From a URL…'], { title: 'Install Dataset Pack' });
    if (how === 'From a File…') {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Install Pack', filters: { 'Dataset packs': ['json'] } });
      choice = picked?.[0];
    } else if (how === 'From a URL…') {
      choice = await vscode.window.showInputBox({
        title: 'Install Dataset Pack',
        prompt: 'The https URL of a pack file (*.pack.json)',
        placeHolder: 'https://example.org/us-state-department.pack.json',
        validateInput: (value) => (/^https:\/\//i.test(value.trim()) || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(value.trim()) ? undefined : 'Write an https URL.'),
      });
    }
  }
  if (choice === undefined || choice === '') return undefined;
  try {
    if (typeof choice === 'string') return await downloadPack(choice.trim());
    return readRegularFile(choice.fsPath, PACK_MAX_BYTES);
  } catch (error) {
    void vscode.window.showErrorMessage(`The pack was not installed: ${error instanceof PackRefused ? error.problems.join('; ') : error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
