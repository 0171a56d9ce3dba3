/**
 * fast-check properties over the parts of the core that read untrusted text: the claim finder and
 * checker, the dataset loader, the front-matter edit and the memo-date parser. The unit suite runs
 * each a bounded number of times (test/unit/properties.test.ts); `npm run fuzz` runs them long
 * (test/fuzz/run.ts) and prints the seed of any failure so that it can be replayed.
 *
 * The properties: nothing throws; every range lies inside the document; applying a quick fix
 * then checking again never reports the same claim (same code, actor and post, at the same place);
 * and a memo checked again after edits, reusing its unchanged paragraphs, gets exactly the findings
 * of a fresh check.
 */
import fc from 'fast-check';
import type { Finding, TextEdit } from '../../src/core/claimChecker';
import { checkMemo, MemoChecker } from '../../src/core/memoCheck';
import { findClaims } from '../../src/core/claimFinder';
import { parseDatasetText } from '../../src/core/datasetLoader';
import { loadKnowledge } from '../../src/core/datasets';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../../src/core/dates';
import { setAsOfEdit } from '../../src/core/frontMatterEdit';
import { findFrontMatter, memoDate } from '../../src/core/memoDate';
import { LineIndex, type Range } from '../../src/core/text';
import { builtinKnowledge } from './repo';

export interface NamedProperty {
  readonly name: string;
  readonly property: fc.IProperty<never> | fc.IProperty<unknown[]>;
}

const { kb } = builtinKnowledge();
const actorNames = [...kb.actors()].flatMap((actor) => [actor.name, ...actor.aliases]).slice(0, 400);
const roleTitles = [...kb.data.roles.values()].flatMap((role) => [role.title, ...role.aliases]);
/** Bare surnames, which refer back to people named in full earlier, in this paragraph or another. */
const surnames = [...new Set([...kb.actors()].map((actor) => actor.name.split(' ').at(-1)!))];

/** Pieces of memo text that the scanner and the claim engine treat specially. */
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...actorNames) },
  { weight: 6, arbitrary: fc.constantFrom(...roleTitles) },
  { weight: 3, arbitrary: fc.constantFrom(...surnames) },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      ', ', '. ', ' ', '\n', '\r\n', '\r', '\n\n', ' the ', ' former ', 'then-', ' ex-', ' who is ', ' who was ', ' served as ', "China's ", 'US ', '(', ')', '"', '\u201c', '\u201d',
      'Mr ', 'Ms ', 'Vice-', ' and ', 'In 2019, ', 'Under Biden, ', 'since 2023 ', '`', '``', '```\n', '~~~\n', '    ', '> ', '- ', '1. ', '# ', '<!--', '-->', ' <!-- interlocutor-disable-line -->',
      '<!-- interlocutor-disable-next-line stale-role -->\n', '<!-- interlocutor-disable -->', '<!-- interlocutor-enable -->', '[link](http://x.org/a_(b)) ', '](', '<b>', '---\n', 'as_of: 2023\n', '*', '_',
      '\u00a0', '\u200b', '\u202e', '\u001b[2J', '\ud83d', 'é', '\u2019s ',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

const memoText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));
const withFrontMatter = fc.tuple(fc.constantFrom('', '---\nas_of: 2019\n---\n', '---\nas_of: 2025-10-23\n---\n\n', '\uFEFF---\ndate: 2023-03\n---\n'), memoText).map(([head, body]) => head + body);
const date: fc.Arbitrary<PartialDate> = fc.oneof(
  fc.integer({ min: 0, max: 9999 }).map((year) => ({ year })),
  fc.record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) }),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((value) => ({ year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() })),
);

function rangeInside(range: Range, text: string): boolean {
  const lines = new LineIndex(text);
  const inside = (position: Range['start']) => position.line >= 0 && position.line < lines.lineCount && position.character >= 0 && lines.offsetAt(position) === lines.lineStart(position.line) + position.character;
  return inside(range.start) && inside(range.end);
}

function editInside(edit: TextEdit, text: string): boolean {
  return Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start <= edit.end && edit.end <= text.length;
}

/** Applies non-overlapping edits, last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** Where an offset lands after the edits: shifted past edits before it, clamped into an edit it was inside. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= offset) shift += edit.newText.length - (edit.end - edit.start);
    else if (edit.start < offset) return edit.start + shift + Math.min(offset - edit.start, edit.newText.length);
  }
  return offset + shift;
}

/** The finding, after the fix, that is the same claim: same code, actor and post, overlapping the claim's place. */
export function sameClaimAfterFix(finding: Finding, edits: readonly TextEdit[], after: readonly Finding[]): Finding | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = mapOffset(finding.start, sorted);
  const end = mapOffset(finding.end, sorted);
  return after.find((candidate) => candidate.code === finding.code && candidate.actorId === finding.actorId && candidate.roleId === finding.roleId && candidate.start < Math.max(end, start + 1) && candidate.end > start);
}

export const PROPERTIES: readonly NamedProperty[] = [
  {
    name: 'claim finder: no throw, spans inside the prose',
    property: fc.property(memoText, (prose) => {
      for (const claim of findClaims(kb, prose)) {
        if (!(0 <= claim.span.start && claim.span.start <= claim.span.end && claim.span.end <= prose.length)) throw new Error(`span ${claim.span.start}-${claim.span.end} outside ${prose.length}`);
      }
    }),
  },
  {
    name: 'claim checker: no throw, findings and fix edits inside the memo',
    property: fc.property(withFrontMatter, date, (text, on) => {
      for (const finding of checkMemo(kb, text, { date: on })) {
        if (!editInside({ start: finding.start, end: finding.end, newText: '' }, text)) throw new Error(`finding ${finding.start}-${finding.end} outside ${text.length}`);
        for (const fix of finding.fixes) for (const edit of fix.edits) if (!editInside(edit, text)) throw new Error(`fix "${fix.title}" edit ${edit.start}-${edit.end} outside ${text.length}`);
      }
    }),
  },
  {
    name: 'claim checker: a quick fix, applied, is not reported again',
    property: fc.property(withFrontMatter, date, (text, on) => {
      for (const finding of checkMemo(kb, text, { date: on })) {
        for (const fix of finding.fixes) {
          // "Open source" opens a page; it does not change the memo.
          if (fix.edits.length === 0) continue;
          const after = checkMemo(kb, applyEdits(text, fix.edits), { date: on });
          const again = sameClaimAfterFix(finding, fix.edits, after);
          if (again) throw new Error(`after "${fix.title}", ${finding.code} is reported again: ${again.message}`);
        }
      }
    }),
  },
  {
    name: 'incremental check: after any edits, reusing unchanged paragraphs gives the findings of a fresh check',
    property: fc.property(
      withFrontMatter,
      date,
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: memoText }), { minLength: 1, maxLength: 6 }),
      (text, on, edits) => {
        const checker = new MemoChecker();
        let memo = text;
        checker.check(kb, memo, { date: on });
        for (const { at, remove, insert } of edits) {
          const start = Math.floor(at * memo.length);
          memo = memo.slice(0, start) + insert + memo.slice(Math.min(memo.length, start + remove));
          const reused = JSON.stringify(checker.check(kb, memo, { date: on }));
          const fresh = JSON.stringify(checkMemo(kb, memo, { date: on }));
          if (reused !== fresh) throw new Error(`after an edit at ${start}, the re-check differs from a fresh check:\n${reused}\n${fresh}`);
        }
      },
    ),
  },
  {
    name: 'dataset loader: no throw on any JSON value, problems inside the file',
    property: fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, yaml) => {
      const text = yaml ? JSON.stringify(value, null, 1).replace(/^(\s*)"([a-z]+)":/gm, '$1$2:') : JSON.stringify(value, null, 2);
      const result = parseDatasetText(text ?? 'null', yaml ? 'data.yaml' : 'data.json');
      for (const problem of result.problems) if (!rangeInside(problem.range, text ?? 'null')) throw new Error(`problem "${problem.message}" outside the file`);
    }),
  },
  {
    name: 'dataset loader: no throw on YAML and JSON fragments, problems inside the file',
    property: fc.property(
      fc.array(fc.constantFrom('name: x\n', 'actors:\n', '  - id: a\n', '    name: A\n', '&a ', '*a', '*b', '&b [', ']', '{', '}', '[', '"', "'", ': ', '- ', '  ', '\n', '#', '!!str ', '<<: *a\n', '\uFEFF', '\t', '"name"', ',', 'null', '1e999', '\u0000', '---\n', '...\n'), { maxLength: 80 }),
      fc.boolean(),
      (parts, yaml) => {
        const text = parts.join('');
        const result = yaml ? parseDatasetText(text, 'x.yaml') : parseDatasetText(text, 'x.json');
        for (const problem of result.problems) if (!rangeInside(problem.range, text)) throw new Error(`problem "${problem.message}" outside the file`);
        loadKnowledge([{ file: 'x', text }]);
      },
    ),
  },
  {
    name: 'front-matter edit: no throw; the edit sets the date and leaves the rest alone, or nothing is written',
    property: fc.property(
      fc.array(fc.constantFrom('---\n', 'as_of: 2023\n', 'as_of:\n', 'as_of: [1, 2]\n', 'asOf: "2020"\n', 'date: 2019-01-01\n', 'title: x\n', '  - a\n', '{a: 1}\n', 'text\n', '# c\n', '|\n', '...\n', '\r\n', '\uFEFF', ': ', '&x ', '*x\n', 'as-of: 2024-02 # note\n'), { maxLength: 12 }),
      memoText,
      date,
      (head, body, on) => {
        const text = head.join('') + body;
        const result = setAsOfEdit(text, on);
        if (!result.ok) return;
        if (!editInside(result.edit, text)) throw new Error('edit outside the memo');
        const edited = applyEdits(text, [result.edit]);
        const memo = memoDate(edited, { today: { year: 2000 } });
        if (memo.source !== 'front matter' || formatPartialDate(memo.date) !== formatPartialDate(on)) throw new Error(`after the edit the memo date is ${formatPartialDate(memo.date)} (${memo.source}), not ${formatPartialDate(on)}`);
        const before = findFrontMatter(text);
        const after = findFrontMatter(edited);
        if (before && after && text.slice(before.end) !== edited.slice(after.end)) throw new Error('the memo body changed');
      },
    ),
  },
  {
    name: 'memo-date parser: no throw, ranges inside; partial dates round-trip',
    property: fc.property(withFrontMatter, fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), date, (text, setting, on) => {
      const memo = memoDate(text, { setting, today: on });
      if (memo.range && !rangeInside(memo.range, text)) throw new Error('memo date range outside the memo');
      if (memo.problem?.range && !rangeInside(memo.problem.range, text)) throw new Error('memo date problem outside the memo');
      const round = parsePartialDate(formatPartialDate(on));
      if (!round.ok || formatPartialDate(round.date) !== formatPartialDate(on)) throw new Error(`${formatPartialDate(on)} does not round-trip`);
    }),
  },
];
