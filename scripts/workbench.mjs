// Shared by the integration runner, the UI tests and the demo: a real VS Code (code-server) with
// this extension loaded from source, opened in Debian's Chromium through playwright-core.
import { cpSync, mkdtempSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './code-server.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium (see .ci/run), or set CHROMIUM_PATH');
  return found;
}

/** Copies a fixture folder to a fresh temporary workspace, so tests may edit files freely. */
export function freshWorkspace(fixture) {
  const target = mkdtempSync(join(tmpdir(), 'interlocutor-ws-'));
  cpSync(fixture, target, { recursive: true });
  return target;
}

/** The workbench URL that opens `folder` with the extension under development (and optionally tests) loaded. */
export function workbenchUrl(serverUrl, { folder, extensionTestsPath, extensionPath = repoRoot } = {}) {
  const authority = new URL(serverUrl).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${serverUrl}/?${query.toString()}`;
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: process.env.HEADED !== '1' });
}

export { startCodeServer };

/**
 * A copy of the built extension whose manifest has only `browser`, so VS Code can run it only in
 * the web-worker extension host, as vscode.dev and github.dev do. (The payload's
 * `extensionDevelopmentKind` would be the other way, but VS Code 1.100's web workbench stores it
 * as `extensionDevelopmentLocationKind` while the code that picks the host reads
 * `extensionDevelopmentKind`, so in code-server 4.100.3 it has no effect.)
 */
export function webOnlyExtensionCopy() {
  const target = mkdtempSync(join(tmpdir(), 'interlocutor-web-'));
  for (const path of ['dist/web', 'dist/webview', 'data/builtin.json', 'schemas', 'media', 'syntaxes', 'snippets', 'walkthrough', 'images', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(repoRoot, path))) cpSync(join(repoRoot, path), join(target, path), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}
