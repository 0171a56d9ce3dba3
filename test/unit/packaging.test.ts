import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repo';

describe('packaging', () => {
  it('the .vsix holds only what the extension needs at run time', function () {
    this.timeout(60_000);
    assert.ok(existsSync(join(repoRoot, 'dist', 'extension.js')), 'build first (npm test does)');
    const listed = execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    const allowed = ['CHANGELOG.md', 'LICENSE', 'README.md', 'data/builtin.json', 'dist/extension.js', 'package.json', 'schemas/dataset.schema.json'];
    const optional = /^(syntaxes\/[^/]+\.json|snippets\/[^/]+\.json|images\/icon\.png)$/;
    const unexpected = listed.filter((file) => !allowed.includes(file) && !optional.test(file));
    assert.deepEqual(unexpected, []);
    for (const file of allowed) assert.ok(listed.includes(file), `${file} is missing from the package`);
  });
});
