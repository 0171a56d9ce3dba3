import * as assert from 'node:assert/strict';
import { renderActorCard, renderActorCardText } from '../../src/core/actorCard';
import { partialDate } from '../../src/core/dates';
import { loadKnowledge } from '../../src/core/datasets';
import { resolveMention } from '../../src/core/mentionResolution';
import { builtinKnowledge } from '../support/repo';

const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

function card(actorId: string, date: string): string {
  return unescape(renderActorCard(builtinKnowledge().kb, actorId, partialDate(date), { dateLabel: 'front matter as_of' }) ?? '');
}

describe('actor cards', () => {
  // [actor, date, patterns the card must show, patterns it must not]
  const cases: Array<[string, string, RegExp[], RegExp[]]> = [
    ['qin_gang', '2025-10-23', [/^\*\*Qin Gang\*\* \(秦刚\) · China/, /\*\*As of 2025-10-23\*\* \(front matter as_of\): no current post/, /Former:\* [^\n]*foreign minister \(2022-12-30 to 2023-07-25, removed\)/], [/since 2022-12-30/]],
    ['qin_gang', '2023-03-01', [/: foreign minister \(since 2022-12-30\)/, /Former:\* [^\n]*ambassador to the United States \(2021-07-28 to 2023-01-05/], [/no current post/]],
    ['qin_gang', '2019', [/vice foreign minister \(since 2018-09-07\)/, /Later:\* [^\n]*foreign minister/], []],
    // A post held on the date says how far it was checked.
    ['wang_yi', '2025-10-23', [/foreign minister[^;]*\(since 2023-07-25, checked to 2026-03\)/, /Sullivan/], []],
    ['wang_yi', '2023-03-01', [/Former:\* [^\n]*foreign minister[^;]*\(2013-03-16 to 2022-12-30/, /Later:\* [^\n]*foreign minister/], []],
    ['he_lifeng', '2025-10-23', [/vice-premier \(since 2023-03-12, checked to 2026-05\)/, /Bessent/], []],
    ['cui_tiankai', '2025-10-23', [/Kushner[^\n]*back channel[^\n]*closed/], []],
    // After a tenure's own horizon it is not known to be current, and the card says so, per tenure.
    ['wang_yi', '2026-06-01', [/no current post/, /Not known on this date:\* [^\n]*foreign minister \(second stint\) \(since 2023-07-25, not verified after 2026-03\)/], [/checked to/]],
    // Each open tenure has its own horizon: on 2026-04-01 Wang Yi's CFAC office post (checked to 2026-02) is unknown, his foreign ministry (to 2026-03) is not yet.
    ['wang_yi', '2026-03-15', [/: [^\n]*foreign minister \(second stint\) \(since 2023-07-25, checked to 2026-03\)/, /Not known on this date:\* director of the Office of the Central Foreign Affairs Commission \(since 2023-01-01, not verified after 2026-02\)/], []],
    // Partly verified facts stay marked as such.
    ['xi_jinping', '2026-02-01', [/general secretary[^;]*\(since 2012-11-15, checked to 2026-03, partly verified\)/], []],
    ['donald_trump', '2019-06-01', [/president of the United States \(45th\) \(since 2017-01-20, unverified\)/], []],
    // Han Zheng's vice-premiership, added to the table in 2026-12.
    ['han_zheng', '2020-01-01', [/: executive \(first-ranked\) vice-premier \(since 2018-03-19\)/], []],
    // Events up to the memo's date, never later ones.
    ['wang_yi', '2026-03-01', [/\*\*Events\*\*/, /2026-02-13: Met Rubio at the Munich Security Conference/], []],
    ['wang_yi', '2025-10-23', [/2025-07-11: First in-person meeting with Rubio/], [/2026-02-13/]],
    // A channel past its own horizon is not "unclear": the card says it was not verified after its horizon.
    ['wang_yi', '2026-04-01', [/Rubio-Wang Yi channel[^\n]*status not verified after 2026-02/], []],
    ['wang_yi', '2026-02-15', [/Rubio-Wang Yi channel[^\n]*· active/], []],
  ];
  for (const [actorId, date, present, absent] of cases) {
    it(`${actorId} as of ${date}`, () => {
      const text = card(actorId, date);
      for (const pattern of present) assert.match(text, pattern);
      for (const pattern of absent) assert.doesNotMatch(text, pattern);
    });
  }

  it('renders the plain-text card for the terminal with the whole timeline', () => {
    const text = renderActorCardText(builtinKnowledge().kb, 'qin_gang', partialDate('2025-10-23')) ?? '';
    assert.match(text, /^Qin Gang \(秦刚\) · China/);
    assert.match(text, /Timeline:\n {2}2011-12 to 2015-01: MFA spokesperson/);
    assert.doesNotMatch(text, /\*\*/);
  });

  it('escapes hostile dataset text so that it renders as text', () => {
    const hostile = JSON.stringify({
      name: 'Hostile',
      sources: [{ id: 'evil', title: '[click](command:workbench.action.terminal.new)', url: 'https://example.org/x' }],
      roles: [{ id: 'r', title: '<img src=x onerror=alert(1)>' }],
      actors: [{ id: 'x', name: '**Bold** [link](command:x)', summary: '<script>alert(1)</script>\n# heading', tenures: [{ role: 'r', start: '2020', sources: ['evil'] }] }],
    });
    const { kb } = loadKnowledge([{ file: 'hostile.json', text: hostile }]);
    const markdown = renderActorCard(kb, 'x', partialDate('2021')) ?? '';
    assert.doesNotMatch(markdown, /(?<!\\)<(img|script)/);
    assert.doesNotMatch(markdown, /(?<!\\)\[link\]/);
    assert.doesNotMatch(markdown, /\n# heading/);
    assert.match(markdown, /\[\\\[click\\\]\\\(command\\:workbench/);
    assert.match(markdown, /\]\(https:\/\/example\.org\/x\)/);
  });

  describe('resolving shared names by the post in them', () => {
    const cases: Array<[string, string, string[]]> = [
      ['Vice-Premier Liu', '2020-06-01', ['liu_he']],
      ['Vice-Premier Liu', '2025-06-01', ['liu_guozhong']],
      ['Foreign Minister Wang', '2025-10-23', ['wang_yi']],
    ];
    for (const [text, date, expected] of cases) {
      it(`${text} on ${date}`, () => {
        const { kb } = builtinKnowledge();
        const [mention] = kb.index.findMentions(text);
        assert.ok(mention, `no mention found in "${text}"`);
        assert.deepEqual(resolveMention(kb, mention, partialDate(date)).actorIds, expected);
      });
    }
  });
});
