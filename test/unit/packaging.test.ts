import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
    const allowed = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'data/builtin.json',
      'data/packs/uk-ministers.pack.json',
      'data/packs/us-congress.pack.json',
      'dist/extension.js',
      'dist/web/extension.js',
      'images/icon.png',
      'dist/lazy/jsonc-parser.js',
      'dist/lazy/yaml.js',
      'dist/lazy/zod.js',
      'dist/webview/channelTimeline.js',
      'media/channelTimeline.css',
      'package.json',
      'schemas/dataset.schema.json',
      'snippets/memos.code-snippets',
      'syntaxes/interlocutor.comments.tmLanguage.json',
      'syntaxes/interlocutor.frontmatter.tmLanguage.json',
    ];
    const optional = /^walkthrough\/[a-z]+\.md$/;
    const unexpected = listed.filter((file) => !allowed.includes(file) && !optional.test(file));
    assert.deepEqual(unexpected, []);
    for (const file of allowed) assert.ok(listed.includes(file), `${file} is missing from the package`);
    // Every file the manifest points at is packaged.
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const referenced = [
      ...manifest.contributes.snippets.map((entry: { path: string }) => entry.path),
      ...manifest.contributes.grammars.map((entry: { path: string }) => entry.path),
      ...manifest.contributes.jsonValidation.map((entry: { url: string }) => entry.url),
      ...manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: Array<{ media: { markdown: string } }> }) => walkthrough.steps.map((step) => step.media.markdown)),
      manifest.main,
      manifest.browser,
      manifest.icon,
    ].map((path: string) => path.replace(/^\.\//, ''));
    for (const file of referenced) assert.ok(listed.includes(file), `${file} is referenced by package.json but not packaged`);
  });
});
