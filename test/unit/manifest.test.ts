import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeHelpUri, FINDING_CODES, REPOSITORY_URL } from '../../src/core/severity';
import { COMMAND, CONTEXT_KEY, DATASET_FILE_GLOBS, PROBLEM_MATCHER, SETTINGS, VIEW } from '../../src/vscode/contributions';
import { repoRoot } from '../support/repo';

interface Manifest {
  activationEvents: string[];
  repository: { url: string };
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { enum?: string[]; scope?: string }> };
    views: Record<string, Array<{ id: string }>>;
    viewsContainers: { activitybar: Array<{ id: string }> };
    jsonValidation: Array<{ fileMatch: string[] }>;
    yamlValidation: Array<{ fileMatch: string[] }>;
    problemMatchers: Array<{ name: string; pattern: { regexp: string } }>;
    walkthroughs: Array<{ steps: Array<{ completionEvents?: string[]; description: string }> }>;
  };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('package.json agrees with the table of identifiers (src/vscode/contributions.ts)', () => {
  it('contributes exactly the commands of the table, each with a category', () => {
    assert.deepEqual(sorted(manifest.contributes.commands.map((entry) => entry.command)), sorted(Object.values(COMMAND)));
    for (const entry of manifest.contributes.commands) assert.equal(entry.category, 'Interlocutor', entry.command);
  });

  it('menus, walkthrough links and completion events name only commands of the table', () => {
    const known = new Set<string>(Object.values(COMMAND));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(known.has(entry.command), `${menu}: ${entry.command}`);
    }
    const text = JSON.stringify(manifest.contributes.walkthroughs);
    const views = new Set<string>(Object.values(VIEW));
    for (const [, id] of text.matchAll(/command:(interlocutor\.[\w.]+)/g)) {
      assert.ok(known.has(id!) || views.has(id!.replace(/\.focus$/, '')) || views.has(id!), id);
    }
  });

  it('when clauses use the context keys and views of the table', () => {
    const whens = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.when ?? ''));
    for (const [, key] of whens.join(' ').matchAll(/\b(interlocutor\.[\w.]+)/g)) {
      assert.ok((Object.values(CONTEXT_KEY) as string[]).includes(key!) || (Object.values(VIEW) as string[]).includes(key!), key);
    }
    const declared = [...manifest.contributes.viewsContainers.activitybar.map((entry) => entry.id), ...Object.values(manifest.contributes.views).flatMap((views) => views.map((view) => view.id))];
    assert.deepEqual(sorted(declared), sorted([VIEW.container, VIEW.channels, VIEW.actors]));
  });

  it('declares exactly the settings of the table, each with a scope, and their enums', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(sorted(Object.keys(properties)), sorted(Object.keys(SETTINGS).map((key) => `interlocutor.${key}`)));
    for (const [key, values] of Object.entries(SETTINGS)) {
      const property = properties[`interlocutor.${key}`]!;
      assert.ok(property.scope, `${key} has a scope`);
      assert.deepEqual(property.enum, values ? [...values] : undefined, `${key} enum`);
    }
  });

  it('activates on, and validates, the dataset files the extension and the CLI load', () => {
    for (const glob of DATASET_FILE_GLOBS) assert.ok(manifest.activationEvents.includes(`workspaceContains:${glob}`), glob);
    const validated = [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation].flatMap((entry) => entry.fileMatch);
    const expanded = DATASET_FILE_GLOBS.flatMap((glob) => ['json', 'yaml', 'yml'].map((extension) => glob.replace('{json,yaml,yml}', extension).replace(/^\*\*\/\*\./, '*.')));
    assert.deepEqual(sorted(validated), sorted(expanded));
  });

  it('contributes the $interlocutor problem matcher, which reads the compact format', () => {
    const matcher = manifest.contributes.problemMatchers.find((entry) => entry.name === PROBLEM_MATCHER);
    assert.ok(matcher);
    const match = new RegExp(matcher.pattern.regexp).exec('memos/a b.md:5:1: warning Qin Gang left the post of foreign minister on 2023-07-25. [stale-role]');
    assert.deepEqual(match?.slice(1), ['memos/a b.md', '5', '1', 'warning', 'Qin Gang left the post of foreign minister on 2023-07-25.', 'stale-role']);
  });

  it('names the repository the diagnostics link to', () => {
    assert.equal(manifest.repository.url.replace(/\.git$/, ''), REPOSITORY_URL);
  });
});

describe('the README explains every code a diagnostic links to', () => {
  it('has a section per code, at the anchor codeHelpUri gives', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const headings = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((match) => match[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const code of [...FINDING_CODES, 'dataset-invalid' as const]) {
      assert.ok(headings.has(code), `README section for ${code}`);
      assert.equal(codeHelpUri(code), `${REPOSITORY_URL}#${code}`);
    }
  });
});
