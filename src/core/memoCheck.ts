/**
 * Checking a whole memo, paragraph by paragraph, so that a re-check after an edit costs what the
 * edit touched.
 *
 * A memo is split at blank lines. Sentences, quotations and the times a sentence names never cross
 * one, so each paragraph is judged on its own words (checkParagraph), plus one thing carried from
 * the paragraphs before it: which person each bare surname refers to ("Austin" after "Lloyd
 * Austin"). A MemoChecker keeps the paragraphs of its last completed check; the next check reuses
 * the unchanged ones before and after the edit, and re-judges one of those only when a surname it
 * looked up now refers to someone else. What is reused is exactly what judging again would give,
 * so an edited memo converges to the findings of a fresh check (`checkMemo`).
 *
 * A check is a run of steps, one paragraph each, so the editor can spread a long memo over several
 * turns of its event loop and drop a run that a newer edit made useless. The core never reads the
 * clock: how many steps fit in a turn is the caller's choice.
 */
import { checkParagraph, horizonNotice, HORIZON_CODE, shiftVerdict, type CheckOptions, type ClaimVerdict, type Finding } from './claimChecker';
import type { SurnameContext } from './claimFinder';
import { formatPartialDate } from './dates';
import type { KnowledgeBase } from './knowledgeBase';
import { isDisabled, proseView, type DisabledRange } from './markdownRegions';
import { findDateline } from './memoDate';

/** A blank line, or several: where one paragraph ends and the next begins. */
const PARAGRAPH_BREAK = /\n(?:[ \t]*\r?\n)+/g;

interface CheckedParagraph {
  readonly text: string;
  readonly prose: string;
  readonly start: number;
  /** Where the memo's dateline ends relative to the paragraph (0 when it ends before it). */
  readonly datelineEnd: number;
  /** The surnames carried in that the paragraph looked up, with what they referred to. */
  readonly read: ReadonlyMap<string, string | null | undefined>;
  /** What the surnames the paragraph named refer to at its end. */
  readonly named: ReadonlyMap<string, string | null>;
  /** In the memo's offsets as of `start`. */
  readonly verdicts: readonly ClaimVerdict[];
}

interface CompletedCheck {
  readonly kb: KnowledgeBase;
  readonly date: string;
  readonly paragraphs: readonly CheckedParagraph[];
}

/** How much of a check was judged afresh and how much reused. */
export interface CheckStats {
  readonly paragraphs: number;
  readonly judged: number;
  readonly reused: number;
}

/**
 * A copy of `slice` that does not hold on to the string it was cut from. A slice of a JavaScript
 * string may keep the whole original alive (V8 makes long slices point into it), and so may every
 * message built from words of the paragraph. A paragraph kept across edits would then keep each
 * version of a long memo it was judged in: 2 MiB an edit for a 1 MiB memo. A JSON round trip
 * always builds new strings, and gives back exactly the text, lone surrogates included.
 */
function detached(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}

/** One memo's checker: it remembers its last completed check to reuse unchanged paragraphs. */
export class MemoChecker {
  private last: CompletedCheck | undefined;

  /** Starts a check of the memo as it is now; call `step` until it returns true. */
  begin(kb: KnowledgeBase, text: string, options: CheckOptions): CheckRun {
    const date = formatPartialDate(options.date);
    const previous = this.last && this.last.kb === kb && this.last.date === date ? this.last.paragraphs : [];
    return new CheckRun(kb, text, options, previous, (paragraphs) => (this.last = { kb, date, paragraphs }));
  }

  /** Checks the memo in one go. */
  check(kb: KnowledgeBase, text: string, options: CheckOptions): Finding[] {
    const run = this.begin(kb, text, options);
    while (!run.step());
    return run.findings;
  }
}

/** Every finding in a memo, judged afresh. */
export function checkMemo(kb: KnowledgeBase, text: string, options: CheckOptions): Finding[] {
  return new MemoChecker().check(kb, text, options);
}

/** A check in progress. Nothing is kept by its MemoChecker until it completes. */
export class CheckRun {
  private readonly prose: string;
  private readonly disabled: readonly DisabledRange[];
  private readonly datelineEnd: number;
  /** [start, end) of each paragraph. */
  private readonly bounds: Array<readonly [number, number]> = [];
  /** Per paragraph index, the paragraph of the last check with the same text there, if any. */
  private readonly candidates = new Map<number, CheckedParagraph>();
  private readonly carried = new Map<string, string | null>();
  private readonly done: CheckedParagraph[] = [];
  private judged = 0;
  private result: Finding[] | undefined;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly text: string,
    private readonly options: CheckOptions,
    previous: readonly CheckedParagraph[],
    private readonly complete: (paragraphs: readonly CheckedParagraph[]) => void,
  ) {
    const view = proseView(text);
    this.prose = view.prose;
    this.disabled = view.disabled;
    this.datelineEnd = findDateline(text)?.end ?? 0;
    let start = 0;
    PARAGRAPH_BREAK.lastIndex = 0;
    for (let match = PARAGRAPH_BREAK.exec(this.prose); match; match = PARAGRAPH_BREAK.exec(this.prose)) {
      this.bounds.push([start, match.index]);
      start = match.index + match[0].length;
    }
    this.bounds.push([start, this.prose.length]);
    this.matchPrevious(previous);
  }

  /**
   * The paragraphs of the last check that may be reused: the longest run unchanged from the start,
   * the longest from the end (which an edit in between has only moved), and, between them, any
   * paragraph of the last check with the same text (several edits made far apart before a check
   * ran). Each paragraph of the last check is used once at most.
   */
  private matchPrevious(previous: readonly CheckedParagraph[]) {
    const textOf = (index: number) => this.text.slice(this.bounds[index]![0], this.bounds[index]![1]);
    const proseOf = (index: number) => this.prose.slice(this.bounds[index]![0], this.bounds[index]![1]);
    const same = (index: number, old: CheckedParagraph) => {
      const [start, end] = this.bounds[index]!;
      return end - start === old.text.length && textOf(index) === old.text && proseOf(index) === old.prose;
    };
    let head = 0;
    while (head < previous.length && head < this.bounds.length && same(head, previous[head]!)) {
      this.candidates.set(head, previous[head]!);
      head++;
    }
    let tail = 0;
    while (tail < previous.length - head && tail < this.bounds.length - head && same(this.bounds.length - 1 - tail, previous[previous.length - 1 - tail]!)) {
      this.candidates.set(this.bounds.length - 1 - tail, previous[previous.length - 1 - tail]!);
      tail++;
    }
    const unused = new Map<string, CheckedParagraph[]>();
    for (let index = head; index < previous.length - tail; index++) {
      const old = previous[index]!;
      const list = unused.get(old.text);
      if (list) list.push(old);
      else unused.set(old.text, [old]);
    }
    if (unused.size === 0) return;
    for (let index = head; index < this.bounds.length - tail; index++) {
      const list = unused.get(textOf(index));
      const at = list?.findIndex((old) => old.prose === proseOf(index)) ?? -1;
      if (at === -1) continue;
      this.candidates.set(index, list![at]!);
      list!.splice(at, 1);
    }
  }

  /** Judges (or reuses) the next paragraph; true once the memo is done. */
  step(): boolean {
    if (this.result) return true;
    const index = this.done.length;
    if (index < this.bounds.length) {
      const paragraph = this.reuse(index) ?? this.judge(index);
      for (const [key, actorId] of paragraph.named) this.carried.set(key, actorId);
      this.done.push(paragraph);
      if (index + 1 < this.bounds.length) return false;
    }
    this.result = this.assemble();
    this.complete(this.done);
    return true;
  }

  /** The findings, once `step` has returned true. */
  get findings(): Finding[] {
    if (!this.result) throw new Error('The check has not finished: call step() until it returns true.');
    return this.result;
  }

  /** How much was judged afresh and how much reused so far. */
  get stats(): CheckStats {
    return { paragraphs: this.bounds.length, judged: this.judged, reused: this.done.length - this.judged };
  }

  private localDatelineEnd(start: number): number {
    return Math.max(0, this.datelineEnd - start);
  }

  /** The same paragraph from the last check, moved to where it is now, if what it read is unchanged. */
  private reuse(index: number): CheckedParagraph | undefined {
    const old = this.candidates.get(index);
    const start = this.bounds[index]![0];
    if (!old || old.datelineEnd !== this.localDatelineEnd(start)) return undefined;
    for (const [key, actorId] of old.read) if (this.carried.get(key) !== actorId) return undefined;
    const by = start - old.start;
    return by === 0 ? old : { ...old, start, verdicts: old.verdicts.map((verdict) => shiftVerdict(verdict, by)) };
  }

  private judge(index: number): CheckedParagraph {
    this.judged++;
    const [start, end] = this.bounds[index]!;
    const surnames: SurnameContext = { carried: this.carried, read: new Map(), named: new Map() };
    const text = detached(this.text.slice(start, end));
    const proseSlice = this.prose.slice(start, end);
    const paragraph = { text, prose: proseSlice === text ? text : detached(proseSlice), start };
    const verdicts = checkParagraph(this.kb, paragraph, { date: this.options.date, datelineEnd: this.datelineEnd, surnames });
    return { ...paragraph, datelineEnd: this.localDatelineEnd(start), read: surnames.read, named: surnames.named, verdicts };
  }

  /** The memo's findings: every verdict not switched off, and the data-horizon notice first. */
  private assemble(): Finding[] {
    const findings: Finding[] = [];
    const unjudged: ClaimVerdict[] = [];
    for (const paragraph of this.done) {
      for (const verdict of paragraph.verdicts) {
        const { finding } = verdict;
        if (finding) {
          if (!isDisabled(this.disabled, finding.start, finding.code)) findings.push(finding);
        } else if (!isDisabled(this.disabled, verdict.span.start, HORIZON_CODE)) unjudged.push(verdict);
      }
    }
    const notice = horizonNotice(this.text, this.options, unjudged);
    return notice ? [notice, ...findings] : findings;
  }
}
