import * as assert from 'node:assert/strict';
import { channelGroups } from '../../src/core/channelTree';
import { partialDate } from '../../src/core/dates';
import { builtinKnowledge } from '../support/repo';

describe('the Channels tree model', () => {
  const { kb } = builtinKnowledge();
  const groupOf = (channelId: string, date: string) =>
    channelGroups(kb, partialDate(date)).find((group) => group.channels.some((node) => node.channel.id === channelId))?.label;

  const cases: Array<[string, string, string | undefined]> = [
    ['bessent_he_lifeng', '2025-10-23', 'Active'],
    ['bessent_he_lifeng', '2024-06-01', 'Not yet begun'],
    ['kushner_cui', '2025-10-23', 'Closed'],
    ['kushner_cui', '2017-06-01', 'Active'],
    ['kushner_cui', '2018-06-01', 'Status unclear'],
    ['sullivan_wang_yi', '2024-01-01', 'Active'],
    ['sullivan_wang_yi', '2025-10-23', 'Closed'],
    ['wang_qishan_wall_street', '2025-10-23', 'Dormant'],
  ];
  for (const [channelId, date, group] of cases) {
    it(`${channelId} is under ${group} on ${date}`, () => assert.equal(groupOf(channelId, date), group));
  }

  it('lists endpoints with the post each held on the date', () => {
    const active = channelGroups(kb, partialDate('2025-10-23')).find((group) => group.id === 'active')!;
    const talks = active.channels.find((node) => node.channel.id === 'bessent_he_lifeng')!;
    assert.deepEqual(
      talks.endpoints.map((endpoint) => `${endpoint.name}: ${endpoint.description}`),
      ['Scott Bessent: the US treasury secretary', "He Lifeng: China's vice-premier"],
    );
    const closed = channelGroups(kb, partialDate('2025-10-23')).find((group) => group.id === 'closed')!;
    const kushner = closed.channels.find((node) => node.channel.id === 'kushner_cui')!;
    assert.match(kushner.description, /back channel · 2016-12 to 2018/);
    assert.deepEqual(kushner.endpoints.map((endpoint) => endpoint.name), ['Jared Kushner', 'Cui Tiankai']);
  });

  it('filters by actor', () => {
    const groups = channelGroups(kb, partialDate('2025-10-23'), 'wang_yi');
    const ids = groups.flatMap((group) => group.channels.map((node) => node.channel.id)).sort();
    assert.deepEqual(ids, ['blinken_wang_yi', 'rubio_wang_yi', 'sullivan_wang_yi']);
    assert.deepEqual(channelGroups(kb, partialDate('2025-10-23'), 'nobody'), []);
  });
});
