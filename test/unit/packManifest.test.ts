import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildPack, canonicalJson, packChecksum, packSchemas, serializePack, verifyPack, type PackParts } from '../../src/core/packs/manifest';

const parts: PackParts = {
  id: 'test-pack',
  title: 'A test pack',
  sources: [{ repo: 'example/source', commit: 'abcdef1', snapshotDate: '2026-06-19', license: 'CC-BY-4.0', attribution: 'Example, CC BY 4.0' }],
  coverage: { GB: { verifiedThrough: '2026-06-19' } },
  generator: { importer: 'test', version: '1.0.0' },
  dataset: {
    name: 'Test',
    roles: [{ id: 'gb-post-1', title: 'Foreign Secretary', country: 'GB' }],
    actors: [{ id: 'gb-1', name: 'Yvette Cooper', tenures: [{ role: 'gb-post-1', start: '2025-09-05' }] }],
  },
};

describe('pack manifest', () => {
  const canonical: Array<[string, unknown, string]> = [
    ['sorts keys at every depth', { b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } }, '{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}'],
    ['leaves out undefined properties', { a: undefined, b: null }, '{"b":null}'],
    ['escapes strings as JSON does', { 'k"': 'é\n' }, '{"k\\"":"é\\n"}'],
  ];
  for (const [name, value, expected] of canonical) {
    it(`canonical JSON ${name}`, () => assert.equal(canonicalJson(value), expected));
  }

  it('hashes the canonical JSON with SHA-256, so key order does not matter', () => {
    const expected = createHash('sha256').update('{"a":1,"b":[2]}', 'utf8').digest('hex');
    assert.equal(packChecksum({ b: [2], a: 1 }), expected);
    assert.equal(packChecksum({ a: 1, b: [2] }), expected);
  });

  it('builds a pack whose version is the newest snapshot and whose counts and checksum match', () => {
    const pack = buildPack(parts);
    assert.equal(pack.manifest.version, '2026-06-19');
    assert.deepEqual(pack.manifest.counts, { actors: 1, roles: 1, tenures: 1 });
    assert.equal(pack.manifest.sha256, packChecksum(parts.dataset));
    const verified = verifyPack(JSON.parse(serializePack(pack)));
    assert.ok(verified.ok);
  });

  it('writes compact JSON with the manifest first', () => {
    const text = serializePack(buildPack(parts));
    assert.ok(text.startsWith('{"manifest":{"id":"test-pack"'));
    assert.equal(text.split('\n').length, 2);
  });

  it('finds a changed dataset by its checksum', () => {
    const pack = JSON.parse(serializePack(buildPack(parts)));
    pack.dataset.actors[0].tenures[0].start = '2024-07-05';
    const verified = verifyPack(pack);
    assert.equal(verified.ok, false);
    assert.match(verified.ok ? '' : verified.problems.join('\n'), /checksum mismatch/);
  });

  it('finds counts that do not match the dataset', () => {
    const pack = JSON.parse(serializePack(buildPack(parts)));
    pack.manifest.counts.tenures = 2;
    const verified = verifyPack(pack);
    assert.deepEqual(verified.ok ? [] : verified.problems, ['counts.tenures: the manifest says 2, the dataset has 1']);
  });

  it('reports a dataset that breaks the schema, even with a matching checksum', () => {
    const pack = JSON.parse(serializePack(buildPack(parts)));
    pack.dataset.actors[0].tenures[0].start = 'last spring';
    pack.manifest.sha256 = packChecksum(pack.dataset);
    const verified = verifyPack(pack);
    assert.match(verified.ok ? '' : verified.problems.join('\n'), /dataset\.actors\.0\.tenures\.0\.start/);
  });

  it('reports a malformed manifest by field', () => {
    const verified = verifyPack({ manifest: { id: 'x' }, dataset: {} });
    assert.equal(verified.ok, false);
    assert.match(verified.ok ? '' : verified.problems.join('\n'), /manifest\.title/);
  });

  const licences: Array<[string, boolean]> = [
    ['CC0-1.0', true],
    ['CC-BY-4.0', true],
    ['public-domain', true],
    ['CC-BY-NC-4.0', false],
    ['CC-BY-SA-4.0', false],
    ['proprietary', false],
  ];
  for (const [license, allowed] of licences) {
    it(`${allowed ? 'accepts' : 'refuses'} the licence ${license}`, () => {
      const attempt = () => buildPack({ ...parts, sources: [{ ...parts.sources[0]!, license: license as 'CC0-1.0' }] });
      if (allowed) assert.doesNotThrow(attempt);
      else assert.throws(attempt, new RegExp(`licence "${license}" cannot be shipped`));
      const manifest = { ...buildPack(parts).manifest, sources: [{ ...parts.sources[0]!, license }] };
      assert.equal(packSchemas().packManifestSchema.safeParse(manifest).success, allowed);
    });
  }

  it('refuses to build a pack from an invalid dataset', () => {
    assert.throws(() => buildPack({ ...parts, dataset: { name: 'x', actors: [{ id: 'Bad Id', name: 'x' }] } }), /the imported dataset is invalid at actors\.0\.id/);
  });
});
