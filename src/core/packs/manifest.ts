/**
 * The dataset-pack format: one JSON file `{ "manifest": {...}, "dataset": {...} }`, where the
 * dataset part is an ordinary dataset (src/core/schema.ts) and the manifest says where it came
 * from, under which licence, how far it was verified, and carries a checksum of the dataset part.
 *
 * Checksum (`manifest.sha256`): the lowercase hex SHA-256 of the UTF-8 bytes of the dataset part
 * written as canonical JSON: object keys sorted by UTF-16 code unit order (JavaScript's default
 * sort) at every depth, array order kept, no whitespace, strings and numbers as JSON.stringify
 * writes them, properties whose value is `undefined` left out. The manifest itself is not
 * covered, so a pack can be re-labelled without re-hashing, but any change to the data shows.
 */
import { createHash } from 'node:crypto';
import type * as Zod from 'zod';
import { datasetSchemas, type DatasetInput } from '../schema';

/** The only licences a pack may carry: data anyone may ship inside an extension with attribution. */
export const PACK_LICENSES = ['CC0-1.0', 'CC-BY-4.0', 'public-domain'] as const;
export type PackLicense = (typeof PACK_LICENSES)[number];

/** The pack schemas, built (and zod loaded) on first use, like the dataset's (schema.ts). */
function buildPackSchemas() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { z } = require('zod') as typeof Zod;
  const { idSchema, partialDateSchema } = datasetSchemas();
  const packSourceSchema = z
    .object({
      repo: z
        .string()
        .regex(/^([A-Za-z0-9][\w.-]*\/[\w.-]+|https?:\/\/\S+)$/, 'write the repository as owner/name, or the https URL of the service queried')
        .describe('The GitHub repository the data was imported from (owner/name), or the https URL of the service queried (a SPARQL endpoint).'),
      commit: z.string().regex(/^[0-9a-f]{7,40}$/, 'a git commit hash').optional().describe('The snapshot commit imported.'),
      snapshotDate: partialDateSchema.describe('The date of the snapshot commit: the data is as the source had it on that day.'),
      license: z.enum(PACK_LICENSES, { error: `the licence must be one of ${PACK_LICENSES.join(', ')}` }),
      attribution: z.string().trim().min(1).describe('The credit line shown wherever the data is shown (required by CC BY).'),
    })
    .strict();

  const packManifestSchema = z
    .object({
      id: idSchema,
      title: z.string().trim().min(1),
      version: partialDateSchema.describe('The snapshot date of the newest source.'),
      sources: z.array(packSourceSchema).min(1, 'a pack names at least one source'),
      coverage: z
        .record(z.string().min(1), z.object({ verifiedThrough: partialDateSchema, note: z.string().optional() }).strict())
        .describe('Per country (US, GB) or group of posts (us-missions): the date through which open tenures were verified.'),
      generator: z.object({ importer: z.string().min(1), version: z.string().min(1) }).strict(),
      counts: z.object({ actors: z.number().int().min(0), roles: z.number().int().min(0), tenures: z.number().int().min(0) }).strict(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
    })
    .strict();

  const packSchema = z.object({ manifest: packManifestSchema, dataset: z.unknown() }).strict();
  return { packSourceSchema, packManifestSchema, packSchema };
}

let packSchemasBuilt: ReturnType<typeof buildPackSchemas> | undefined;

export function packSchemas(): ReturnType<typeof buildPackSchemas> {
  packSchemasBuilt ??= buildPackSchemas();
  return packSchemasBuilt;
}

export type PackSource = Zod.z.infer<ReturnType<typeof buildPackSchemas>['packSourceSchema']>;
export type PackManifest = Zod.z.infer<ReturnType<typeof buildPackSchemas>['packManifestSchema']>;
export interface Pack {
  readonly manifest: PackManifest;
  readonly dataset: DatasetInput;
}

/** JSON with sorted keys and no whitespace: the form the checksum is computed over. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export function packChecksum(dataset: unknown): string {
  return createHash('sha256').update(canonicalJson(dataset), 'utf8').digest('hex');
}

export type PackVerification = { ok: true; pack: Pack } | { ok: false; problems: string[] };

/** Checks a parsed pack file: manifest shape, checksum, dataset schema and the manifest's counts. */
export function verifyPack(value: unknown): PackVerification {
  const shape = packSchemas().packSchema.safeParse(value);
  if (!shape.success) return { ok: false, problems: shape.error.issues.map((issue) => `${issue.path.join('.') || '(pack)'}: ${issue.message}`) };
  const { manifest, dataset } = shape.data;
  const problems: string[] = [];
  const actual = packChecksum(dataset);
  if (actual !== manifest.sha256) problems.push(`checksum mismatch: the manifest says ${manifest.sha256}, the dataset hashes to ${actual}`);
  const parsed = datasetSchemas().datasetSchema.safeParse(dataset);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) problems.push(`dataset.${issue.path.join('.')}: ${issue.message}`);
  } else {
    const counts = countsOf(parsed.data);
    for (const key of ['actors', 'roles', 'tenures'] as const) {
      if (counts[key] !== manifest.counts[key]) problems.push(`counts.${key}: the manifest says ${manifest.counts[key]}, the dataset has ${counts[key]}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: { manifest, dataset: dataset as DatasetInput } };
}

export function countsOf(dataset: DatasetInput): PackManifest['counts'] {
  const actors = dataset.actors ?? [];
  return { actors: actors.length, roles: (dataset.roles ?? []).length, tenures: actors.reduce((sum, actor) => sum + (actor.tenures ?? []).length, 0) };
}

export interface PackParts {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly PackSource[];
  readonly coverage: PackManifest['coverage'];
  readonly generator: PackManifest['generator'];
  readonly dataset: DatasetInput;
}

/**
 * Assembles a pack: refuses licences a pack may not carry, fills in the version (the newest
 * snapshot), counts and checksum, and validates the dataset so an importer bug fails here, not
 * in a user's editor.
 */
export function buildPack(parts: PackParts): Pack {
  for (const source of parts.sources) {
    if (!(PACK_LICENSES as readonly string[]).includes(source.license)) {
      throw new Error(`${source.repo}: licence "${source.license}" cannot be shipped in a pack (only ${PACK_LICENSES.join(', ')})`);
    }
  }
  const parsed = datasetSchemas().datasetSchema.safeParse(parts.dataset);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the imported dataset is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const version = parts.sources.map((source) => source.snapshotDate).sort().at(-1) ?? '';
  const manifest: PackManifest = {
    id: parts.id,
    title: parts.title,
    version,
    sources: [...parts.sources],
    coverage: parts.coverage,
    generator: parts.generator,
    counts: countsOf(parts.dataset),
    sha256: packChecksum(parts.dataset),
  };
  const checked = packSchemas().packManifestSchema.safeParse(manifest);
  if (!checked.success) throw new Error(`pack manifest: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return { manifest: checked.data, dataset: parts.dataset };
}

/** The pack as written to disk: compact JSON, manifest first. */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify({ manifest: pack.manifest, dataset: pack.dataset })}\n`;
}
