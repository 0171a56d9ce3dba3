import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../support/repo';

describe('architecture', () => {
  const eslint = new ESLint({ cwd: repoRoot });

  it('the lint rule rejects an import of vscode in src/core', async () => {
    const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const x = vscode;\n", { filePath: join(repoRoot, 'src', 'core', 'probe.ts') });
    assert.ok(result!.messages.some((message) => message.ruleId === 'no-restricted-imports'), JSON.stringify(result!.messages));
  });

  it('the lint rule rejects reading the clock in src/core', async () => {
    const [result] = await eslint.lintText('export const now = new Date();\nexport const t = Date.now();\n', { filePath: join(repoRoot, 'src', 'core', 'probe.ts') });
    assert.equal(result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').length, 2);
  });

  it('the same import is allowed in src/vscode', async () => {
    const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const x = vscode;\n", { filePath: join(repoRoot, 'src', 'vscode', 'probe.ts') });
    assert.ok(!result!.messages.some((message) => message.ruleId === 'no-restricted-imports'));
  });

  it('no file in src/core imports vscode', () => {
    const dir = join(repoRoot, 'src', 'core');
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.ts$/.test(file)) continue;
      assert.doesNotMatch(readFileSync(join(dir, file), 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
    }
  });
});
