/**
 * Dataset files that once crashed the loader (issue 11), each with the problem it must now be
 * reported as, plus the legitimate file with reused anchors that must load. Shared by the unit
 * suite (the loader) and the extension-host suite (a workspace holding all of them).
 */

export interface HostileDataset {
  /** What the file is, for test titles. */
  readonly what: string;
  /** A workspace dataset file name (matches the *.interlocutor.{json,yaml} glob). */
  readonly file: string;
  readonly text: string;
  /** The dataset-invalid message it must produce. */
  readonly message: RegExp;
  /** Where the problem must start: the first occurrence of this text, or an offset. */
  readonly at: string | number;
}

const laughs = (() => {
  let text = 'name: lol\nsummary: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    text += `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return text;
})();

export const HOSTILE_DATASETS: readonly HostileDataset[] = [
  { what: 'JSON nested 10,000 deep', file: 'deep.interlocutor.json', text: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, message: /nested more than 64 levels deep/, at: 64 },
  { what: 'YAML nested 10,000 deep in flow style', file: 'deep-flow.interlocutor.yaml', text: `name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, message: /nested more than 64 levels deep/, at: 'name: '.length + 64 },
  {
    what: 'YAML indented 3,000 levels deep',
    file: 'deep-block.interlocutor.yaml',
    text: `${Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}- `).join('\n')}x\n`,
    message: /indented more than 256 columns/,
    // The first line indented 257 columns, after its indentation.
    at: Array.from({ length: 257 }, (_, depth) => depth + 3).reduce((sum, length) => sum + length, 0) + 257,
  },
  { what: 'an unresolved YAML alias', file: 'unresolved.interlocutor.yaml', text: 'name: *nowhere\n', message: /alias \*nowhere refers to no anchor &nowhere before it/, at: '*nowhere' },
  { what: 'a self-referencing YAML alias', file: 'self.interlocutor.yaml', text: 'name: x\nsummary: &loop [*loop]\n', message: /alias \*loop is inside the node it refers to/, at: '*loop]' },
  { what: 'a billion-laughs alias bomb', file: 'laughs.interlocutor.yaml', text: laughs, message: /aliases expand to more than 100,000 nodes/, at: '*e' },
  { what: 'duplicate keys in JSON', file: 'dupes.interlocutor.json', text: '{\n  "name": "a",\n  "name": "b"\n}\n', message: /duplicate key "name"/, at: '"name": "b"' },
  { what: 'duplicate keys in YAML', file: 'dupes.interlocutor.yaml', text: 'name: a\nname: b\n', message: /duplicate key "name"/, at: 'name: b' },
  {
    what: 'a name of only a zero-width space',
    file: 'invisible.interlocutor.json',
    text: '{\n  "name": "Invisible",\n  "actors": [{ "id": "ghost", "name": "\u200b" }]\n}\n',
    message: /actors\[0\]\.name: must contain a visible character/,
    at: '"\u200b"',
  },
];

/** A legitimate file that reuses one anchor a hundred times: it must load. */
export const REUSED_ANCHORS: { readonly file: string; readonly text: string } = {
  file: 'anchors.interlocutor.yaml',
  text: [
    'name: Reused anchors',
    'sources:',
    '  - id: hostile.src',
    '    title: A source cited by every tenure',
    '    url: https://example.org/source',
    'roles:',
    '  - id: hostile.envoy',
    '    title: special envoy for hostile input',
    'actors:',
    ...Array.from({ length: 101 }, (_, index) => [
      `  - id: hostile.envoy_${index}`,
      `    name: Envoy Number${index} Testperson`,
      '    tenures:',
      index === 0 ? '      - &tenure' : '      - *tenure',
      ...(index === 0 ? ['        role: hostile.envoy', '        start: 2001', '        acting: true', '        sources: [hostile.src]'] : []),
    ]).flat(),
  ].join('\n'),
};
