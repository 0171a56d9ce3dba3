/**
 * Horizons: an open tenure is known to be held only up to its own verifiedThrough (else its
 * dataset's), and a channel's status only up to its own. Every feature asks the knowledge base the
 * same question, so cards, completion by post, the Channels view and the checker agree.
 */
import * as assert from 'node:assert/strict';
import { checkMemo } from '../../src/core/memoCheck';
import { actorCardModel, renderActorCardText } from '../../src/core/actorCard';
import { channelGroups } from '../../src/core/channelTree';
import { CompletionIndex } from '../../src/core/completion';
import { describeCoverage, printable, renderCoverageJson, renderCoverageMarkdown, renderCoverageText } from '../../src/core/dataCoverage';
import { formatPartialDate, partialDate } from '../../src/core/dates';
import { loadKnowledge } from '../../src/core/datasets';
import { DEFAULT_SEVERITY, FINDING_CODES, severityConfig } from '../../src/core/severity';
import { builtinKnowledge } from '../support/repo';

/** Two datasets: the first says 2025-10 for everything, one tenure and one channel say more. */
const base = {
  name: 'Base',
  version: '1',
  verifiedThrough: '2025-10',
  license: 'CC0',
  sources: [{ id: 'roster', title: 'Roster' }],
  roles: [
    { id: 'minister', title: 'minister', unique: true },
    { id: 'envoy', title: 'special envoy', unique: true },
  ],
  actors: [
    {
      id: 'ana',
      name: 'Ana Ruiz',
      tenures: [{ role: 'minister', start: '2020-01-01', verifiedThrough: '2026-03', sources: ['roster'] }],
    },
    {
      id: 'bo',
      name: 'Bo Lind',
      tenures: [
        { role: 'envoy', start: '2021-05', sources: ['roster'], verified: 'partial' },
        { role: 'minister', start: '2015', end: '2020-01-01', verified: false },
      ],
    },
  ],
  channels: [
    { id: 'open_line', name: 'Open line', kind: 'back-channel', endpoints: ['ana', 'bo'], start: '2021', verifiedThrough: '2026-02' },
    { id: 'quiet_line', name: 'Quiet line', kind: 'informal', endpoints: ['ana', 'bo'], start: '2019', end: '2022', endStatus: 'dormant' },
    { id: 'old_line', name: 'Old line', kind: 'official-talks', endpoints: ['ana', 'bo'], start: '2016', end: '2019', endStatus: 'closed' },
  ],
};
const extra = { name: 'Team notes', actors: [{ id: 'cy', name: 'Cy Park', tenures: [{ role: 'envoy', start: '2010', end: '2021-05' }] }] };

function load(...datasets: unknown[]) {
  const loaded = loadKnowledge(datasets.map((dataset, index) => ({ file: `/data/${index}.json`, text: JSON.stringify(dataset) })));
  assert.deepEqual(loaded.problems.map((problem) => problem.message), []);
  return loaded.kb;
}

describe('horizons: whether a post is known to be held on a date', () => {
  const kb = load(base, extra);
  const ana = kb.actor('ana')!;
  const bo = kb.actor('bo')!;
  const state = (actorId: string, index: number, date: string) => {
    const actor = kb.actor(actorId)!;
    return kb.tenureOnDate(actor, actor.tenures[index]!, partialDate(date));
  };

  it("takes a tenure's own verifiedThrough first, then its dataset's, and none for a tenure that ended", () => {
    assert.equal(formatPartialDate(kb.horizonOf(ana.tenures[0]!)!), '2026-03');
    assert.equal(formatPartialDate(kb.horizonOf(bo.tenures[0]!)!), '2025-10');
    assert.equal(kb.horizonOf(bo.tenures[1]!), undefined);
    // A dataset without verifiedThrough vouches for its open tenures without limit.
    const unbounded = load({ name: 'No horizon', roles: [{ id: 'r', title: 'role' }], actors: [{ id: 'x', name: 'X', tenures: [{ role: 'r', start: '2000' }] }] });
    assert.equal(unbounded.horizonOf(unbounded.actor('x')!.tenures[0]!), undefined);
    assert.equal(unbounded.tenureOnDate(unbounded.actor('x')!, unbounded.actor('x')!.tenures[0]!, partialDate('2090')).state, 'current');
  });

  // [actor, tenure index, date, state, past the horizon]
  const cases: Array<[string, number, string, string, boolean]> = [
    ['ana', 0, '2026-03-31', 'current', false],
    ['ana', 0, '2026-03', 'current', false],
    ['ana', 0, '2026-04-01', 'unknown', true],
    ['ana', 0, '2027', 'unknown', true],
    ['bo', 0, '2025-10-31', 'current', false],
    ['bo', 0, '2025-11-01', 'unknown', true],
    ['bo', 1, '2030-01-01', 'former', false],
    ['ana', 0, '2019-06-01', 'future', false],
  ];
  for (const [actorId, index, date, expected, past] of cases) {
    it(`${actorId}'s tenure ${index} is ${expected} on ${date}${past ? ', past its horizon' : ''}`, () => {
      const entry = state(actorId, index, date);
      assert.equal(entry.state, expected);
      assert.equal(entry.pastHorizon, past);
    });
  }

  it('counts the open tenures past their horizon on a date', () => {
    assert.deepEqual(kb.openTenuresOn(partialDate('2025-10-01')), { open: 2, pastHorizon: 0 });
    assert.deepEqual(kb.openTenuresOn(partialDate('2026-01-01')), { open: 2, pastHorizon: 1 });
    assert.deepEqual(kb.openTenuresOn(partialDate('2026-12-01')), { open: 2, pastHorizon: 2 });
  });

  it('answers the same through tenuresOn, holdersOn and currentPosts', () => {
    const after = partialDate('2026-04-01');
    assert.equal(kb.tenuresOn('ana', after)[0]?.state, 'unknown');
    assert.deepEqual(
      kb.holdersOn('minister', after).map((entry) => [entry.actor.id, entry.holds]),
      [['ana', 'unknown']],
    );
    assert.deepEqual(kb.currentPosts('ana', after), []);
    assert.deepEqual(kb.currentPosts('ana', partialDate('2026-03-01')).map((entry) => entry.tenure.role), ['minister']);
  });

  // [channel, date, state]
  const channelCases: Array<[string, string, string]> = [
    ['open_line', '2026-02-28', 'active'],
    ['open_line', '2026-03-01', 'unknown'],
    ['quiet_line', '2025-10-31', 'dormant'],
    // A dormant channel may have woken up or closed after its horizon (the dataset's 2025-10).
    ['quiet_line', '2025-11-01', 'unknown'],
    // Closed is final: no horizon.
    ['old_line', '2030-01-01', 'closed'],
  ];
  for (const [channelId, date, expected] of channelCases) {
    it(`channel ${channelId} is ${expected} on ${date}`, () => assert.equal(kb.channelState(kb.channel(channelId)!, partialDate(date)), expected));
  }

  it('gives a closed channel no horizon, and others their own or the dataset value', () => {
    assert.equal(kb.channelHorizon(kb.channel('old_line')!), undefined);
    assert.equal(formatPartialDate(kb.channelHorizon(kb.channel('open_line')!)!), '2026-02');
    assert.equal(formatPartialDate(kb.channelHorizon(kb.channel('quiet_line')!)!), '2025-10');
  });

  it('rejects a verifiedThrough on a tenure that ended, or on a closed channel', () => {
    const loaded = loadKnowledge([
      {
        file: '/data/bad.json',
        text: JSON.stringify({
          name: 'Bad',
          roles: [{ id: 'r', title: 'role' }],
          actors: [{ id: 'x', name: 'X', tenures: [{ role: 'r', start: '2000', end: '2001', verifiedThrough: '2001' }] }, { id: 'y', name: 'Y' }],
          channels: [{ id: 'c', name: 'C', kind: 'informal', endpoints: ['x', 'y'], end: '2001', verifiedThrough: '2002' }],
        }),
      },
    ]);
    assert.deepEqual(
      loaded.problems.map((problem) => problem.message),
      [
        'actors[0].tenures[0].verifiedThrough: verifiedThrough applies only to an open tenure; this one ended on 2001',
        'channels[0].verifiedThrough: verifiedThrough applies only to an active or dormant channel; a closed channel is final',
      ],
    );
  });
});

describe('horizons in the features', () => {
  const kb = load(base, extra);

  it('cards say "checked to" before the horizon and "not verified after" past it, and mark partial and unverified facts', () => {
    const before = renderActorCardText(kb, 'ana', partialDate('2026-01-01'))!;
    assert.match(before, /As of 2026-01-01: minister \(since 2020-01-01, checked to 2026-03\)/);
    const after = renderActorCardText(kb, 'ana', partialDate('2026-12-01'))!;
    assert.match(after, /no current post in the datasets/);
    assert.match(after, /Not known on this date: minister \(since 2020-01-01, not verified after 2026-03\)/);
    const bo = renderActorCardText(kb, 'bo', partialDate('2025-06-01'))!;
    assert.match(bo, /special envoy \(since 2021-05, checked to 2025-10, partly verified\)/);
    assert.match(bo, /minister \(2015 to 2020-01-01, unverified\)/);
    const february = renderActorCardText(kb, 'ana', partialDate('2026-02-01'))!;
    assert.match(february, /Open line · back channel · active/);
    assert.match(february, /Quiet line · informal · status not verified after 2025-10/);
    assert.match(february, /Old line · official talks · closed/);
    assert.match(renderActorCardText(kb, 'ana', partialDate('2026-03-01'))!, /Open line · back channel · status not verified after 2026-02/);
  });

  it('completion by post offers a holder only up to the tenure\'s horizon', () => {
    const index = new CompletionIndex(kb);
    const offered = (date: string) => index.complete('minis', partialDate(date)).filter((candidate) => candidate.how === 'post').map((candidate) => candidate.name);
    assert.deepEqual(offered('2026-03-15'), ['Ana Ruiz']);
    assert.deepEqual(offered('2026-04-01'), []);
  });

  it('the Channels view puts a channel past its horizon under "Status unclear" and says why', () => {
    const groups = channelGroups(kb, partialDate('2026-03-01'));
    const unclear = groups.find((group) => group.id === 'unknown');
    const node = unclear?.channels.find((entry) => entry.channel.id === 'quiet_line');
    assert.ok(node, JSON.stringify(groups.map((group) => group.id)));
    assert.match(node.description, /status not verified after 2025-10$/);
    assert.equal(groups.find((group) => group.id === 'active'), undefined);
    const february = channelGroups(kb, partialDate('2026-02-01'));
    assert.deepEqual(february.find((group) => group.id === 'active')?.channels.map((entry) => [entry.channel.id, entry.description]), [['open_line', 'back channel · since 2021']]);
  });
});

describe('horizons in the built-in data', () => {
  const { kb } = builtinKnowledge();
  const wangYi = kb.actor('wang_yi')!;
  const foreignMinistry = wangYi.tenures.find((tenure) => tenure.role === 'cn.foreign_minister' && !tenure.end)!;

  it("Wang Yi's second foreign-ministry tenure is checked to 2026-03, later than the dataset's 2026-01", () => {
    assert.equal(formatPartialDate(kb.horizonOf(foreignMinistry)!), '2026-03');
    assert.equal(kb.tenureOnDate(wangYi, foreignMinistry, partialDate('2026-03-01')).state, 'current');
    assert.equal(kb.tenureOnDate(wangYi, foreignMinistry, partialDate('2027-01-01')).state, 'unknown');
  });

  it('completion by post: "foreign min" offers Wang Yi in March 2026 but nobody in 2027', () => {
    const index = new CompletionIndex(kb);
    const names = (date: string) => index.complete('foreign min', partialDate(date)).map((candidate) => candidate.name);
    assert.equal(names('2026-03-01')[0], 'Wang Yi');
    assert.deepEqual(names('2027-01-01'), []);
  });

  it('the Rubio-Wang Yi channel is active in February 2026 and unknown after its horizon', () => {
    const channel = kb.channel('rubio_wang_yi')!;
    assert.equal(kb.channelState(channel, partialDate('2026-02-15')), 'active');
    assert.equal(kb.channelState(channel, partialDate('2026-03-01')), 'unknown');
  });

  it('the card model lists only events up to the date', () => {
    const model = actorCardModel(kb, 'wang_yi', partialDate('2026-03-01'), { eventLimit: 100 })!;
    assert.ok(model.events.every((event) => event.date <= '2026-03-01'));
    assert.ok(model.events.some((event) => event.date === '2026-02-13'));
  });
});

describe('data coverage', () => {
  const kb = load(base, extra);
  const coverage = kb.coverage();

  it('describes each loaded dataset: counts, horizons, licence and unverified tenures', () => {
    assert.deepEqual(
      coverage.datasets.map((entry) => ({
        name: entry.name,
        verifiedThrough: entry.verifiedThrough,
        counts: entry.counts,
        tenureHorizons: entry.tenureHorizons,
        onDefault: entry.openTenuresOnDefaultHorizon,
        channelHorizons: entry.channelHorizons,
        unverified: entry.unverifiedTenures,
        partial: entry.partlyVerifiedTenures,
        noSource: entry.tenuresWithoutSources,
        license: entry.license,
      })),
      [
        {
          name: 'Base',
          verifiedThrough: '2025-10',
          counts: { posts: 2, actors: 2, tenures: 3, openTenures: 2, channels: 3, events: 0, sources: 1 },
          tenureHorizons: { count: 1, earliest: '2026-03', latest: '2026-03' },
          onDefault: 1,
          channelHorizons: { count: 1, earliest: '2026-02', latest: '2026-02' },
          unverified: 1,
          partial: 1,
          noSource: 1,
          license: 'CC0',
        },
        {
          name: 'Team notes',
          verifiedThrough: undefined,
          counts: { posts: 0, actors: 1, tenures: 1, openTenures: 0, channels: 0, events: 0, sources: 0 },
          tenureHorizons: { count: 0 },
          onDefault: 0,
          channelHorizons: { count: 0 },
          unverified: 0,
          partial: 0,
          noSource: 1,
          license: undefined,
        },
      ],
    );
  });

  it('orders partial dates by the last day they cover', () => {
    const spread = describeCoverage([
      {
        file: 'x',
        dataset: {
          name: 'X',
          sources: [],
          roles: [],
          channels: [],
          actors: ['2026', '2026-03', '2025-12-31'].map((verifiedThrough, index) => ({
            id: `a${index}`,
            name: `A${index}`,
            aliases: [],
            kind: 'person' as const,
            events: [],
            sources: [],
            tenures: [{ role: 'r', acting: false, verified: true, sources: [], verifiedThrough }],
          })),
        },
      },
    ]).datasets[0]!.tenureHorizons;
    assert.deepEqual(spread, { count: 3, earliest: '2025-12-31', latest: '2026' });
  });

  it('renders text, JSON and Markdown with data text made harmless', () => {
    const hostile = load({ ...base, name: 'Evil\u001b[2J\u202e name', license: '**bold** <b>x</b>' });
    const text = renderCoverageText(hostile.coverage());
    assert.ok(!text.includes('\u001b') && !text.includes('\u202e'), text);
    assert.match(text, /^Evil\\u001b\[2J\\u202e name 1$/m);
    assert.match(text, /verified through: 2025-10/);
    assert.match(text, /open tenures checked to: 2026-03 \(1 open tenures with their own date\); 1 on the dataset's date/);
    assert.match(text, /verification: 1 tenures unverified/);
    const json = renderCoverageJson(hostile.coverage());
    assert.ok(!json.includes('\u001b') && !json.includes('\u202e'), json);
    assert.equal(JSON.parse(json).datasets[0].name, 'Evil\u001b[2J\u202e name');
    const markdown = renderCoverageMarkdown(hostile.coverage(), { text: '2026-12-01', label: 'front matter as_of', openTenures: hostile.openTenuresOn(partialDate('2026-12-01')) });
    assert.match(markdown, /On that date 2 of 2 open tenures are past their horizon\\\./);
    assert.ok(!markdown.includes('\u001b') && !markdown.includes('\u202e'), markdown);
    assert.doesNotMatch(markdown, /<b>|\*\*bold\*\*/);
    assert.match(markdown, /dated 2026\\-12\\-01/);
    assert.equal(printable('a\u0085b'), 'a\\u0085b');
  });
});

describe('the data-horizon code', () => {
  it('is listed with the other codes and defaults to information', () => {
    assert.ok(FINDING_CODES.includes('data-horizon'));
    assert.equal(DEFAULT_SEVERITY['data-horizon'], 'information');
    assert.equal(severityConfig((code) => (code === 'data-horizon' ? 'off' : undefined))['data-horizon'], 'off');
    assert.equal(severityConfig(() => 'loud')['data-horizon'], 'information');
  });
});

describe('the checker past the horizon: every claim shape the same, and said once', () => {
  const { kb } = builtinKnowledge();
  // Wang Yi's foreign ministry is verified to 2026-03: judged on 2026-03-01, not judged on 2027-01-01.
  const shapes: Array<[shape: string, line: string, judged: string | null]> = [
    ['former, before the name', 'Former foreign minister Wang Yi spoke.', 'still-in-role'],
    ['former, in apposition', 'Wang Yi, the former foreign minister, spoke.', 'still-in-role'],
    ['title and surname, former', 'Former Foreign Minister Wang spoke.', 'still-in-role'],
    ['title before the full name', 'Foreign Minister Wang Yi spoke.', null],
    ['title and surname', 'Foreign Minister Wang spoke.', null],
    ['apposition', "Wang Yi, China's foreign minister, spoke.", null],
    ['parenthesis', 'Wang Yi (foreign minister) spoke.', null],
    ['relative clause', 'Wang Yi, who is foreign minister, spoke.', null],
    ['predicate', 'Wang Yi is foreign minister.', null],
    ['present perfect', 'Wang Yi has served as foreign minister since 2023.', null],
  ];
  for (const [shape, line, judged] of shapes) {
    it(`${shape}: ${judged ?? 'quiet'} on 2026-03-01, not judged and counted on 2027-01-01`, () => {
      const before = checkMemo(kb, line, { date: partialDate('2026-03-01') }).map((finding) => finding.code);
      assert.deepEqual(before, judged ? [judged] : []);
      const after = checkMemo(kb, line, { date: partialDate('2027-01-01') });
      assert.deepEqual(
        after.map((finding) => finding.code),
        ['data-horizon'],
      );
      assert.equal(after[0]!.related?.length, 1);
      assert.match(after[0]!.message, /^This memo is dated 2027-01-01; the datasets are verified through 2026-03 for these posts\. 1 claim about a current post was not judged\.$/);
    });
  }

  it('still judges what the data decides past the horizon: an ended post, a post never held, a historical form', () => {
    const memo = 'Qin Gang, the foreign minister, spoke.\n\nWang Yi, the commerce secretary, spoke.\n\nWang Yi, then foreign minister, spoke.';
    assert.deepEqual(
      checkMemo(kb, memo, { date: partialDate('2027-01-01') }).map((finding) => finding.code),
      ['stale-role', 'never-held-role'],
    );
  });

  it('puts the notice on the line the date comes from and lists every claim not judged', () => {
    const memo = '---\ntitle: t\nas_of: 2027-01-01\n---\n\nForeign Minister Wang Yi met Treasury Secretary Scott Bessent.\n';
    const findings = checkMemo(kb, memo, { date: partialDate('2027-01-01'), dateRange: { start: { line: 2, character: 7 }, end: { line: 2, character: 17 } } });
    assert.equal(findings.length, 1);
    const notice = findings[0]!;
    assert.equal(memo.slice(notice.start, notice.end), 'as_of: 2027-01-01');
    assert.deepEqual(
      notice.related?.map((related) => memo.slice(related.start, related.end)),
      ['Foreign Minister Wang Yi', 'Treasury Secretary Scott Bessent'],
    );
    assert.match(notice.message, /2 claims about current posts were not judged/);
  });

  it('a memo with nothing past the horizon gets no notice', () => {
    assert.deepEqual(checkMemo(kb, 'Foreign Minister Wang Yi spoke.', { date: partialDate('2025-10-01') }), []);
  });
});
