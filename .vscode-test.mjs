// The same extension-host suite (test/integration) under @vscode/test-electron, for machines
// that can download VS Code: `npm run test:electron`. These offline machines run it through
// code-server instead (`npm run test:integration`).
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspace = mkdtempSync(join(tmpdir(), 'interlocutor-electron-'));
cpSync('test/fixtures/workspace', workspace, { recursive: true });

export default defineConfig([
  {
    label: 'integration',
    files: 'out/test/integration/**/*.test.js',
    version: '1.100.0',
    workspaceFolder: workspace,
    env: { INTERLOCUTOR_TODAY: '2025-10-23' },
    mocha: { ui: 'bdd', timeout: 30000 },
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  },
  {
    label: 'integration-stable',
    files: 'out/test/integration/**/*.test.js',
    version: 'stable',
    workspaceFolder: workspace,
    env: { INTERLOCUTOR_TODAY: '2025-10-23' },
    mocha: { ui: 'bdd', timeout: 30000 },
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  },
]);
