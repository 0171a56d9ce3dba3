// The same extension-host suite (test/integration) under @vscode/test-electron, for machines
// that can download VS Code: `npm run test:electron`. These offline machines run it through
// code-server instead (`npm run test:integration`).
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspace = mkdtempSync(join(tmpdir(), 'interlocutor-electron-'));
cpSync('test/fixtures/workspace', workspace, { recursive: true });
cpSync('examples', `${workspace}/examples`, { recursive: true });

/** The suite on the oldest VS Code the extension supports (engines.vscode) and on stable. */
const integration = (label, version) => ({
  label,
  files: 'out/test/integration/**/*.test.js',
  version,
  workspaceFolder: workspace,
  env: { INTERLOCUTOR_TODAY: '2025-10-23' },
  mocha: { ui: 'bdd', timeout: 30000 },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
});

export default defineConfig([integration('integration', '1.100.0'), integration('integration-stable', 'stable')]);
