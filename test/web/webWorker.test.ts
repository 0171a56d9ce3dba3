/**
 * vscode.dev and github.dev: the web bundle, in code-server's web-worker extension host (the
 * extension is loaded from a copy whose manifest has only `browser`, so no other host can run it),
 * gives the hover card and the stale-claim diagnostic, reading the workspace through workspace.fs.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hoverText, openFile } from '../e2e/workbenchPage';

const repoRoot = join(__dirname, '..', '..', '..');
const resultsDir = join(repoRoot, 'test-results');

interface Scripts {
  freshWorkspace(fixture: string): string;
  webOnlyExtensionCopy(): string;
  startCodeServer(options: { workspace: string; env?: Record<string, string>; settings?: Record<string, unknown> }): Promise<{ url: string; stop(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
  workbenchUrl(serverUrl: string, options: { folder: string; extensionPath?: string }): string;
}

describe('web-worker extension host (vscode.dev, github.dev)', function () {
  this.timeout(180_000);
  let page: Page;
  let browser: Browser | undefined;
  let server: { stop(): Promise<void> } | undefined;
  const hostLog: string[] = [];

  before(async () => {
    const scripts = (await import(join(repoRoot, 'scripts', 'workbench.mjs'))) as Scripts;
    const workspace = scripts.freshWorkspace(join(repoRoot, 'test', 'fixtures', 'workspace'));
    const extensionPath = scripts.webOnlyExtensionCopy();
    const started = await scripts.startCodeServer({ workspace, settings: {} });
    server = started;
    browser = await scripts.launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('console', (message) => hostLog.push(message.text()));
    await page.goto(scripts.workbenchUrl(started.url, { folder: workspace, extensionPath }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.title.includes('Extension Development Host'), undefined, { timeout: 60_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, `web-worker-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`) }).catch(() => undefined);
    console.log(hostLog.filter((line) => /interlocutor|extension host|worker/i.test(line)).slice(-30).join('\n'));
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });

  it('shows the hover card, as of the memo date', async () => {
    const editor = await openFile(page, 'memos/briefing-2025.md');
    const card = await hoverText(page, editor, 'Qin Gang', /Qin Gang/);
    assert.match(card, /As of 2025-10-23/);
    assert.match(card, /foreign minister \(2022-12-30 to 2023-07-25/);
  });

  it('underlines a stale claim and lists it in Problems', async () => {
    const editor = await openFile(page, 'memos/stale-2025.md');
    await editor.locator('.view-overlays .cdr.squiggly-warning').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row[aria-label*="Qin Gang left the post of foreign minister"]');
    await row.first().waitFor({ timeout: 30_000 });
    assert.match(await row.first().innerText(), /Qin Gang left the post of foreign minister on 2023-07-25; on 2025-10-23 the foreign minister is Wang Yi\./);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'web-worker-problems.png') });
  });

  it('runs in the web-worker host: the running extensions list says so', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Developer: Show Running Extensions');
    const command = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first();
    await command.waitFor({ timeout: 20_000 });
    await command.click();
    const entry = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Interlocutor' }).first();
    await entry.waitFor({ timeout: 30_000 });
    assert.match(await entry.innerText(), /Web Worker/i);
  });
});
