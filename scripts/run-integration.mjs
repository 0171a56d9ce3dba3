// Runs the mocha suite in test/integration inside the real VS Code extension host (code-server
// 4.100.3 = VS Code 1.100.3), driven by Chromium. Exits with the suite's result.
import { format } from 'node:util';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshWorkspace, launchBrowser, repoRoot, startCodeServer, workbenchUrl } from './workbench.mjs';

const HARD_TIMEOUT_MS = Number(process.env.INTERLOCUTOR_TEST_TIMEOUT_MS || 10 * 60 * 1000);

async function main() {
  const workspace = freshWorkspace(join(repoRoot, 'test', 'fixtures', 'workspace'));
  // The example memos, whose expected findings examples/README.md documents, are tested as shipped.
  cpSync(join(repoRoot, 'examples'), join(workspace, 'examples'), { recursive: true });
  // Every fixture workspace, under parity/, where only the editor-versus-CLI parity test looks.
  const fixtures = join(repoRoot, 'test', 'fixtures');
  for (const name of readdirSync(fixtures).filter((entry) => entry === 'workspace' || entry.startsWith('claims-corpus'))) {
    cpSync(join(fixtures, name), join(workspace, 'parity', name), { recursive: true });
  }
  cpSync(join(repoRoot, 'examples'), join(workspace, 'parity', 'examples'), { recursive: true });
  // Installed dataset packs go to a fresh folder, never the user's own (~/.local/share/interlocutor/packs).
  const packsDir = mkdtempSync(join(tmpdir(), 'interlocutor-test-packs-'));
  const server = await startCodeServer({ workspace, env: { INTERLOCUTOR_TODAY: '2025-10-23', INTERLOCUTOR_PACKS_DIR: packsDir } });
  const browser = await launchBrowser();
  let exitCode = 1;
  try {
    const page = await browser.newPage();
    const finished = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    page.on('pageerror', (error) => process.stderr.write(`[workbench] ${error.message}\n`));
    const extensionTestsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
    await page.goto(workbenchUrl(server.url, { folder: workspace, extensionTestsPath }));
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`Integration tests did not finish within ${HARD_TIMEOUT_MS / 1000} s\n`);
        resolve(1);
      }, HARD_TIMEOUT_MS);
    });
    exitCode = await Promise.race([finished, timeout]);
    clearTimeout(timer);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
