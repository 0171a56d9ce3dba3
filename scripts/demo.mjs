// `npm run demo`: a real VS Code (code-server 4.100.3) in the browser, with Interlocutor loaded
// from this checkout and the examples/ memos open. Installs what is missing on first run.
//   npm run demo                 serve until Ctrl+C and print the URL to open
//   npm run demo -- --screenshots  also drive Chromium to take the README screenshots, then stop
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const screenshots = process.argv.includes('--screenshots');

function step(description, command, args, options = {}) {
  console.log(`> ${description}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`Failed: ${description}`);
    process.exit(result.status ?? 1);
  }
}

// Only Node built-ins are used above this line: dependencies may not be installed yet.
const { codeServerEntry } = await import('./code-server.mjs');
if (!existsSync(codeServerEntry()) || (screenshots && !existsSync('/usr/bin/chromium'))) {
  step('Installing Debian packages code-server and Chromium need', join(repoRoot, 'scripts', 'install-system-deps.sh'), []);
}
if (!existsSync(join(repoRoot, 'node_modules', 'esbuild'))) step('Installing npm dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
step('Building the extension', process.execPath, ['scripts/build.mjs', '--tests']);

const { startCodeServer, workbenchUrl, launchBrowser } = await import('./workbench.mjs');
const examples = join(repoRoot, 'examples');
const server = await startCodeServer({ workspace: examples, settings: { 'workbench.colorTheme': 'Default Light Modern', 'git.openRepositoryInParentFolders': 'never' } });
const url = workbenchUrl(server.url, { folder: examples });

if (!screenshots) {
  console.log('\nInterlocutor is running in VS Code (code-server 4.100.3). Open this URL in a browser:\n');
  console.log(`  ${url}\n`);
  console.log('Open a memo under examples/ and hover a name. Press Ctrl+C to stop.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const page = require(join(repoRoot, 'out', 'test', 'e2e', 'workbenchPage.js'));
  const { takeReadmeScreenshots } = require(join(repoRoot, 'out', 'test', 'e2e', 'readmeScreenshots.js'));
  const browser = await launchBrowser();
  try {
    await takeReadmeScreenshots(browser, url, page, join(repoRoot, 'docs', 'images'));
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log('Screenshots written to docs/images/.');
}
