/**
 * Generated from the fact table itself: for every person in data/source/facts.json, each of their
 * roles must appear in the built-in dataset as a tenure with the same dates at the same precision,
 * the same acting flag, verification, the table's sources and (for an open role) its
 * status_verified_through as the tenure's verifiedThrough; every event with its date and sources;
 * and every channel with its endpoints, dates, status and horizon.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayRange, partialDate, type PartialDate } from '../../src/core/dates';
import type { DatedEvent, Tenure } from '../../src/core/schema';
import { builtinKnowledge, repoRoot } from '../support/repo';

interface FactRole {
  title: string;
  start: string | null;
  end: string | null;
  acting: boolean;
  source_keys: string[];
  verified: boolean | 'partial';
  status_verified_through?: string;
}
interface FactEvent {
  date: string;
  source_keys: string[];
  verified: boolean | 'partial';
}
interface FactPerson {
  id: string;
  common_name: string;
  native_name?: string;
  roles: FactRole[];
  events?: FactEvent[];
}
interface FactChannel {
  id: string;
  endpoints: string[];
  start: string | null;
  end: string | null;
  source_keys: string[];
  status_oct_2025: 'active' | 'dormant' | 'closed';
  status_latest?: 'active' | 'dormant' | 'closed';
  status_verified_through?: string;
  key_dates?: FactEvent[];
}

const facts = JSON.parse(readFileSync(join(repoRoot, 'data', 'source', 'facts.json'), 'utf8')) as {
  meta: { verified_through: string };
  people: FactPerson[];
  channels: FactChannel[];
};

/** The day after a month ("2026-03" → "2026-04-01"): the first date past a horizon. */
function dayAfter(month: string): PartialDate {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return partialDate(next);
}

function expectedSources(keys: readonly string[]): string[] {
  return keys.length ? keys.map((key) => key.toLowerCase()) : ['facts_table'];
}

describe('the built-in dataset holds every fact in the table', () => {
  const { kb } = builtinKnowledge();

  it('has as many people and channels as the table', () => {
    assert.equal(kb.actorCount, facts.people.length);
    assert.equal([...kb.channels()].length, facts.channels.length);
  });

  it("takes its horizon from the table's meta.verified_through", () => {
    assert.equal(kb.coverage().datasets[0]?.verifiedThrough, facts.meta.verified_through);
  });

  for (const person of facts.people) {
    describe(`${person.common_name} (${person.id})`, () => {
      const actor = kb.actor(person.id);
      it('is present with the same name', () => {
        assert.ok(actor, `${person.id} is missing`);
        assert.equal(actor.name, person.common_name);
        if (person.native_name) assert.equal(actor.nativeName, person.native_name);
      });
      const unused: Tenure[] = [...(actor?.tenures ?? [])];
      for (const role of person.roles) {
        it(`${role.title}: ${role.start ?? '?'} to ${role.end ?? 'open'}${role.acting ? ', acting' : ''}`, () => {
          const index = unused.findIndex(
            (tenure) => (tenure.start ?? null) === role.start && (tenure.end ?? null) === role.end && tenure.acting === role.acting,
          );
          assert.notEqual(index, -1, `no tenure of ${person.id} runs ${role.start} to ${role.end}`);
          const [tenure] = unused.splice(index, 1);
          assert.ok(kb.role(tenure!.role), `tenure cites unknown post ${tenure!.role}`);
          assert.deepEqual(tenure!.sources, expectedSources(role.source_keys));
          assert.equal(tenure!.verified, role.verified);
          assert.equal(tenure!.verifiedThrough, role.end === null ? role.status_verified_through : undefined);
          if (role.end === null && role.status_verified_through && actor) {
            // Held through its own horizon, unknown the day after: whatever the dataset-wide value says.
            const horizon = role.status_verified_through;
            const through = kb.tenureOnDate(actor, tenure!, partialDate(horizon));
            // (A start known only to the year, "2025", is not certainly before "2025-05": then it stays unknown.)
            if (role.start && dayRange(partialDate(role.start)).last <= dayRange(partialDate(horizon)).first) {
              assert.equal(through.state, 'current', `${role.title} on ${horizon}`);
            }
            assert.equal(kb.tenureOnDate(actor, tenure!, dayAfter(horizon)).state, 'unknown', `${role.title} after ${horizon}`);
          }
        });
      }
      it(`has the table's ${person.events?.length ?? 0} events, with their dates and sources`, () => {
        const key = (event: { date: string; sources: readonly unknown[] }) => `${event.date} ${JSON.stringify(event.sources)}`;
        const expected = (person.events ?? []).map((event) => key({ date: event.date, sources: expectedSources(event.source_keys) })).sort();
        assert.deepEqual((actor?.events ?? []).map((event: DatedEvent) => key(event)).sort(), expected);
      });
    });
  }

  for (const fact of facts.channels) {
    it(`channel ${fact.id}: ${fact.endpoints.join(', ')}, ${fact.start ?? '?'} to ${fact.end ?? 'open'}`, () => {
      const channel = kb.channel(fact.id);
      assert.ok(channel, `${fact.id} is missing`);
      assert.deepEqual(channel.endpoints, fact.endpoints);
      assert.equal(channel.start ?? null, fact.start);
      assert.equal(channel.end ?? null, fact.end);
      assert.deepEqual(channel.sources, expectedSources(fact.source_keys));
      assert.equal(channel.verifiedThrough, fact.status_oct_2025 === 'closed' ? undefined : fact.status_verified_through);
      assert.deepEqual(
        channel.events.map((event) => event.date),
        (fact.key_dates ?? []).map((event) => event.date).sort(),
      );
      // Its status on the last month it was checked, and "unknown" after that unless it is closed for good.
      const status = fact.status_latest ?? fact.status_oct_2025;
      const checkedOn = fact.status_verified_through ?? facts.meta.verified_through;
      assert.equal(kb.channelState(channel, partialDate(checkedOn)), status);
      assert.equal(kb.channelState(channel, dayAfter(checkedOn)), status === 'closed' ? 'closed' : 'unknown');
    });
  }

  it('cites only sources the dataset defines, each with a title, and http(s) URLs', () => {
    const { kb: builtin } = builtinKnowledge();
    for (const source of builtin.data.sources.values()) {
      assert.ok(source.title.trim());
      if (source.url) assert.match(source.url, /^https?:\/\//);
    }
  });
});
