// `npm test`: every check, in the order CI needs them, with a per-suite summary at the end.
// Lint (including the rule that keeps vscode out of src/core), types, build, then the unit suite
// (plain Node), the extension-host suite (real VS Code), the workbench UI suite (Chromium) and the
// web bundle in the web-worker extension host.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workbench.mjs';

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const steps = [
  { name: 'lint', command: bin('eslint'), args: ['.'] },
  { name: 'typecheck', command: bin('tsc'), args: ['-p', '.', '--noEmit'] },
  { name: 'build', command: process.execPath, args: ['scripts/build.mjs', '--tests'] },
  { name: 'unit (mocha, plain Node)', command: bin('mocha'), args: ['--config', '.mocharc.unit.json'], suite: true },
  { name: 'extension host (VS Code 1.100.3)', command: process.execPath, args: ['scripts/run-integration.mjs'], suite: true },
  { name: 'workbench UI (Chromium)', command: process.execPath, args: ['scripts/run-ui.mjs'], suite: true },
  { name: 'web-worker host (Chromium)', command: process.execPath, args: ['scripts/run-web.mjs'], suite: true },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${step.name} ===`);
    const child = spawn(step.command, step.args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => {
      const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(output)?.[1] ?? 0);
      resolve({ ...step, code, seconds: (Date.now() - started) / 1000, passing: count('passing'), failing: count('failing'), pending: count('pending') });
    });
  });
}

const results = [];
for (const step of steps) {
  const result = await run(step);
  results.push(result);
  if (result.code !== 0 && !step.suite) break; // Nothing to test if lint, types or build fail.
}

console.log('\n=== Summary ===');
for (const result of results) {
  const counts = result.suite ? `${result.passing} passing, ${result.failing} failing${result.pending ? `, ${result.pending} pending` : ''}` : '';
  console.log(`${result.code === 0 ? 'ok  ' : 'FAIL'}  ${result.name.padEnd(36)} ${counts.padEnd(32)} ${result.seconds.toFixed(1)} s`);
}
const failed = results.some((result) => result.code !== 0) || results.length < steps.length;
process.exit(failed ? 1 : 0);
