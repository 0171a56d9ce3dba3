import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildPack, serializePack } from '../../src/core/packs/manifest';
import { closeAllEditors, codeOf, extensionApi, memo, openMemo, positionOf, waitForDiagnostics, hoverOn } from './helpers';

describe('dataset packs in the extension host', () => {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  it("hovers a shipped pack's member of Congress with chamber, party and the pack's attribution", async () => {
    const card = await hoverOn('2026-03-01', 'Senator Maria Cantwell spoke.', 'Cantwell');
    assert.match(card, /^\*\*Maria Cantwell\*\* · United States · US Senate · Democrat/);
    assert.match(card, /senator from Washington \(since 2001-01-03/);
    assert.match(card, /\*Data: unitedstates\/congress-legislators \(CC0 1\.0\), compiled by GovTrack\.us/);
  });

  // Issue 10's sentences, each in its own paragraph of a memo dated 2026-03-01.
  const packClaims: { sentence: string; stale?: RegExp }[] = [
    { sentence: 'Representative Maria Cantwell spoke.', stale: /Maria Cantwell left the post of representative for Washington's 1st district on 1995-01-03/ },
    { sentence: 'Senator Maria Cantwell spoke.' },
    { sentence: 'Foreign Secretary David Lammy met his counterparts.', stale: /David Lammy left the post of Foreign Secretary on 2025-09-05; on 2026-03-01 the Foreign Secretary is Yvette Cooper/ },
    { sentence: 'Home Secretary James Cleverly spoke.', stale: /James Cleverly left the post of Home Secretary on 2024-07-05/ },
    { sentence: 'Foreign Secretary Yvette Cooper met her counterparts.' },
  ];

  it("judges claims about the shipped packs' people in the editor: stale ones flagged with the holder on the memo's date, current ones quiet", async () => {
    const document = await openMemo(memo('2026-03-01', packClaims.map((claim) => claim.sentence).join('\n\n')));
    const expected = packClaims.filter((claim) => claim.stale).length;
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.filter((diagnostic) => codeOf(diagnostic) === 'stale-role').length >= expected, 'the stale pack findings');
    for (const claim of packClaims) {
      const line = positionOf(document, claim.sentence).line;
      const onLine = diagnostics.filter((diagnostic) => diagnostic.range.start.line === line);
      if (claim.stale) {
        assert.deepEqual(onLine.map(codeOf), ['stale-role'], claim.sentence);
        assert.match(onLine[0]?.message ?? '', claim.stale);
      } else {
        assert.deepEqual(onLine.map((diagnostic) => `${codeOf(diagnostic)}: ${diagnostic.message}`), [], `${claim.sentence} is quiet`);
      }
    }
  });

  it('shows Donald Trump once, from the built-in data and the congress pack together', async () => {
    const card = await hoverOn('2026-03-01', 'Donald Trump spoke.', 'Trump');
    assert.match(card, /^\*\*Donald Trump\*\*/);
    assert.doesNotMatch(card, /may refer to/);
    assert.match(card, /\*Data: Interlocutor built-in dataset; unitedstates\/congress-legislators/);
  });

  it('installs a pack from a file with the Install Dataset Pack command; its actor hovers with its attribution', async () => {
    const packsDir = process.env.INTERLOCUTOR_PACKS_DIR;
    assert.ok(packsDir, 'the runner gives the extension host its own packs folder');
    const dir = mkdtempSync(join(tmpdir(), 'interlocutor-pack-file-'));
    const file = join(dir, 'test-pack.pack.json');
    const pack = buildPack({
      id: 'integration-test',
      title: 'Integration test pack',
      sources: [{ repo: 'example/ministers', snapshotDate: '2026-06-01', license: 'CC-BY-4.0', attribution: 'Example Ministers Register, CC BY 4.0' }],
      coverage: { GB: { verifiedThrough: '2026-06-01' } },
      generator: { importer: 'test', version: '1' },
      dataset: {
        name: 'Integration test pack',
        verifiedThrough: '2026-06-01',
        roles: [{ id: 'it-minister-for-tests', title: 'Minister for Tests', country: 'GB', organization: 'Department for Tests', unique: true }],
        actors: [{ id: 'it-ottoline', name: 'Ottoline Quennell', country: 'GB', tenures: [{ role: 'it-minister-for-tests', start: '2025-02-03', sources: [{ title: 'Example register entry 1' }] }] }],
      },
    });
    writeFileSync(file, serializePack(pack));
    const api = await extensionApi();
    try {
      // The command reloads the datasets before it returns.
      await vscode.commands.executeCommand('interlocutor.installPack', vscode.Uri.file(file));
      assert.ok((await api.knowledge()).kb.actor('it-ottoline'), 'the installed pack is loaded');
      assert.ok(existsSync(join(packsDir, 'integration-test.pack.json')));
      const card = await hoverOn('2026-03-01', 'Ottoline Quennell spoke.', 'Quennell');
      assert.match(card, /^\*\*Ottoline Quennell\*\* · United Kingdom · Department for Tests/);
      assert.match(card, /Minister for Tests \(since 2025-02-03/);
      assert.match(card, /\*Data: Example Ministers Register, CC BY 4\.0\*/);
    } finally {
      rmSync(join(packsDir, 'integration-test.pack.json'), { force: true });
      rmSync(dir, { recursive: true, force: true });
      await api.knowledge();
    }
  });
});
