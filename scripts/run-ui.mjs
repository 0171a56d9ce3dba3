// Runs the workbench UI suite (test/e2e) with mocha: code-server + Chromium, see test/e2e/setup.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workbench.mjs';

const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--config', join(repoRoot, '.mocharc.ui.json'), ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);
