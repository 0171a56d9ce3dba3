/**
 * Generated from the fact table itself: for every person in data/source/facts.json, each of their
 * roles must appear in the built-in dataset as a tenure with the same dates at the same precision,
 * the same acting flag and the table's sources; and every channel with its endpoints and dates.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tenure } from '../../src/core/schema';
import { builtinKnowledge, repoRoot } from '../support/repo';

interface FactRole {
  title: string;
  start: string | null;
  end: string | null;
  acting: boolean;
  source_keys: string[];
  verified: boolean | 'partial';
}
interface FactPerson {
  id: string;
  common_name: string;
  native_name?: string;
  roles: FactRole[];
}
interface FactChannel {
  id: string;
  endpoints: string[];
  start: string | null;
  end: string | null;
  source_keys: string[];
}

const facts = JSON.parse(readFileSync(join(repoRoot, 'data', 'source', 'facts.json'), 'utf8')) as { people: FactPerson[]; channels: FactChannel[] };

function expectedSources(keys: readonly string[]): string[] {
  return keys.length ? keys.map((key) => key.toLowerCase()) : ['facts_table'];
}

describe('the built-in dataset holds every fact in the table', () => {
  const { kb } = builtinKnowledge();

  it('has as many people and channels as the table', () => {
    assert.equal(kb.actorCount, facts.people.length);
    assert.equal([...kb.channels()].length, facts.channels.length);
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
          assert.equal(tenure!.verified, role.verified !== false);
        });
      }
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
