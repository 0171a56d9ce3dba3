import * as assert from 'node:assert/strict';
import { ActorIndex } from '../../src/core/actorIndex';
import type { Actor } from '../../src/core/schema';
import { builtinKnowledge } from '../support/repo';

function actor(id: string, name: string, aliases: string[] = []): Actor {
  return { id, name, aliases, kind: 'person', tenures: [], events: [], sources: [] };
}

const index = new ActorIndex([
  actor('qin_gang', 'Qin Gang', ['Mr Qin', 'Foreign Minister Qin']),
  actor('he_lifeng', 'He Lifeng', ['Vice-Premier He', 'Mr He']),
  actor('wang_yi', 'Wang Yi', ['Mr Wang']),
  actor('wang_qishan', 'Wang Qishan', ['Mr Wang']),
  actor('xi', 'Xi Jinping', ['Xi']),
  actor('thornton', 'John Thornton', ['John L. Thornton']),
  actor('cafe', 'José Núñez'),
]);

function names(text: string): string[] {
  return index.findMentions(text).map((mention) => `${mention.text}=${mention.actorIds.join('|')}`);
}

describe('actor index: finding names in text', () => {
  // [what, text, expected mentions]
  const cases: Array<[string, string, string[]]> = [
    ['a full name', 'Qin Gang spoke.', ['Qin Gang=qin_gang']],
    ['an honorific alias', 'Mr Qin spoke.', ['Mr Qin=qin_gang']],
    ['the longest name wins', 'Foreign Minister Qin spoke.', ['Foreign Minister Qin=qin_gang']],
    ['a shared alias keeps every candidate', 'Mr Wang spoke.', ['Mr Wang=wang_yi|wang_qishan']],
    ['a possessive', "Xi's aides and Qin Gang's fall", ['Xi=xi', 'Qin Gang=qin_gang']],
    ['curly apostrophes', 'Xi\u2019s aides', ['Xi=xi']],
    ['a hyphen or a space in a title', 'Vice-Premier He and Vice Premier He', ['Vice-Premier He=he_lifeng', 'Vice Premier He=he_lifeng']],
    ['a soft line break inside a name', 'met Wang\nYi today', ['Wang\nYi=wang_yi']],
    ['no name across a paragraph break', 'met Wang\n\nYi today', []],
    ['no name across a comma', 'Wang, Yi and others', []],
    ['an initial with a period', 'John L. Thornton', ['John L. Thornton=thornton']],
    ['the pronoun "he" is not He Lifeng', 'he lifeng and he said', []],
    ['a capitalised pronoun is not a full name', 'He said it.', []],
    ['upper case text still matches', 'QIN GANG SPOKE', ['QIN GANG=qin_gang']],
    ['diacritics are optional', 'Jose Nunez and José Núñez', ['Jose Nunez=cafe', 'José Núñez=cafe']],
    ['a name inside a longer word is not a name', 'Xiamen and Qingang', []],
    ['markdown emphasis around a name', '**Qin Gang** and _Xi_', ['Qin Gang=qin_gang', 'Xi=xi']],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.deepEqual(names(text), expected));
  }

  it('reports offsets into the scanned text', () => {
    const text = 'Talks: Mr Qin arrived.';
    const [mention] = index.findMentions(text);
    assert.equal(text.slice(mention!.start, mention!.end), 'Mr Qin');
  });

  it('finds the mention under an offset without scanning the whole text', () => {
    const text = `${'filler '.repeat(10000)}Qin Gang said.`;
    const offset = text.indexOf('Gang');
    assert.equal(index.mentionAt(text, offset)?.actorIds[0], 'qin_gang');
    assert.equal(index.mentionAt(text, 10), undefined);
  });

  it('stays linear on adversarial text (a long run of "Mr Mr Mr")', () => {
    const text = 'Mr '.repeat(300_000);
    const started = process.hrtime.bigint();
    assert.deepEqual(index.findMentions(text), []);
    // Not a timing assertion on speed, a guard against catastrophic backtracking: seconds, not ms.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 20);
  });

  it('looks up names exactly, whatever the case and spacing', () => {
    assert.deepEqual(index.lookup('mr  wang').map((entry) => entry.actorId), ['wang_yi', 'wang_qishan']);
  });

  it('finds every built-in actor by its own name', () => {
    const { kb } = builtinKnowledge();
    for (const entry of kb.actors()) {
      const found = kb.index.findMentions(`Yesterday ${entry.name} said so.`);
      assert.ok(found.length === 1 && found[0]!.actorIds.includes(entry.id), `${entry.name}: ${JSON.stringify(found.map((m) => m.text))}`);
    }
  });
});
