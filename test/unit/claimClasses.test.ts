/**
 * The constructions real writers use, one class at a time: each rule has a case that must be
 * flagged and a quiet twin that must not. Memos are whole texts here, because datelines and
 * earlier mentions matter.
 */
import * as assert from 'node:assert/strict';
import { checkMemo } from '../../src/core/memoCheck';
import { partialDate } from '../../src/core/dates';
import { memoDate } from '../../src/core/memoDate';
import { builtinKnowledge } from '../support/repo';

type Code = 'stale-role' | 'not-yet-in-role' | 'never-held-role' | 'still-in-role';
/** A memo (its first lines may date it), the date for undated memos, and the codes expected in order. */
type Case = [memo: string, date: string, expected: Code[]];

const classes: Record<string, Case[]> = {
  '1. datelines with a place date the memo': [
    ['WASHINGTON, March 14, 2024 — Gina Raimondo, the commerce secretary, spoke.', '2026-01-01', []],
    ['WASHINGTON, March 14, 2026 — Gina Raimondo, the commerce secretary, spoke.', '2024-01-01', ['stale-role']],
    ['Beijing, 9 May 2025 (Reuters) - Qin Gang, China\'s foreign minister, was absent.', '2023-03-01', ['stale-role']],
    ['Beijing, 9 May 2023 (Reuters) - Qin Gang, China\'s foreign minister, was absent.', '2025-03-01', []],
    ['Washington, 2 April 2024\n\nJanet Yellen, the treasury secretary, arrived.', '2026-01-01', []],
    ['Washington, 2 April 2026\n\nJanet Yellen, the treasury secretary, arrived.', '2024-01-01', ['stale-role']],
    ['LONDON — June 3, 2025 — Antony Blinken, the secretary of state, spoke.', '2023-01-01', ['stale-role']],
    ['LONDON — June 3, 2023 — Antony Blinken, the secretary of state, spoke.', '2025-06-01', []],
    // A stray year on the dateline dates nothing.
    ['LONDON, June 3, 2024, 2021 — Katherine Tai, the trade representative, spoke.', '2026-01-01', []],
    ['LONDON, June 3, 2025, 2021 — Katherine Tai, the trade representative, spoke.', '2023-01-01', ['stale-role']],
  ],
  '2. which time a sentence names': [
    ['Cui Tiankai, the ambassador who had known Kissinger since 1971, spoke.', '2025-10-01', ['stale-role']],
    ['Cui Tiankai, the ambassador who had known Kissinger since 1971, spoke.', '2019-10-01', []],
    ['Once the Bali talks of 2022 were over, Qin Gang, the foreign minister, flew home.', '2025-10-01', ['stale-role']],
    ['In early 2023, Qin Gang, the foreign minister, flew home.', '2025-10-01', []],
    ['Under Biden, Gina Raimondo, the commerce secretary, imposed controls.', '2025-10-01', []],
    ['Under Biden, Steven Mnuchin, the treasury secretary, imposed controls.', '2025-10-01', ['stale-role']],
    ["During Trump's first term, Robert Lighthizer, the trade representative, ran the talks.", '2025-10-01', []],
    ["During Trump's first term, Katherine Tai, the trade representative, ran the talks.", '2025-10-01', ['not-yet-in-role']],
    ['Qin Gang, foreign minister until July 2023, spoke.', '2025-10-01', []],
    ['Qin Gang, foreign minister from 2022 to 2023, spoke.', '2025-10-01', []],
    ['Qin Gang, foreign minister, spoke about 2023.', '2025-10-01', ['stale-role']],
    // A semicolon ends a governing phrase's reach; the clause after it may open with its own.
    ['In 2023 his counterpart was Janet Yellen, the treasury secretary; now it is Scott Bessent, the treasury secretary.', '2025-10-01', []],
    ['In 2023 his counterpart was Janet Yellen, the treasury secretary; now it is Steven Mnuchin, the treasury secretary.', '2025-10-01', ['stale-role']],
    ['Wu Yi was the counterpart then; in 2008, Vice-Premier Wang Qishan took over.', '2025-10-01', []],
    // A time in one coordinate clause does not date the next, unless a "when" clause hangs on it.
    ['Two generals were expelled in 2024, and the US counterpart, Defence Secretary Lloyd Austin, waited.', '2025-10-01', ['stale-role']],
    ['Two generals were expelled in 2024, and the US counterpart, Defence Secretary Lloyd Austin, waited.', '2024-10-01', []],
    ['The last meeting was in Osaka in 2019, when the team was led by Robert Lighthizer (US trade representative) and Liu He (vice-premier).', '2025-10-01', []],
    ['The last meeting was in Osaka in 2019, and now the team is led by Robert Lighthizer (US trade representative).', '2025-10-01', ['stale-role']],
    ['His predecessor, Ambassador Burns, spent much of 2024 protesting.', '2025-10-01', []],
    ['His friend, Ambassador Burns, is protesting.', '2025-10-01', ['stale-role']],
    // "former" speaks from the time of writing, whatever time the sentence is set in.
    ['He met former Commerce Secretary Gina Raimondo through a working group established in 2023.', '2025-11-01', []],
    ['He met former Commerce Secretary Gina Raimondo through a working group established in 2023.', '2023-11-01', ['still-in-role']],
    // A short time phrase between commas dates the clause after it.
    ['The last time they met, in Osaka in 2019, Trump was flanked by Treasury Secretary Steven Mnuchin.', '2025-11-01', []],
    ['The last time they met, in Osaka in 2019, Trump was flanked by Treasury Secretary Janet Yellen.', '2025-11-01', ['not-yet-in-role']],
    // A duration that opens the sentence, with a past verb, makes the claim historical.
    ['For three years Liu Jianchao, the head of the International Department, was the emissary.', '2025-11-01', []],
    ['Today Liu Jianchao, the head of the International Department, is the emissary.', '2025-11-01', ['stale-role']],
    // A leader's period needs no comma after it.
    ['During Biden\'s term Wang met Secretary of State Antony Blinken often.', '2025-11-01', []],
    ['During Biden\'s term Wang met Secretary of State Mike Pompeo often.', '2025-11-01', ['stale-role']],
    // Times relative to the memo's date.
    ['Cui Tiankai, the ambassador, left Washington last month.', '2021-07-28', []],
    ['Cui Tiankai, the ambassador, left Washington last year.', '2021-07-28', []],
    ['Cui Tiankai, the ambassador, will leave Washington.', '2021-07-28', ['stale-role']],
    ['Last year, Commerce Secretary Gina Raimondo visited Beijing.', '2025-11-01', []],
    ['Last year, Commerce Secretary Howard Lutnick visited Beijing.', '2025-11-01', ['not-yet-in-role']],
    ['Treasury Secretary Janet Yellen (early July) will meet Vice-Premier Liu He.', '2023-06-25', ['stale-role']],
    ['Treasury Secretary Janet Yellen (early July) will meet Vice-Premier He Lifeng.', '2023-06-25', []],
    ['Back in 2019, the talks were led by Robert Lighthizer, the trade representative.', '2025-10-01', []],
    ['Back in 2023, the talks were led by Robert Lighthizer, the trade representative.', '2025-10-01', ['stale-role']],
    ['In the first Trump administration, export controls were drafted by Steven Mnuchin, the treasury secretary.', '2025-10-01', []],
    ['In the Biden administration, export controls were drafted by Steven Mnuchin, the treasury secretary.', '2025-10-01', ['stale-role']],
  ],
  '3. events name the post held at the event': [
    ['Trump fired National Security Adviser Mike Waltz.', '2025-10-01', []],
    ['Trump praised National Security Adviser Mike Waltz.', '2025-10-01', ['stale-role']],
    ['Defence Minister Wei Fenghe was replaced.', '2024-01-01', []],
    ['Defence Minister Wei Fenghe was praised.', '2024-01-01', ['stale-role']],
    ['The ouster of Foreign Minister Qin Gang shocked diplomats.', '2024-06-01', []],
    ['The speech of Foreign Minister Qin Gang shocked diplomats.', '2024-06-01', ['stale-role']],
    ['David Perdue succeeded Ambassador Nicholas Burns in Beijing.', '2025-10-01', []],
    ['David Perdue met Ambassador Nicholas Burns in Beijing.', '2025-10-01', ['stale-role']],
    ['Mike Waltz resigned as national security adviser.', '2025-10-01', []],
    ['Mike Waltz served as national security adviser, then moved to New York.', '2025-10-01', []],
    ['Mike Waltz is national security adviser.', '2025-10-01', ['stale-role']],
    ['David Perdue was named ambassador to China.', '2025-10-01', []],
    ['Mike Waltz, the national security adviser, was fired.', '2025-10-01', []],
    ['Mike Waltz, the national security adviser, was in Tokyo.', '2025-10-01', ['stale-role']],
    ['Li Xi, party secretary of Guangdong, moved to the discipline commission.', '2022-11-20', []],
    ['Li Xi, party secretary of Guangdong, spoke to the discipline commission.', '2022-11-20', ['stale-role']],
    ['State Councillor Qin Gang was also removed.', '2023-11-16', []],
    ['State Councillor Qin Gang was also present.', '2023-11-16', ['stale-role']],
    ['Qin, China\'s ambassador to the United States until last week, spoke.\n\nQin Gang spoke again.', '2023-01-10', []],
  ],
  '4. posts given as verbs': [
    ['Janet Yellen, who heads the Treasury, flew in.', '2025-10-01', ['stale-role']],
    ['Janet Yellen, who heads the Treasury, flew in.', '2023-07-01', []],
    ['Janet Yellen, who headed the Treasury, flew in.', '2025-10-01', []],
    ['Liu Jianchao, who leads the International Department, met them.', '2025-10-20', ['stale-role']],
    ['Liu Jianchao, who led the International Department, met them.', '2025-10-20', []],
    ['Janet Yellen chairs the Federal Reserve.', '2019-01-01', ['stale-role']],
    ['Janet Yellen chaired the Federal Reserve.', '2019-01-01', []],
  ],
  '5. present perfect is current': [
    ['Wang Yi has served as foreign minister since 2023.', '2025-10-01', []],
    ['Qin Gang has served as foreign minister since 2022.', '2025-10-01', ['stale-role']],
    ['Qin Gang has been serving as foreign minister.', '2025-10-01', ['stale-role']],
    ['Qin Gang, who serves as foreign minister, spoke.', '2025-10-01', ['stale-role']],
    ['Qin Gang served as foreign minister.', '2025-10-01', []],
  ],
  '6. name forms': [
    ['Antony J. Blinken, the secretary of state, spoke.', '2025-10-01', ['stale-role']],
    ['Antony J. Blinken, the secretary of state, spoke.', '2023-10-01', []],
    ['Gina M. Raimondo, the commerce secretary, spoke.', '2025-10-01', ['stale-role']],
    ['Robert E. Lighthizer Jr., the trade representative, spoke.', '2025-10-01', ['stale-role']],
    ['Robert E. Lighthizer Jr., the former trade representative, spoke.', '2025-10-01', []],
    ['Defence Minister Admiral Dong Jun met Hegseth.', '2022-06-01', ['not-yet-in-role']],
    ['Defence Minister Admiral Dong Jun met Hegseth.', '2025-06-01', []],
    ['Foreign Minister Mr Qin spoke.', '2025-06-01', ['stale-role']],
    ['Foreign Minister Mr Wang spoke.', '2025-06-01', []],
    ['Secretary Raimondo spoke.', '2025-06-01', ['stale-role']],
    ['Secretary Raimondo spoke.', '2023-06-01', []],
    ['Ambassador Burns spoke in Beijing.', '2025-06-01', ['stale-role']],
    ['Ambassador Burns spoke in Beijing.', '2023-06-01', []],
    ['Senator Rubio spoke.', '2025-06-01', ['stale-role']],
    ['Senator Rubio spoke.', '2024-06-01', []],
    ['Premier Li spoke.', '2025-06-01', []],
    ['Mr. Blinken, the secretary of state, spoke.', '2025-06-01', ['stale-role']],
    ['Mr. Blinken, the former secretary of state, spoke.', '2025-06-01', []],
    ['Defense Minister Gen. Li Shangfu spoke.', '2024-06-01', ['stale-role']],
    ['Defense Minister Gen. Li Shangfu spoke.', '2023-06-01', []],
    ['Sen. Rubio spoke.', '2025-06-01', ['stale-role']],
    ['Sen. Rubio spoke.', '2024-06-01', []],
  ],
  '7. surname-only references': [
    ['Lloyd Austin flew in on Monday.\n\nAustin, the defence secretary, met Dong Jun.', '2025-10-01', ['stale-role']],
    ['Lloyd Austin flew in on Monday.\n\nAustin, the defence secretary, met Dong Jun.', '2023-10-01', []],
    ['Austin, the defence secretary, met Dong Jun.', '2025-10-01', []],
    ['Mike Waltz and Marco Rubio spoke.\n\nWaltz, the national security adviser, left.', '2025-10-01', ['stale-role']],
    ['Mike Waltz and Marco Rubio spoke.\n\nWaltz, the former national security adviser, left.', '2025-10-01', []],
    ['Qin Gang spoke.\n\nQin, the foreign minister, left.', '2025-10-01', ['stale-role']],
    ['Qin Gang spoke, then Qin Yong spoke.\n\nQin, the foreign minister, left.', '2025-10-01', []],
    ['Wang Yi met Wang Wentao.\n\nWang, the commerce minister, spoke.', '2025-10-01', []],
    // Several people with the surname named in the paragraph: the bare surname is ambiguous.
    ['Li Qiang, Li Xi and Li Chenggang were there. Li, the defence minister, was not.', '2025-10-01', []],
    ['Li Shangfu was there. Li, the defence minister, was not.', '2025-10-01', ['stale-role']],
    // A bare surname is never "never held": it may mean someone the datasets do not have.
    ['Li Qiang was there. Li, the defence minister, was not.', '2025-10-01', []],
    // A one-word alias that is also other people's surname ("Li") is a bare surname.
    ['Li Chenggang arrived.\n\nLi, China\'s envoy to the WTO, spoke.', '2025-10-26', ['stale-role']],
    ['Li, China\'s envoy to the WTO, spoke.', '2025-10-26', []],
  ],
  '8. compound titles and lists': [
    ['Politburo member and Vice-Premier He Lifeng arrived.', '2025-10-01', []],
    ['Politburo member and Vice-Premier Liu He arrived.', '2025-10-01', ['stale-role', 'stale-role']],
    ['Rubio, Bessent and Lutnick, the secretaries of state, treasury and commerce, met.', '2025-10-01', []],
    ['Blinken, Yellen and Raimondo, the secretaries of state, treasury and commerce, met.', '2025-10-01', ['stale-role', 'stale-role', 'stale-role']],
    ['Secretaries Blinken and Austin flew to Tokyo.', '2025-10-01', ['stale-role', 'stale-role']],
    ['Secretaries Blinken and Austin flew to Tokyo.', '2023-10-01', []],
    ['Scott Bessent, Jamieson Greer and Howard Lutnick, the secretaries of treasury and commerce and the trade representative, met.', '2025-11-01', ['never-held-role', 'never-held-role']],
    ['Scott Bessent, Howard Lutnick and Jamieson Greer, the secretaries of treasury and commerce and the trade representative, met.', '2025-11-01', []],
    ['Liu He, the vice-premier and a Politburo member, spoke.', '2025-10-01', ['stale-role', 'stale-role']],
    ['Liu He, the vice-premier and a Politburo member, spoke.', '2021-10-01', []],
  ],
  '9. qualifiers do not break a claim': [
    ["Xi's vice-premier in charge of trade, Liu He, arrived.", '2025-10-01', ['stale-role']],
    ['Liu He, the vice-premier in charge of trade, arrived.', '2025-10-01', ['stale-role']],
    ['Liu He, the vice-premier in charge of trade, arrived.', '2021-10-01', []],
    ['Wang Yi, now merely a member of the Politburo, spoke.', '2025-10-01', []],
    ['Liu He, now merely a member of the Politburo, spoke.', '2025-10-01', ['stale-role']],
    ['General Li Shangfu, the defence minister, spoke.', '2025-10-01', ['stale-role']],
    ['General Li Shangfu, the defence minister, spoke.', '2023-05-01', []],
    ["Mike Waltz, Trump's first national security adviser, spoke.", '2025-10-01', []],
    ["Mike Waltz, the country's national security adviser, spoke.", '2025-10-01', ['stale-role']],
    ['Qin Gang, as foreign minister, visited Moscow.', '2025-10-01', ['stale-role']],
    ['Qin Gang, as then foreign minister, visited Moscow.', '2025-10-01', []],
    ["Jared Kushner, the president's former senior adviser, spoke.", '2019-10-01', ['still-in-role']],
    ["Jared Kushner, the president's former senior adviser, spoke.", '2022-10-01', []],
    ['Former ambassador Nicholas Burns spoke.', '2024-10-01', ['still-in-role']],
    ['Former ambassador Nicholas Burns spoke.', '2025-10-01', []],
    ['Wei Fenghe, the state councillor for defence, spoke.', '2023-11-14', ['stale-role']],
    ['Wei Fenghe, the state councillor for defence, spoke.', '2022-11-14', []],
  ],
  '10. title vocabulary as wire copy words it': [
    ['Janet Yellen, the secretary of the Treasury, spoke.', '2025-10-01', ['stale-role']],
    ['Janet Yellen, the Treasury secretary, spoke.', '2025-10-01', ['stale-role']],
    ['Scott Bessent, the secretary of the Treasury, spoke.', '2025-10-01', []],
    ["Li Chenggang, China's envoy to the WTO, spoke.", '2025-10-01', ['stale-role']],
    ["Li Chenggang, China's envoy to the WTO, spoke.", '2023-10-01', []],
    ['Elon Musk, the DOGE chief, spoke.', '2025-10-01', ['stale-role']],
    ['Elon Musk, the DOGE chief, spoke.', '2025-03-01', []],
    ['Howard Lutnick, the U.S. commerce secretary, spoke.', '2025-10-01', []],
    ['Gina Raimondo, the U.S. commerce secretary, spoke.', '2025-10-01', ['stale-role']],
    ['Qin Gang, the PRC foreign minister, spoke.', '2025-10-01', ['stale-role']],
    // Country words before the title say whose post it is; a country none of the posts belongs to is a post the datasets lack.
    ["Katherine Tai, America's top trade negotiator, spoke.", '2025-05-12', ['stale-role']],
    ["Katherine Tai, America's top trade negotiator, spoke.", '2023-05-12', []],
    ["Li Chenggang, China's top trade negotiator, spoke.", '2025-05-12', []],
    ['Nicholas Burns, the ambassador to China, spoke.', '2025-06-01', ['stale-role']],
    ['Nicholas Burns, the ambassador to China, spoke.', '2023-06-01', []],
    // A tenure's own title may name a second post ("... and vice-minister of commerce"); a post it names after "to" is someone else's.
    ['Li Chenggang, the vice-minister of commerce, spoke.', '2025-10-01', []],
    ['Li Chenggang, the vice-minister of commerce, spoke.', '2024-10-01', ['not-yet-in-role']],
    ['In 2019, USTR Jamieson Greer flew to Beijing.', '2025-10-01', ['not-yet-in-role']],
    ['In 2025, USTR Jamieson Greer flew to Beijing.', '2025-10-01', []],
    // Between two posts with the same head, the nearer one is meant.
    ['The delegation included Ambassador Xie Feng.', '2021-10-06', ['not-yet-in-role']],
    ['In 2019, the delegation included Ambassador Xie Feng.', '2025-10-06', ['not-yet-in-role']],
    ['The delegation included Ambassador Xie Feng.', '2024-10-06', []],
    // Bodies: "who heads USTR", "who heads the defence ministry".
    ['Robert Lighthizer, who heads USTR, spoke.', '2021-02-01', ['stale-role']],
    ['Robert Lighthizer, who heads USTR, spoke.', '2019-02-01', []],
    ['Li Shangfu, who heads the defence ministry, spoke.', '2024-10-23', ['stale-role']],
    ['Li Shangfu, who heads the defence ministry, spoke.', '2023-05-23', []],
    ['Wang Yi directs the foreign-affairs commission office.', '2023-03-01', []],
    ['Marco Rubio spoke.\n\nRubio, who also runs USAID, was blamed.', '2025-11-01', ['stale-role']],
    ['Marco Rubio spoke.\n\nRubio, who also runs USAID, was blamed.', '2025-04-01', []],
    ['Elon Musk, who leads the new Department of Government Efficiency, spoke.', '2024-11-12', ['not-yet-in-role']],
    ['Elon Musk, who leads the new Department of Government Efficiency, spoke.', '2025-03-12', []],
    ['Katherine Tai, who as U.S. trade representative continues the review, spoke.', '2025-11-01', ['stale-role']],
    ['Katherine Tai, who as U.S. trade representative continues the review, spoke.', '2023-11-01', []],
    ['The fleet was led by Navy Commander Dong Jun.', '2025-11-01', ['stale-role']],
    ['The fleet was led by Navy Commander Dong Jun.', '2022-11-01', []],
    ['Assistant Minister Li Chenggang spoke.', '2025-11-01', ['stale-role']],
    ['Assistant Minister Li Chenggang spoke.', '2019-11-01', []],
    // A title written with another noun for the same country: "to the PRC" for "to China".
    ['| Name | Post |\n|---|---|\n| Nicholas Burns | U.S. Ambassador to the PRC |', '2025-11-01', ['stale-role']],
    ['| Name | Post |\n|---|---|\n| Nicholas Burns | U.S. Ambassador to the PRC |', '2023-11-01', []],
    // A post that is a kind of another: an executive vice-premier is a vice-premier.
    ['Vice-Premier Han Zheng spoke.', '2023-06-20', ['stale-role']],
    ['Vice-Premier Han Zheng spoke.', '2020-06-20', []],
    // Full legal names with an initial: "Michael R. Pompeo".
    ['Michael R. Pompeo, the secretary of state, spoke.', '2021-02-01', ['stale-role']],
    ['Michael R. Pompeo, the secretary of state, spoke.', '2020-02-01', []],
  ],
  '12. tables of names and posts': [
    ['| Name | Post |\n|---|---|\n| Elon Musk | head of the Department of Government Efficiency |\n| Wang Yi | foreign minister; CFAC office director |', '2025-11-01', ['stale-role']],
    ['| Name | Post |\n|---|---|\n| Elon Musk | head of the Department of Government Efficiency |', '2025-03-01', []],
    ['| Name | Former post |\n|---|---|\n| Elon Musk | head of the Department of Government Efficiency |', '2025-11-01', []],
    ['| Name | Post |\n|---|---|\n| Ding Xuexiang | premier |', '2025-11-01', ['never-held-role']],
  ],
  '11. quiet stays quiet': [
    ['"Qin Gang, the foreign minister, is a friend," he said.', '2025-10-01', []],
    ['Use `Qin Gang, foreign minister` as an example.', '2025-10-01', []],
    ['<!-- Qin Gang, foreign minister --> was noted.', '2025-10-01', []],
    ['Qin Gang, then foreign minister, spoke.', '2025-10-01', []],
    ['Qin Gang, the foreign minister at the time, spoke.', '2025-10-01', []],
    ['Mr Wang, the foreign minister, spoke.', '2025-10-01', []],
    ['Nominee Mike Waltz, the UN ambassador-designate, spoke.', '2025-06-01', []],
    ['Vice-Premier Liu spoke.', '2025-10-01', []],
  ],
};

describe('claim classes: a positive case and a quiet twin for every rule', () => {
  const { kb } = builtinKnowledge();
  for (const [name, cases] of Object.entries(classes)) {
    describe(name, () => {
      for (const [memo, date, expected] of cases) {
        it(`${expected.length ? expected.join(', ') : 'quiet'} @ ${date}: ${memo.replace(/\n+/g, ' / ')}`, () => {
          const { date: asOf } = memoDate(memo, { today: partialDate(date) });
          const codes = checkMemo(kb, memo, { date: asOf }).map((finding) => finding.code);
          assert.deepEqual(codes, expected);
        });
      }
    });
  }

  it('has a quiet case for every class', () => {
    for (const [name, cases] of Object.entries(classes)) {
      assert.ok(cases.some(([, , expected]) => expected.length === 0), `${name} has no quiet case`);
      assert.ok(cases.some(([, , expected]) => expected.length > 0) || name.startsWith('11.'), `${name} has no positive case`);
    }
  });
});
