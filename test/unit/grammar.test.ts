/**
 * The injection grammars, run by vscode-textmate (the engine VS Code uses) over a small host
 * grammar that gives front matter and HTML comments the scopes VS Code's Markdown grammar gives
 * them (meta.embedded.block.frontmatter, comment.block.html): the as-of key and the control
 * comments get their own scopes, and nothing else does.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../support/repo';

const host = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '\\A---\\s*$', end: '^---\\s*$', contentName: 'meta.embedded.block.frontmatter', patterns: [{ match: '^(\\w[\\w-]*)(:)', captures: { '1': { name: 'entity.name.tag.yaml' } } }] },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
  ],
};

async function grammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
  const files: Record<string, string> = {
    'interlocutor.markdown.comments': join(repoRoot, 'syntaxes', 'interlocutor.comments.tmLanguage.json'),
    'interlocutor.markdown.frontmatter': join(repoRoot, 'syntaxes', 'interlocutor.frontmatter.tmLanguage.json'),
  };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) =>
      scopeName === 'text.html.markdown' ? textmate.parseRawGrammar(JSON.stringify(host), 'host.json') : files[scopeName] ? textmate.parseRawGrammar(readFileSync(files[scopeName]!, 'utf8'), files[scopeName]) : null,
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? Object.keys(files) : []),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded);
  return loaded;
}

/** The scopes of the first token that is exactly `text`. */
function scopesOf(tokenizer: textmate.IGrammar, lines: readonly string[], text: string): string[] {
  let state = textmate.INITIAL;
  for (const line of lines) {
    const result = tokenizer.tokenizeLine(line, state);
    const token = result.tokens.find((candidate) => line.slice(candidate.startIndex, candidate.endIndex) === text);
    if (token) return token.scopes;
    state = result.ruleStack;
  }
  return [];
}

describe('injection grammars', () => {
  let tokenizer: textmate.IGrammar;
  before(async () => {
    tokenizer = await grammar();
  });

  const memo = ['---', 'title: Test', 'as_of: 2025-10-23', '---', '', 'Qin Gang, foreign minister. <!-- interlocutor-disable-line stale-role -- quoted -->', '<!-- an ordinary comment -->'];

  it('scopes the as-of key and its date in front matter', () => {
    assert.ok(scopesOf(tokenizer, memo, 'as_of').includes('keyword.other.as-of.interlocutor'), scopesOf(tokenizer, memo, 'as_of').join(' '));
    assert.ok(scopesOf(tokenizer, memo, '2025-10-23').includes('constant.numeric.date.as-of.interlocutor'));
    assert.ok(!scopesOf(tokenizer, memo, 'title').includes('keyword.other.as-of.interlocutor'));
    for (const key of ['as-of', 'asOf']) {
      assert.ok(scopesOf(tokenizer, ['---', `${key}: "2023"`, '---'], key).includes('keyword.other.as-of.interlocutor'), key);
    }
  });

  it('does not scope as_of outside front matter', () => {
    assert.ok(!scopesOf(tokenizer, ['# Memo', '', 'as_of: 2025-10-23'], 'as_of').includes('keyword.other.as-of.interlocutor'));
  });

  it('scopes control comments and their codes, and leaves other comments alone', () => {
    assert.ok(scopesOf(tokenizer, memo, 'interlocutor-disable-line').includes('keyword.control.directive.interlocutor'));
    assert.ok(scopesOf(tokenizer, memo, ' stale-role').includes('constant.other.rule.interlocutor'));
    assert.ok(scopesOf(tokenizer, memo, ' -- quoted').includes('comment.line.description.interlocutor'));
    for (const directive of ['interlocutor-disable', 'interlocutor-enable', 'interlocutor-disable-next-line']) {
      assert.ok(scopesOf(tokenizer, [`<!-- ${directive} -->`], directive).includes('keyword.control.directive.interlocutor'), directive);
    }
    assert.ok(!scopesOf(tokenizer, [memo[6]!], '<!--').includes('meta.directive.interlocutor'));
    assert.ok(!scopesOf(tokenizer, ['`<!-- interlocutor-disable -->`'], 'interlocutor-disable').includes('keyword.control.directive.interlocutor'));
  });
});
