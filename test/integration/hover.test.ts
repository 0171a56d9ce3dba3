import * as assert from 'node:assert/strict';
import { closeAllEditors, extensionApi, hoverMarkdown, openMemo, positionOf, unescapeMarkdown, withSetting, hoverOn } from './helpers';

describe('hover cards in the extension host', () => {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  it('shows Qin Gang with no current post in a memo dated 2025-10-23', async () => {
    const card = await hoverOn('2025-10-23', 'Qin Gang met the press.', 'Qin Gang');
    assert.match(card, /\*\*Qin Gang\*\* \(秦刚\)/);
    assert.match(card, /As of 2025-10-23\*\* \(front matter as_of\): no current post/);
    assert.match(card, /Former:\* .*foreign minister \(2022-12-30 to 2023-07-25/);
    assert.match(card, /ambassador to the United States \(2021-07-28 to 2023-01-05/);
    assert.match(card, /\*\*Timeline\*\*/);
    assert.match(card, /\*\*Sources\*\*: \[/);
  });

  it('lists the channels an actor was part of, with their status on the date', async () => {
    const card = await hoverOn('2025-10-23', 'Cui Tiankai retired in 2021.', 'Cui Tiankai');
    assert.match(card, /\*\*Channels\*\*/);
    assert.match(card, /Kushner[^\n]*back channel[^\n]*closed/);
  });

  it('shows the same Qin Gang as the sitting foreign minister in a memo dated 2023-03-01', async () => {
    const card = await hoverOn('2023-03-01', 'Qin Gang met the press.', 'Qin Gang');
    assert.match(card, /As of 2023-03-01\*\* \(front matter as_of\): [^\n]*foreign minister \(since 2022-12-30\)/);
    assert.doesNotMatch(card, /no current post/);
  });

  // [what, memo text, where to hover, whose card]
  const aliases: Array<[string, string, string, string]> = [
    ['Mr Qin', 'Mr Qin said little.', 'Mr Qin', 'Qin Gang'],
    ['Foreign Minister Qin', 'Foreign Minister Qin flew in.', 'Qin', 'Qin Gang'],
    ['a possessive', "Qin Gang's fall was sudden.", 'Gang', 'Qin Gang'],
    ['Vice-Premier He', 'Vice-Premier He arrived.', 'He arrived', 'He Lifeng'],
    ['a name across a soft line break', 'We met Wang\nYi at noon.', 'Wang', 'Wang Yi'],
  ];
  for (const [what, body, needle, name] of aliases) {
    it(`resolves ${what} to ${name}`, async () => {
      const card = await hoverOn('2025-10-23', body, needle);
      assert.match(card, new RegExp(`^\\*\\*${name}\\*\\*`));
    });
  }

  it('resolves "Vice-Premier Liu" to whoever held that post on the memo date', async () => {
    assert.match(await hoverOn('2020-06-01', 'Vice-Premier Liu spoke.', 'Vice-Premier Liu'), /^\*\*Liu He\*\*/);
    assert.match(await hoverOn('2025-06-01', 'Vice-Premier Liu spoke.', 'Vice-Premier Liu'), /^\*\*Liu Guozhong\*\*/);
  });

  it('lists everyone a shared name may mean, with their posts on the date', async () => {
    const card = await hoverOn('2025-10-23', 'Mr Wang smiled.', 'Mr Wang');
    assert.match(card, /"Mr Wang" may refer to \d+ people/);
    assert.match(card, /\*\*Wang Yi\*\*: [^\n]*foreign minister/);
  });

  it('shows nothing on words that are not names, or on a lower-case pronoun', async () => {
    assert.equal(await hoverOn('2025-10-23', 'The talks went on. he lifeng', 'talks'), '');
    assert.equal(await hoverOn('2025-10-23', 'The talks went on. he lifeng', 'he lifeng'), '');
  });

  it('takes the date from the interlocutor.asOf setting when the memo has no front matter', async () => {
    await withSetting('interlocutor.asOf', '2023-03-01', async () => {
      const card = await hoverOn(undefined, 'Qin Gang met the press.', 'Qin Gang');
      assert.match(card, /As of 2023-03-01\*\* \(setting interlocutor\.asOf\): [^\n]*foreign minister \(since 2022-12-30\)/);
    });
  });

  it("falls back to today's date without front matter or setting", async () => {
    const card = await hoverOn(undefined, 'Qin Gang met the press.', 'Qin Gang');
    assert.match(card, /As of \d{4}-\d{2}-\d{2}\*\* \(today\)/);
  });

  it('also reads the memo date from as-of, asOf and date keys', async () => {
    for (const key of ['as-of', 'asOf', 'date']) {
      const document = await openMemo(`---\n${key}: 2023-03-01\n---\n\nQin Gang spoke.\n`);
      const card = unescapeMarkdown(await hoverMarkdown(document, positionOf(document, 'Qin Gang')));
      assert.match(card, new RegExp(`As of 2023-03-01\\*\\* \\(front matter ${key}\\)`), key);
    }
  });
});
