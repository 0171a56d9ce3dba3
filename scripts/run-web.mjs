// Runs the web-worker workbench test (test/web): the web bundle in code-server's web-worker
// extension host, driven by Chromium, as on vscode.dev.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workbench.mjs';

const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--config', join(repoRoot, '.mocharc.web.json'), ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);
