import * as assert from 'node:assert/strict';
import { escapeMarkdown, MarkdownBuilder, safeLinkTarget } from '../../src/core/markdown';

describe('escaping Markdown built from dataset text', () => {
  const hostile: Array<[string, string]> = [
    ['a command link', '[run](command:workbench.action.terminal.new)'],
    ['an image', '![x](https://evil.example/track.png)'],
    ['HTML', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
    ['emphasis and code', '**bold** _it_ `code` ~~strike~~'],
    ['a heading and a list via new lines', 'line\n# Heading\n- item\n1. item'],
    ['an entity', '&lt;script&gt;'],
    ['a table', '| a | b |\n|---|---|'],
  ];
  for (const [what, text] of hostile) {
    it(`neutralises ${what}`, () => {
      const escaped = escapeMarkdown(text);
      assert.doesNotMatch(escaped, /(?<!\\)[[\]()<>`*_#|&]/, escaped);
      assert.doesNotMatch(escaped, /\n/);
    });
  }

  it('links only http(s) URLs, percent-encoding characters that would end the target', () => {
    assert.equal(new MarkdownBuilder().link('Title [1]', 'https://example.org/a (b)').toString(), '[Title \\[1\\]](https://example.org/a%20%28b%29)');
    assert.equal(new MarkdownBuilder().link('x', 'command:foo').toString(), 'x');
    assert.equal(new MarkdownBuilder().link('x', 'javascript:alert(1)').toString(), 'x');
    assert.equal(safeLinkTarget('not a url'), undefined);
  });

  it('escapes text inside bold and italic', () => {
    assert.equal(new MarkdownBuilder().bold('a*b').toString(), '**a\\*b**');
    assert.equal(new MarkdownBuilder().italic('_x_').toString(), '*\\_x\\_*');
  });
});
