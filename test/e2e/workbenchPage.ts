/// <reference lib="dom" />
/**
 * Drives the real VS Code workbench (code-server in Chromium) the way a person does: quick open,
 * hovering words, reading what appears. Selectors are the ones seen in VS Code 1.100.3
 * (../shared/docs/real-vscode.md). Every wait is on a selector or a condition, never a sleep.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';

export interface Workbench {
  readonly page: Page;
  readonly browser: Browser;
  readonly workspace: string;
  readonly serverUrl: string;
  close(): Promise<void>;
}

interface WorkbenchScripts {
  freshWorkspace(fixture: string): string;
  startCodeServer(options: { workspace: string; env?: Record<string, string>; settings?: Record<string, unknown> }): Promise<{ url: string; stop(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
  workbenchUrl(serverUrl: string, options: { folder: string }): string;
}

/** Starts code-server on a copy of `fixture` and opens the workbench with the extension loaded. */
export async function openWorkbench(scripts: WorkbenchScripts, fixture: string, options: { settings?: Record<string, unknown> } = {}): Promise<Workbench> {
  const workspace = scripts.freshWorkspace(fixture);
  // Installed dataset packs: a fresh folder, never the user's own.
  const packsDir = mkdtempSync(join(tmpdir(), 'interlocutor-ui-packs-'));
  const server = await scripts.startCodeServer({ workspace, env: { INTERLOCUTOR_TODAY: '2025-10-23', INTERLOCUTOR_PACKS_DIR: packsDir }, settings: options.settings ?? {} });
  const browser = await scripts.launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(scripts.workbenchUrl(server.url, { folder: workspace }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The window title says so once the extension under development is loaded into the host.
  await page.waitForFunction(() => document.title.includes('Extension Development Host'), undefined, { timeout: 60_000 });
  return {
    page,
    browser,
    workspace,
    serverUrl: server.url,
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** Opens a workspace file through Quick Open and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<Locator> {
  const name = relativePath.split('/').pop()!;
  // Close whatever menu or widget a previous step left open.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relativePath);
  // Wait for the filtered row itself: the list first shows recently opened files.
  const row = page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="${name}"]`).first();
  await row.waitFor();
  await row.click();
  const editor = page.locator(`.monaco-editor[data-uri$="${name}"]`);
  await editor.waitFor();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/**
 * The on-screen rectangle of `text` in the editor's rendered lines. VS Code splits a line into
 * token spans and may render spaces as no-break spaces, so this searches the line's text nodes
 * and measures a DOM Range rather than relying on one span holding the whole text.
 */
export async function textRect(editor: Locator, text: string, occurrence = 0): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  return editor.evaluate(
    (root, [needle, wanted]) => {
      let seen = 0;
      for (const line of Array.from(root.querySelectorAll('.view-line'))) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const full = nodes.map((node) => node.data).join('').replace(/\u00a0/g, ' ');
        for (let index = full.indexOf(needle as string); index !== -1; index = full.indexOf(needle as string, index + 1)) {
          if (seen++ < (wanted as number)) continue;
          const range = document.createRange();
          const locate = (offset: number): [Text, number] => {
            let remaining = offset;
            for (const node of nodes) {
              if (remaining <= node.data.length) return [node, remaining];
              remaining -= node.data.length;
            }
            return [nodes[nodes.length - 1]!, nodes[nodes.length - 1]!.data.length];
          };
          range.setStart(...locate(index));
          range.setEnd(...locate(index + (needle as string).length));
          const rect = range.getBoundingClientRect();
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
      }
      return undefined;
    },
    [text, occurrence] as const,
  );
}

/** Waits until `text` is rendered in the editor and returns where it is. */
export async function waitForText(page: Page, editor: Locator, text: string, timeoutMs = 30_000): Promise<{ x: number; y: number; width: number; height: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rect = await textRect(editor, text);
    if (rect && rect.width > 0) return rect;
    if (Date.now() > deadline) throw new Error(`"${text}" is not rendered in the editor`);
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
  }
}

/**
 * Hovers the mouse over `text` until the hover widget shows content matching `expect`; returns
 * that content's text. Retries the hover because the editor may still be laying out or the
 * extension may still be starting.
 */
export async function hoverText(page: Page, editor: Locator, text: string, expect: RegExp, timeoutMs = 45_000): Promise<string> {
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: expect }).first();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const rect = await waitForText(page, editor, text);
    await page.mouse.move(5, 5);
    await page.mouse.move(rect.x + Math.min(6, rect.width / 2), rect.y + rect.height / 2, { steps: 2 });
    try {
      await hover.waitFor({ timeout: 5_000 });
      // The widget fades in: wait for its animation to end so screenshots show it fully drawn.
      await hover.evaluate((element) =>
        Promise.all((element.closest('.monaco-hover') ?? element).getAnimations({ subtree: true }).map((animation) => animation.finished)),
      );
      return await hover.innerText();
    } catch {
      last = (await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allInnerTexts().catch(() => [])).join('\n');
    }
  }
  throw new Error(`no hover matching ${expect} over "${text}"; last hover text: ${last || '(none)'}`);
}

/** The text of the status bar entry contributed under `id`. */
export async function statusBarText(page: Page, id: string, expect: RegExp): Promise<string> {
  const item = page.locator(`.statusbar-item[id="${id}"], .statusbar-item[id$="${id}"]`).filter({ hasText: expect }).first();
  await item.waitFor({ timeout: 30_000 });
  return item.innerText();
}

/** Puts the cursor at the end of the editor's text. */
export async function cursorToEnd(page: Page, editor: Locator): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
}

/**
 * Types `text`, opens the suggest widget (Ctrl+Space, as Markdown has no automatic suggestions),
 * and waits for a row matching `expect`. Returns the rows' texts in order.
 */
export async function suggest(page: Page, text: string, expect: RegExp): Promise<string[]> {
  await page.keyboard.type(text);
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await page.keyboard.press('Control+Space');
    try {
      await rows.filter({ hasText: expect }).first().waitFor({ timeout: 5_000 });
      return await rows.allInnerTexts();
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`the suggest widget never listed ${expect}`);
}

/** Accepts the suggestion matching `expect`, moving the focus down to it first. */
export async function acceptSuggestion(page: Page, expect: RegExp): Promise<void> {
  const focused = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
  for (let step = 0; step < 15 && !expect.test((await focused.innerText().catch(() => '')) ?? ''); step++) {
    await page.keyboard.press('ArrowDown');
  }
  if (!expect.test(await focused.innerText())) throw new Error(`no suggestion matching ${expect} could be focused`);
  await page.keyboard.press('Enter');
  await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden' });
}

/** Opens Interlocutor's view container from the activity bar and waits for the Channels tree. */
export async function showChannelsView(page: Page): Promise<Locator> {
  const container = page.locator('[id="workbench.view.extension.interlocutor"]');
  if (!(await container.isVisible().catch(() => false))) {
    await page.locator('.activitybar .action-item a[aria-label^="Interlocutor"], .activitybar .action-item[aria-label^="Interlocutor"]').first().click();
  }
  await container.waitFor();
  return container;
}

/** The texts of the rendered rows of the tree in `view`, top to bottom. */
export async function treeRows(view: Locator, expect: RegExp): Promise<string[]> {
  const rows = view.locator('.monaco-list-row .custom-view-tree-node-item');
  await rows.filter({ hasText: expect }).first().waitFor({ timeout: 30_000 });
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Runs a command from the palette by its title ("Interlocutor: Show Channel Timeline"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

/**
 * The frame of a webview (the timeline, the Markdown preview) once it holds `selector`. Webviews
 * are nested iframes whose names VS Code chooses, so the frames are searched by content.
 */
export async function frameWith(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame holds ${selector}`);
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
  }
}
