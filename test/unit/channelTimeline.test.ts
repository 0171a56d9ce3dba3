import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { channelTimeline, timelineSvg, type ChannelTimeline, type TimelineOptions } from '../../src/core/channelTimeline';
import { loadKnowledge } from '../../src/core/datasets';
import { dayRange, partialDate } from '../../src/core/dates';
import { SVG_TAGS, escapeXml, serializeSvg, svg } from '../../src/core/svg';
import { figureFileName, figureMarkdown } from '../../src/core/timelineFigure';
import { builtinDatasetPath, builtinKnowledge } from '../support/repo';

const day = (date: string) => dayRange(partialDate(date)).first;
const dayAfter = (date: string) => dayRange(partialDate(date)).last + 1;

type RenderOptions = Omit<Partial<TimelineOptions>, 'asOf'> & { asOf?: string };

function render(options: RenderOptions = {}, variant: 'light' | 'dark' | 'theme' = 'light', kb = builtinKnowledge().kb) {
  const timeline = channelTimeline(kb, { ...options, asOf: partialDate(options.asOf ?? '2025-10-23') } as TimelineOptions);
  return { timeline, svg: serializeSvg(timelineSvg(timeline, { variant })) };
}

function attribute(tag: string | undefined, name: string): string | undefined {
  return tag ? new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

/** The x of a day on the axis of a 700 px figure (16 px margins). */
function xOf(timeline: ChannelTimeline, dayNumber: number): number {
  return 16 + ((dayNumber - timeline.axis.from) * (700 - 32)) / (timeline.axis.to - timeline.axis.from);
}

describe('the channel timeline model', () => {
  const { timeline } = render();
  const row = (id: string) => timeline.rows.find((candidate) => candidate.id === id)!;

  it('has one row per channel, in order of start, and an axis from the earliest start to the horizon', () => {
    assert.equal(timeline.rows.length, [...builtinKnowledge().kb.channels()].length);
    assert.equal(timeline.rows[0]!.id, 'wang_qishan_wall_street');
    assert.equal(timeline.axis.from, day('1990-01-01'));
    // The latest channel horizon (Bessent-He Lifeng, checked to 2026-05); each bar stops at its own.
    assert.equal(timeline.horizon, '2026-05');
    assert.equal(timeline.axis.to, day('2026-06-01'));
  });

  const extents: Array<[string, string, { active?: [string, string]; uncertain?: Array<[string, string]>; dormant?: [string, string]; open: boolean }]> = [
    ['bessent_he_lifeng', 'active', { active: ['2025-05-10', '2026-06-01'], uncertain: [], open: true }],
    ['kushner_cui', 'closed', { active: ['2016-12-31', '2018-01-01'], uncertain: [['2016-12-01', '2016-12-31'], ['2018-01-01', '2019-01-01']], open: false }],
    ['sullivan_wang_yi', 'closed', { active: ['2023-05-10', '2025-01-20'], uncertain: [], open: false }],
    ['wang_qishan_wall_street', 'dormant', { active: ['1990-12-31', '2023-03-01'], uncertain: [['1990-01-01', '1990-12-31'], ['2023-03-01', '2023-04-01']], dormant: ['2023-04-01', '2025-11-01'], open: false }],
    ['cui_tiankai_outreach', 'dormant', { uncertain: [['2024-01-01', '2025-01-01']], dormant: ['2025-01-01', '2025-11-01'], open: false }],
  ];
  for (const [id, state, expected] of extents) {
    it(`draws ${id} where its dates say, ${state} on 2025-10-23`, () => {
      const found = row(id);
      assert.equal(found.state, state);
      assert.deepEqual(found.active, expected.active ? { from: day(expected.active[0]), to: day(expected.active[1]) } : undefined);
      assert.deepEqual(found.uncertain, (expected.uncertain ?? []).map(([from, to]) => ({ from: day(from), to: day(to) })));
      assert.deepEqual(found.dormant, expected.dormant ? { from: day(expected.dormant[0]), to: day(expected.dormant[1]) } : undefined);
      assert.equal(found.open, expected.open);
    });
  }

  it('gives the endpoints with the posts they held on the date', () => {
    assert.deepEqual(
      row('bessent_he_lifeng').endpoints.map((endpoint) => `${endpoint.name}, ${endpoint.post}`),
      ['Scott Bessent, the US treasury secretary', "He Lifeng, China's vice-premier"],
    );
    const in2017 = channelTimeline(builtinKnowledge().kb, { asOf: partialDate('2017-06-01') });
    assert.equal(in2017.rows.find((candidate) => candidate.id === 'kushner_cui')!.state, 'active');
    assert.match(in2017.rows.find((candidate) => candidate.id === 'kushner_cui')!.endpoints[1]!.post, /ambassador to the United States/);
  });

  it('carries the key dates with their sources, in order', () => {
    const events = row('bessent_he_lifeng').events;
    assert.equal(events[0]!.date, '2025-05-10');
    assert.match(events[0]!.text, /^Geneva/);
    assert.ok(events[0]!.sources.length > 0 && events[0]!.sources.every((source) => source.title));
    assert.deepEqual(events.map((event) => event.day), [...events.map((event) => event.day)].sort((a, b) => a - b));
  });

  const filters: Array<[string, RenderOptions, (ids: string[]) => boolean]> = [
    ['an actor', { actorId: 'he_lifeng' }, (ids) => ids.length === 3 && ids.includes('bessent_he_lifeng') && ids.includes('yellen_he_working_groups')],
    ['a kind', { kind: 'leader-level' }, (ids) => ids.length === 2 && ids.every((id) => /xi/.test(id))],
    ['a country', { country: 'cn' }, (ids) => ids.length === 18 && !ids.includes('schwarzman_intermediary')],
    ['a range', { from: partialDate('2021'), to: partialDate('2022') }, (ids) => !ids.includes('kushner_cui') && ids.includes('blinken_wang_yi') && ids.includes('trade_talks_2018_2020')],
  ];
  for (const [what, options, check] of filters) {
    it(`filters by ${what}`, () => {
      const ids = render(options).timeline.rows.map((candidate) => candidate.id);
      assert.ok(check(ids), ids.join(', '));
    });
  }
});

describe('the channel timeline SVG', () => {
  const { timeline, svg: light } = render();

  it('has one row group per channel, with its state on the date', () => {
    const rows = [...light.matchAll(/<g class="row [^"]*" data-channel="([^"]+)" data-state="([^"]+)"/g)].map((match) => `${match[1]}:${match[2]}`);
    assert.equal(rows.length, timeline.rows.length);
    assert.ok(rows.includes('bessent_he_lifeng:active') && rows.includes('kushner_cui:closed') && rows.includes('wang_qishan_wall_street:dormant'), rows.join(' '));
  });

  const bars: Array<[string, string, string]> = [
    ['bessent_he_lifeng', '2025-05-10', '2026-06-01'],
    ['kushner_cui', '2016-12-31', '2018-01-01'],
    ['sullivan_wang_yi', '2023-05-10', '2025-01-20'],
  ];
  for (const [id, from, to] of bars) {
    it(`draws the bar of ${id} from ${from} to ${to}`, () => {
      const section = light.slice(light.indexOf(`data-channel="${id}" data-state`));
      const bar = /<rect class="k-[a-z-]+ bar" [^>]*>/.exec(section)?.[0];
      assert.equal(attribute(bar, 'data-from'), from);
      assert.equal(attribute(bar, 'data-to'), to);
      const x = Number(attribute(bar, 'x'));
      const width = Number(attribute(bar, 'width'));
      assert.ok(Math.abs(x - xOf(timeline, day(from))) < 0.01, `x ${x}`);
      assert.ok(Math.abs(x + width - Math.max(xOf(timeline, day(to)), x + 3)) < 0.02, `right end ${x + width}`);
    });
  }

  it('hatches the dormant stretch of a dormant channel and marks its key dates with ticks', () => {
    const section = light.slice(light.indexOf('data-channel="wang_qishan_wall_street" data-state'), light.indexOf('data-channel="paulson_sed" data-state'));
    assert.match(section, /<rect class="dormant" [^>]*fill="url\(#hatch-informal\)"/);
    assert.match(light, /<pattern id="hatch-informal"[^>]*>\s*<rect [^>]*class="k-informal dormant-bg"/);
    const talks = light.slice(light.indexOf('data-channel="bessent_he_lifeng" data-state'));
    const ticks = [...talks.slice(0, talks.indexOf('</g>\n    <g class="row')).matchAll(/<g class="tick-group[^"]*" data-channel="bessent_he_lifeng" data-event="(\d+)"/g)];
    assert.equal(ticks.length, timeline.rows.find((row) => row.id === 'bessent_he_lifeng')!.events.length);
  });

  it('draws the memo date as a line at its x, labelled with the date', () => {
    const group = light.slice(light.indexOf('<g class="memo-date" data-date="2025-10-23">'));
    assert.ok(group.length > 0);
    const line = /<line class="memo-line" [^>]*>/.exec(group)?.[0];
    assert.ok(Math.abs(Number(attribute(line, 'x1')) - (xOf(timeline, day('2025-10-23')) + xOf(timeline, dayAfter('2025-10-23'))) / 2) < 0.01);
    assert.match(group, /class="memo-label"[^>]*>2025-10-23<\/text>/);
  });

  it('shows a month-precise memo date as a band, and none when the date is off the axis', () => {
    assert.match(render({ asOf: '2024-06', from: partialDate('2024') }).svg, /<rect class="memo-band"/);
    assert.doesNotMatch(render({ asOf: '2010-01-01', from: partialDate('2016') }).svg, /class="memo-date"/);
  });

  it('has a light and a dark variant with their own colours, and a theme variant without a stylesheet', () => {
    assert.match(light, /\.background\{fill:#ffffff\}/);
    const dark = render({}, 'dark').svg;
    assert.match(dark, /\.background\{fill:#1e1e1e\}/);
    assert.match(dark, /text\{[^}]*fill:#e6edf3\}/);
    assert.doesNotMatch(dark, /#ffffff/);
    assert.match(dark, /class="channel-timeline variant-dark"/);
    const theme = render({}, 'theme').svg;
    assert.doesNotMatch(theme, /<style/);
    assert.doesNotMatch(theme, /class="background"/);
  });

  it('fits a memo column: 700 px wide, labels inside it', () => {
    assert.match(light, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="700" height="\d+" viewBox="0 0 700 \d+"/);
    for (const match of light.matchAll(/<text x="([\d.]+)"/g)) assert.ok(Number(match[1]) <= 700 - 16 + 0.01, match[0]);
  });

  it('escapes hostile names and texts from the data', () => {
    const hostile = JSON.stringify({
      name: 'Hostile <dataset>',
      actors: [{ id: 'mallory', name: '<script>alert("x")</script> & Co', aliases: [], tenures: [] }],
      channels: [
        {
          id: 'evil',
          name: '</text><foreignObject><iframe src="javascript:alert(1)"/></foreignObject>',
          kind: 'informal',
          endpoints: ['mallory', 'wang_yi'],
          start: '2024-01-01',
          summary: "' onmouseover='alert(1)",
          events: [{ date: '2024-06-01', text: ']]><svg onload="alert(1)">', sources: [{ title: 'x' }] }],
        },
      ],
    });
    const { kb, problems } = loadKnowledge([
      { file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') },
      { file: '/work/hostile.interlocutor.json', text: hostile },
    ]);
    assert.deepEqual(problems, []);
    for (const variant of ['light', 'theme'] as const) {
      const output = serializeSvg(timelineSvg(channelTimeline(kb, { asOf: partialDate('2025-10-23'), actorId: 'mallory' }), { variant, interactive: variant === 'theme' }));
      const tags = new Set([...output.matchAll(/<([a-zA-Z]+)/g)].map((match) => match[1]!));
      assert.deepEqual([...tags].filter((tag) => !SVG_TAGS.has(tag)), []);
      assert.doesNotMatch(output, /<script|<foreignObject|<iframe/);
      // Every attribute is name="value" with the value escaped: no quote ends one early.
      for (const [tag] of output.matchAll(/<[a-zA-Z]+(?:\s+[^\s=>]+="[^"]*")*\s*\/?>/g)) {
        const names = [...tag.matchAll(/\s([^\s=>]+)="/g)].map((match) => match[1]!);
        assert.ok(names.every((name) => !/^on/i.test(name) && name !== 'href'), tag);
      }
      assert.equal((output.match(/</g) ?? []).length, [...output.matchAll(/<[a-zA-Z]+(?:\s+[^\s=>]+="[^"]*")*\s*\/?>|<\/[a-zA-Z]+>|<\?xml[^>]*\?>/g)].length);
      assert.match(output, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; Co/);
      assert.match(output, /&lt;\/text&gt;&lt;foreignObject&gt;/);
    }
  });

  it('adds focus order and ARIA only to the interactive variant', () => {
    const interactive = render({}, 'theme').timeline;
    const output = serializeSvg(timelineSvg(interactive, { variant: 'theme', interactive: true }));
    assert.match(output, /<text class="endpoint" [^>]*data-actor="scott_bessent" tabindex="0" role="link"/);
    assert.match(output, /<g class="bar-group" data-channel="bessent_he_lifeng" tabindex="0" role="img" aria-label="Bessent-He Lifeng[^"]*active on 2025-10-23/);
    assert.doesNotMatch(light, /tabindex/);
  });
});

describe('the SVG serialiser', () => {
  const cases: Array<[string, Parameters<typeof serializeSvg>[0], RegExp]> = [
    ['an unknown element', svg('script', {}, 'alert(1)'), /unexpected SVG element <script>/],
    ['an event handler', svg('rect', { onload: 'alert(1)' }), /unexpected SVG attribute onload/],
    ['a malformed attribute name', svg('rect', { 'x"y': 1 }), /unexpected SVG attribute/],
  ];
  for (const [what, tree, message] of cases) {
    it(`refuses ${what}`, () => assert.throws(() => serializeSvg(tree), message));
  }

  it('escapes text and attributes and drops characters XML forbids', () => {
    assert.equal(escapeXml(`a<b>&"c'\u0001`), 'a&lt;b&gt;&amp;&quot;c&#39;');
    assert.match(serializeSvg(svg('text', { 'aria-label': '"x"' }, '<y>')), /<text aria-label="&quot;x&quot;">&lt;y&gt;<\/text>/);
  });
});

describe('the timeline figure in a memo', () => {
  const names: Array<[string, Parameters<typeof figureFileName>[1], string]> = [
    ['2025-10-23', {}, 'channels-2025-10-23.svg'],
    ['2025-10', { actorId: 'he_lifeng' }, 'channels-2025-10-he_lifeng.svg'],
    ['2025-10-23', { actorId: 'he_lifeng', country: 'CN', kind: 'official-talks', from: '2021' }, 'channels-2025-10-23-he_lifeng-cn-official-talks-from-2021.svg'],
    ['2025', { actorId: '../x y' }, 'channels-2025-..-x-y.svg'],
  ];
  for (const [asOf, naming, expected] of names) {
    it(`names the figure ${expected}`, () => assert.equal(figureFileName(asOf, naming), expected));
  }

  it('embeds the figure with alt text and a caption that says what it shows and where the data stops', () => {
    const { timeline } = render({ actorId: 'he_lifeng' });
    const markdown = figureMarkdown('figures/channels-2025-10-23-he_lifeng.svg', timeline, '2021');
    assert.equal(
      markdown,
      '![Timeline of 3 channels between governments as of 2025-10-23](figures/channels-2025-10-23-he_lifeng.svg)\n\n' +
        "*Figure: channels between governments (with He Lifeng, from 2021) as of 2025-10-23. Bars run from each channel's start to its end, coloured by kind; " +
        'hatched stretches are dormant; ticks mark key dates; the red line marks 2025-10-23. Source: Interlocutor datasets, each channel verified to its own date, 2026-05 at the latest.*\n',
    );
  });
});
