/**
 * Mocha root hooks for the workbench UI suite: one code-server and one Chromium for the whole run,
 * and a screenshot of the page for every failed test, kept under test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'mocha';
import { openWorkbench, type Workbench } from './workbenchPage';

export const repoRoot = join(__dirname, '..', '..', '..');
export const resultsDir = join(repoRoot, 'test-results');

let current: Workbench | undefined;

export function workbench(): Workbench {
  if (!current) throw new Error('the workbench is not open (root hook failed)');
  return current;
}

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(180_000);
    const scripts = await import(join(repoRoot, 'scripts', 'workbench.mjs'));
    current = await openWorkbench(scripts, join(repoRoot, 'test', 'fixtures', 'workspace'));
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (!current || !test || test.state !== 'failed') return;
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${test.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 100)}.png`);
    await current.page.screenshot({ path: file }).catch(() => undefined);
    console.log(`    screenshot of the failure: ${file}`);
  },
  async afterAll() {
    await current?.close();
    current = undefined;
  },
};
