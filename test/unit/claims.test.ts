/**
 * The claim checker, case by case: a memo line, the memo's date, and the one code expected (or
 * silence). At least half of the cases must stay silent: historical markers, code, comments,
 * sentence dates, shared surnames, titles that name the right holder.
 */
import * as assert from 'node:assert/strict';
import { checkMemo } from '../../src/core/memoCheck';
import { partialDate } from '../../src/core/dates';
import { builtinKnowledge } from '../support/repo';

type Code = 'stale-role' | 'not-yet-in-role' | 'never-held-role' | 'still-in-role';
type Case = [line: string, date: string, expected: Code | null];

const cases: Case[] = [
  // --- Appositive after the name ---------------------------------------------------------------
  ['Qin Gang, foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ["Qin Gang, China's foreign minister, spoke.", '2025-10-23', 'stale-role'],
  ["Qin Gang, China's foreign minister, spoke.", '2023-03-01', null],
  ['Qin Gang, the Chinese foreign minister, spoke.', '2024-01-10', 'stale-role'],
  ['Qin Gang, the foreign minister, spoke.', '2019-06-01', 'not-yet-in-role'],
  ["Wang Yi, China's foreign minister, spoke.", '2025-10-23', null],
  ["Wang Yi, China's foreign minister, spoke.", '2023-03-01', 'stale-role'],
  ["Wang Yi, China's foreign minister, spoke.", '2019-05-01', null],
  ["Scott Bessent, America's treasury secretary, and He Lifeng met.", '2025-10-23', null],
  ["Scott Bessent, America's treasury secretary, spoke.", '2024-06-01', 'not-yet-in-role'],
  ['Janet Yellen, the treasury secretary, flew to Beijing.', '2023-07-06', null],
  ['Janet Yellen, the treasury secretary, flew to Beijing.', '2025-06-01', 'stale-role'],
  ['Jake Sullivan, the national security adviser, met Wang Yi.', '2023-05-10', null],
  ['Jake Sullivan, the national security adviser, met Wang Yi.', '2025-03-01', 'stale-role'],
  ['Mike Waltz, the national security adviser, resigned.', '2025-03-01', null],
  ['Mike Waltz, the national security adviser, spoke.', '2025-08-01', 'stale-role'],
  ["Cui Tiankai, China's ambassador to the United States, spoke.", '2018-01-01', null],
  ["Cui Tiankai, China's ambassador to the United States, spoke.", '2022-01-01', 'stale-role'],
  ["Xie Feng, China's ambassador to the US, spoke.", '2025-10-23', null],
  ["Xie Feng, China's ambassador to the US, spoke.", '2022-01-01', 'not-yet-in-role'],
  ['He Lifeng, a vice-premier, arrived.', '2025-10-23', null],
  ['He Lifeng, the vice-premier, arrived.', '2022-05-01', 'not-yet-in-role'],
  ['Liu He, the vice-premier, arrived.', '2020-01-15', null],
  ['Liu He, the vice-premier, arrived.', '2024-01-15', 'stale-role'],
  ['Li Shangfu, the defence minister, was absent.', '2023-08-01', null],
  ['Li Shangfu, the defence minister, was absent.', '2024-02-01', 'stale-role'],
  ['Dong Jun, the defence minister, met Hegseth.', '2025-10-31', null],
  ['Jamieson Greer, the US trade representative, joined.', '2025-06-01', null],
  ['Katherine Tai, the US trade representative, joined.', '2025-06-01', 'stale-role'],
  ['Robert Lighthizer, the US trade representative, led.', '2019-05-01', null],
  ['Robert Lighthizer, the US trade representative, led.', '2022-05-01', 'stale-role'],
  ['Marco Rubio, secretary of state, spoke.', '2025-10-23', null],
  ['Antony Blinken, secretary of state, spoke.', '2025-10-23', 'stale-role'],
  ['Antony Blinken, secretary of state, spoke.', '2023-06-18', null],
  ['Mike Pompeo, the secretary of state, spoke.', '2017-06-01', 'not-yet-in-role'],
  ['Li Qiang, the premier, spoke.', '2025-10-23', null],
  ['Li Qiang, the premier, spoke.', '2021-10-23', 'not-yet-in-role'],
  ['Liu Jianchao, head of the International Department, visited.', '2024-06-01', null],
  ['Liu Jianchao, head of the International Department, visited.', '2025-10-20', 'stale-role'],
  ['Elon Musk, head of DOGE, spoke.', '2025-03-01', null],
  ['Elon Musk, head of DOGE, spoke.', '2025-09-01', 'stale-role'],
  ['Wang Shouwen, China international trade representative, spoke.', '2025-10-01', 'stale-role'],
  ['Li Chenggang, China international trade representative, spoke.', '2025-10-01', null],
  ["David Perdue, the US ambassador to China, arrived.", '2025-06-01', null],
  ["Nicholas Burns, the US ambassador to China, spoke.", '2025-06-01', 'stale-role'],
  ['Wang Qishan, the vice-president, retired.', '2022-01-01', null],
  ['Wang Qishan, the vice-president, met bankers.', '2024-01-01', 'stale-role'],
  ['Han Zheng, the vice-president, attended.', '2025-01-20', null],

  // --- Title before the name -------------------------------------------------------------------
  ['Foreign Minister Qin Gang met Blinken.', '2025-10-23', 'stale-role'],
  ['Foreign Minister Qin Gang met Blinken.', '2023-06-18', null],
  ['Foreign Minister Wang Yi met Rubio.', '2025-07-10', null],
  ['Commerce Secretary Scott Bessent spoke.', '2025-10-23', 'never-held-role'],
  ['Treasury Secretary Scott Bessent spoke.', '2025-10-23', null],
  ['Commerce Secretary Howard Lutnick spoke.', '2025-10-23', null],
  ['Commerce Secretary Gina Raimondo visited Beijing.', '2023-08-28', null],
  ['Commerce Secretary Gina Raimondo spoke.', '2025-10-23', 'stale-role'],
  ['Defence Minister Dong Jun met Hegseth.', '2025-10-31', null],
  ['Defence Minister Li Shangfu skipped the meeting.', '2024-06-01', 'stale-role'],
  ['Chinese vice premier He Lifeng led the talks.', '2025-10-23', null],
  ['Vice-Premier He Lifeng led the talks.', '2020-01-01', 'not-yet-in-role'],
  ["China's foreign minister, Wang Yi, spoke.", '2025-10-23', null],
  ["China's foreign minister, Qin Gang, spoke.", '2025-10-23', 'stale-role'],
  ['the foreign minister, Qin Gang, said so.', '2023-05-01', null],
  ['Secretary of State Marco Rubio met Wang Yi.', '2025-07-11', null],
  ['Secretary of State Antony Blinken met Wang Yi.', '2025-07-11', 'stale-role'],
  ['National Security Adviser Jake Sullivan met Wang Yi.', '2024-08-27', null],
  ['US Trade Representative Katherine Tai spoke.', '2022-06-01', null],
  ['U.S. Trade Representative Jamieson Greer spoke.', '2025-06-01', null],
  ['U.S. Trade Representative Robert Lighthizer spoke.', '2025-06-01', 'stale-role'],
  ['President Joe Biden met Xi.', '2023-11-15', null],
  ['President Joe Biden met Xi.', '2025-06-01', 'stale-role'],
  ['President Donald Trump met Xi Jinping in Busan.', '2025-10-30', null],
  ['Vice-President Wang Qishan met Paulson.', '2019-01-01', null],
  ['Premier Li Qiang spoke.', '2025-10-23', null],
  ['Premier Li Qiang spoke.', '2020-10-23', 'not-yet-in-role'],
  ['Treasury Secretary Janet Yellen met He Lifeng.', '2023-07-07', null],
  ['Defense Secretary Pete Hegseth met Dong Jun.', '2025-10-31', null],
  ['Defense Secretary Lloyd Austin met Dong Jun.', '2025-10-31', 'stale-role'],
  ['Ambassador to China David Perdue arrived.', '2025-05-15', null],

  // --- Parenthesis, relative clauses, predicates --------------------------------------------------
  ['Qin Gang (foreign minister) spoke.', '2025-10-23', 'stale-role'],
  ['Qin Gang (foreign minister) spoke.', '2023-04-01', null],
  ['Qin Gang (then foreign minister) spoke.', '2025-10-23', null],
  ['Wang Yi (foreign minister) spoke.', '2025-10-23', null],
  ['Qin Gang, who is foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['Wang Yi, who is foreign minister, spoke.', '2025-10-23', null],
  ['Qin Gang, who was foreign minister, vanished.', '2025-10-23', null],
  ['Qin Gang, who served as foreign minister, vanished.', '2025-10-23', null],
  ['Wang Yi is China\'s foreign minister.', '2025-10-23', null],
  ['Wang Yi is China\'s foreign minister.', '2023-03-01', 'stale-role'],
  ['Qin Gang is China\'s foreign minister.', '2024-02-01', 'stale-role'],
  ['Qin Gang was foreign minister.', '2025-10-23', null],
  ['Qin Gang remains foreign minister.', '2023-09-01', 'stale-role'],
  ['Xie Feng remains ambassador to Washington.', '2025-10-23', null],

  // --- Historical markers -------------------------------------------------------------------------
  ['Former foreign minister Wang Yi spoke.', '2025-10-23', 'still-in-role'],
  ['Former foreign minister Wang Yi spoke.', '2023-03-01', null],
  ['Former foreign minister Qin Gang vanished.', '2025-10-23', null],
  ['Former foreign minister Qin Gang spoke.', '2019-01-01', 'not-yet-in-role'],
  ['Ex-foreign minister Qin Gang vanished.', '2025-10-23', null],
  ['Ex-foreign minister Wang Yi spoke.', '2025-10-23', 'still-in-role'],
  ['Qin Gang, the former foreign minister, vanished.', '2025-10-23', null],
  ["Qin Gang, China's former foreign minister, vanished.", '2025-10-23', null],
  ['Wang Yi, the former foreign minister, spoke.', '2025-10-23', 'still-in-role'],
  ['Erstwhile foreign minister Qin Gang vanished.', '2025-10-23', null],
  ['One-time foreign minister Qin Gang vanished.', '2025-10-23', null],
  ['Onetime ambassador Cui Tiankai retired.', '2025-10-23', null],
  ['Retired diplomat Cui Tiankai spoke.', '2025-10-23', null],
  ['Then foreign minister Wang Yi spoke.', '2025-10-23', null],
  ['Then-foreign minister Qin Gang spoke.', '2025-10-23', null],
  ['the then foreign minister Qin Gang spoke.', '2025-10-23', null],
  ["Cui Tiankai, China's ambassador to Washington, DC at the time, helped.", '2025-10-23', null],
  ["Robert Lighthizer, America's trade representative in Mr Trump's first term, built rapport.", '2025-10-23', null],
  ['Janet Yellen, treasury secretary under Biden, set up working groups.', '2025-10-23', null],
  ['Former treasury secretary Janet Yellen spoke.', '2025-10-23', null],
  ['Former treasury secretary Scott Bessent spoke.', '2025-10-23', 'still-in-role'],
  ['Former US trade representative Robert Lighthizer wrote a book.', '2024-01-01', null],
  ['Former national security adviser Mike Waltz moved to the UN.', '2025-10-23', null],
  ['Former national security adviser Jake Sullivan spoke.', '2023-01-01', 'still-in-role'],
  ['Incoming treasury secretary Scott Bessent spoke.', '2024-12-01', null],
  ['President-elect Donald Trump called Xi Jinping.', '2025-01-17', null],

  // --- Sentence-level time ---------------------------------------------------------------------
  ["In 2019, Cui Tiankai, China's ambassador, met Jared Kushner.", '2025-10-23', null],
  ["In 2019, Cui Tiankai, China's ambassador to the US, met Jared Kushner.", '2025-10-23', null],
  ["In 2019, Qin Gang, China's foreign minister, spoke.", '2025-10-23', 'not-yet-in-role'],
  ['In March 2023 Qin Gang, the foreign minister, spoke.', '2025-10-23', null],
  ['In September 2023 Qin Gang, the foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['Until 2021 Cui Tiankai, the ambassador to Washington, was busy.', '2025-10-23', null],
  ['In 2018, Liu He, the vice-premier, led the talks.', '2025-10-23', null],
  ['Liu He, the vice-premier, signed the deal on 15 January 2020.', '2025-10-23', null],
  ['Liu He, the vice-premier, signed the deal on January 15, 2020.', '2025-10-23', null],
  ['On 2020-01-15 Liu He, the vice-premier, signed the deal.', '2025-10-23', null],
  ['In 2016, Wang Yi, the foreign minister, visited.', '2025-10-23', null],
  ['In 2016, Scott Bessent, the treasury secretary, ran a fund.', '2025-10-23', 'not-yet-in-role'],
  ['Jake Sullivan, the national security adviser, met Wang Yi in 2023-24.', '2025-10-23', null],
  ['In 2023, Wang Yi, the foreign minister, met Sullivan.', '2025-10-23', null],

  // --- Shared surnames and titles with surnames ---------------------------------------------------
  ['Vice-Premier Liu spoke.', '2020-06-01', null],
  ['Vice-Premier Liu spoke.', '2025-06-01', null],
  ['Vice-Premier Liu spoke.', '2024-06-01', null],
  ['Mr Wang, the foreign minister, spoke.', '2025-10-23', null],
  ['Mr Wang, the foreign minister, spoke.', '2016-10-23', null],
  ['Mr Li, the premier, spoke.', '2025-10-23', null],
  ['Mr Li, the defence minister, spoke.', '2025-10-23', 'stale-role'],
  ['Mr Li, the defence minister, spoke.', '2023-06-01', null],
  ['Mr Qin, the foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['Mr Qin, the foreign minister, spoke.', '2023-05-01', null],
  ['Mr He, the vice-premier, met Mr Huang.', '2025-10-23', null],
  ['Foreign Minister Qin flew in.', '2025-10-23', 'stale-role'],
  ['Foreign Minister Qin flew in.', '2023-03-01', null],
  ['Foreign Minister Wang flew in.', '2025-10-23', null],
  ['Premier Li spoke.', '2019-06-01', null],
  ['Defence Minister Li spoke.', '2025-10-23', 'stale-role'],
  ['Vice-Premier He spoke.', '2025-10-23', null],
  ['Vice-Premier Wang spoke.', '2020-06-01', null],
  ['President Xi met President Trump.', '2025-10-30', null],
  ['President Trump spoke.', '2022-06-01', 'stale-role'],
  ['President Biden spoke.', '2023-06-01', null],

  // --- Longer titles, bodies before titles, surnames only one person has ------------------------
  ['Member of the Political Bureau and Vice Premier of the State Council He Lifeng spoke.', '2025-06-01', null],
  ['Vice\nPremier of the State Council He Lifeng spoke.', '2025-06-01', null],
  ['Deputy foreign minister Qin Gang spoke.', '2025-10-23', 'stale-role'],
  ['Deputy foreign minister Qin Gang spoke.', '2020-10-23', null],
  ['THE TALKS WERE LED BY COMMERCE SECRETARY BESSENT AND VICE PREMIER HE LIFENG.', '2025-05-12', 'never-held-role'],
  ['Commerce Secretary Bessent spoke.', '2025-10-23', 'never-held-role'],
  ['Kurt Campbell, the White House Indo-Pacific coordinator, spoke.', '2024-03-15', 'stale-role'],
  ['Kurt Campbell, the White House Indo-Pacific coordinator, spoke.', '2022-03-15', null],
  ['During the 2020 phase one talks,\nthe then-treasury secretary, Scott Bessent, pushed.', '2025-10-23', 'not-yet-in-role'],
  ['During the talks, China\'s foreign minister, Qin Gang, spoke.', '2025-10-23', 'stale-role'],
  ["Steve Bannon, Mr Trump's chief strategist, is again urging tariffs.", '2020-01-01', 'stale-role'],

  // --- Not claims at all ----------------------------------------------------------------------
  ['Qin Gang met the foreign minister of Japan.', '2025-10-23', null],
  ['Qin Gang, Wang Yi and Liu He met.', '2025-10-23', null],
  ['Qin Gang, foreign minister Wang Yi\'s predecessor, vanished.', '2025-10-23', null],
  ['The foreign minister met Qin Gang.', '2025-10-23', null],
  ['He said the foreign minister was late.', '2025-10-23', null],
  ['Mr Qin succeeded Mr Cui as ambassador to America in 2021.', '2025-10-23', null],
  ['Qin Gang, foreign minister of Japan, is fictional.', '2025-10-23', null],
  ['Scott Bessent, Howard Lutnick and Jamieson Greer flew to London.', '2025-06-09', null],

  // --- Quoted speech is the speaker's, on the day they spoke --------------------------------------
  ['"Qin Gang, China\'s foreign minister, will receive the delegation," the ministry said.', '2025-10-23', null],
  ['The ministry said that \u201cQin Gang, the foreign minister, is unwell\u201d.', '2025-10-23', null],
  ['Qin Gang, the foreign minister, was called "unhinged" by nobody.', '2025-10-23', 'stale-role'],

  // --- Clauses with their own time do not date the claim ------------------------------------------
  ['Li Shangfu, the new defence minister, is under US sanctions from 2018.', '2023-04-01', null],
  ['Mr Qin, a former vice foreign minister, was chief of protocol between 2015 and 2018.', '2022-01-01', null],
  ["Jared Kushner, the president's son-in-law and senior adviser, met Cui.", '2019-12-05', null],
  ['Power sits around the president. Jared Kushner, the former senior adviser to the president, objected.', '2020-07-28', 'still-in-role'],
  ['Cui Tiankai, the former ambassador to the United States, spoke.', '2021-03-25', 'still-in-role'],
  ["Wang Wentao, China's trade representative, spoke.", '2021-10-15', 'never-held-role'],

  // --- Regions that are never checked ----------------------------------------------------------
  ['`Qin Gang, foreign minister` is an example.', '2025-10-23', null],
  ['<!-- Qin Gang, foreign minister, is stale -->', '2025-10-23', null],
  ['See [the profile](https://example.org/Qin-Gang,-foreign-minister).', '2025-10-23', null],
  ['```\nQin Gang, foreign minister, spoke.\n```', '2025-10-23', null],
  ['~~~markdown\nQin Gang, foreign minister, spoke.\n~~~', '2025-10-23', null],
  ['Intro.\n\n    Qin Gang, foreign minister, spoke.', '2025-10-23', null],
  ['---\ntitle: Qin Gang, foreign minister\n---\nText.', '2025-10-23', null],
  ['Qin Gang, foreign minister, spoke. <!-- interlocutor-disable-line -->', '2025-10-23', null],
  ['Qin Gang, foreign minister, spoke. <!-- interlocutor-disable-line stale-role -->', '2025-10-23', null],
  ['Qin Gang, foreign minister, spoke. <!-- interlocutor-disable-line never-held-role -->', '2025-10-23', 'stale-role'],
  ['<!-- interlocutor-disable-next-line -->\nQin Gang, foreign minister, spoke.', '2025-10-23', null],
  ['<!-- interlocutor-disable-next-line still-in-role -->\nQin Gang, foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['<!-- interlocutor-disable -->\nQin Gang, foreign minister, spoke.\n<!-- interlocutor-enable -->', '2025-10-23', null],
  ['<!-- interlocutor-disable -->\nText.\n<!-- interlocutor-enable -->\nQin Gang, foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['- Qin Gang, foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['> Qin Gang, foreign minister, spoke.', '2025-10-23', 'stale-role'],
  ['| Qin Gang, foreign minister | spoke |', '2025-10-23', 'stale-role'],
  ['**Qin Gang**, foreign minister, spoke.', '2025-10-23', 'stale-role'],

  // --- Partial dates and verifiedThrough never raise more than silence --------------------------
  ['Liu He, the vice-premier, left.', '2023-03', null],
  ['Qin Gang, the foreign minister, spoke.', '2023', null],
  ['Wang Yi, the foreign minister, spoke.', '2026-06-01', null],
  ['Wei Fenghe, the defence minister, spoke.', '2023-03-05', null],
  ['Wei Fenghe, the defence minister, spoke.', '2023-06-05', 'stale-role'],
];

describe('claims: one memo line at a time', () => {
  const { kb } = builtinKnowledge();

  it(`has at least 150 cases, half of them silent (${cases.length} cases, ${cases.filter((entry) => entry[2] === null).length} silent)`, () => {
    assert.ok(cases.length >= 150);
    assert.ok(cases.filter((entry) => entry[2] === null).length * 2 >= cases.length);
  });

  for (const [line, date, expected] of cases) {
    it(`${expected ?? 'silent'} @ ${date}: ${JSON.stringify(line)}`, () => {
      // The memo-level data-horizon notice is tested in horizons.test.ts.
      const findings = checkMemo(kb, line, { date: partialDate(date) }).filter((finding) => finding.code !== 'data-horizon');
      assert.deepEqual(
        findings.map((finding) => finding.code),
        expected ? [expected] : [],
        findings.map((finding) => `${finding.code}: ${line.slice(finding.start, finding.end)} :: ${finding.message}`).join('\n'),
      );
    });
  }
});
