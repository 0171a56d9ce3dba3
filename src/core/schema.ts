/**
 * The dataset format, as one zod schema: the loader validates with it and the JSON Schema that VS
 * Code uses to validate dataset files while users type is generated from it (scripts/build.mjs).
 * Field names stay close to Popolo (memberships with start/end) and Wikidata (P39 position held,
 * P580 start time, P582 end time) so that import and export stay simple.
 */
import type * as Zod from 'zod';
import { parsePartialDate } from './dates';

export const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;

/**
 * Builds every schema. Called on first validation only: zod is most of the bundle's weight, and
 * the built-in dataset, validated when the extension is built, never needs it at run time.
 * Importing this module for its types constructs nothing and loads nothing.
 */
function buildSchemas() {
  // Required here, not imported at the top, so that bundles load zod only when a user dataset
  // must be validated (esbuild keeps the module in the bundle, uninitialised until this call).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { z } = require('zod') as typeof Zod;

  const idSchema = z
    .string()
    .regex(ID_PATTERN, 'ids are lower-case letters, digits, "_", "." or "-", starting with a letter or digit')
    .describe('A stable identifier, unique within its kind across all datasets; a later dataset with the same id replaces the entry.');

  const partialDateSchema = z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'write dates as YYYY, YYYY-MM or YYYY-MM-DD')
    .superRefine((value, context) => {
      const parsed = parsePartialDate(value);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
    })
    .describe('A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD. Never round a partial date up to a day.');

  // trim() keeps zero-width and other invisible characters: a name of only those is still blank.
  const nonEmptyText = z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((text) => /[^\p{White_Space}\p{Cf}\p{Cc}]/u.test(text), 'must contain a visible character, not only spaces or invisible ones');

  const sourceSchema = z
    .object({
      id: idSchema.optional().describe('A key other entries can cite instead of repeating the source.'),
      title: nonEmptyText.describe('What the source is: publication, date and headline.'),
      url: z.url({ protocol: /^https?$/, error: 'source URLs must be http(s)' }).optional(),
      note: z.string().optional().describe('What this source confirms, or its limits.'),
    })
    .strict();

  /** A source is either cited by id (from the dataset's `sources`) or written out in place. */
  const sourceRefSchema = z.union([idSchema, sourceSchema]);

  const roleSchema = z
    .object({
      id: idSchema,
      title: nonEmptyText.describe('The post as written mid-sentence in prose: "foreign minister", "US trade representative".'),
      aliases: z.array(nonEmptyText).default([]).describe('Other ways prose names this post: "Chinese foreign minister", "FM", "USTR".'),
      country: z.string().trim().min(2).max(3).optional().describe('ISO 3166 country code of the post (CN, US); omit for international posts.'),
      organization: z.string().optional().describe('The body the post belongs to: "Ministry of Foreign Affairs".'),
      unique: z.boolean().default(true).describe('True when the post has one holder at a time (a foreign minister); false for posts held by several people at once (vice-premier).'),
      note: z.string().optional(),
    })
    .strict();

  /**
   * How far a fact was checked: true (against the cited sources), "partial" (the sources confirm it
   * but some detail, usually an exact date, is not established; the note says which) or false
   * (background knowledge only).
   */
  const verificationSchema = z
    .union([z.boolean(), z.literal('partial')])
    .default(true)
    .describe('true: checked against the cited sources; "partial": the sources confirm it but a detail (usually an exact date) is not established, see the note; false: background knowledge, not checked.');

  /** Something that happened on a date: a call, a summit, a removal. Shown on cards, never used to judge a claim. */
  const eventSchema = z
    .object({
      date: partialDateSchema,
      kind: z.string().optional().describe('What sort of event: "call", "summit", "talks", "removed"...'),
      text: nonEmptyText.describe('What happened, in one line.'),
      verified: verificationSchema,
      note: z.string().optional(),
      sources: z.array(sourceRefSchema).default([]),
    })
    .strict();

  const tenureSchema = z
    .object({
      role: idSchema.describe('The id of the post held (P39 position held).'),
      title: z.string().optional().describe('A more specific title for this tenure, e.g. "treasury secretary (79th)".'),
      start: partialDateSchema.optional().describe('First day in the post (P580). Omit when not known.'),
      end: partialDateSchema.nullable().optional().describe('First day no longer in the post (P582); null or omitted while the tenure is open.'),
      scheduledEnd: partialDateSchema
        .optional()
        .describe('Only on an open tenure: the date the term is due to end (a senator\'s term ends on 3 January of a set year). A schedule, not a fact: the tenure stays open until an end is recorded.'),
      acting: z.boolean().default(false).describe('Held in an acting or interim capacity.'),
      party: z.string().trim().min(1).optional().describe('The party the holder sat for in this post ("Democrat", "Labour"), where the post is a party seat.'),
      endReason: z.string().optional().describe('Why the tenure ended: "removed", "term ended", "resigned", "retired"...'),
      note: z.string().optional(),
      verified: verificationSchema,
      verifiedThrough: partialDateSchema
        .optional()
        .describe("Only on an open tenure: the last date on which the post was confirmed as still held. After it the tenure is unknown, not current. Wins over the dataset's verifiedThrough."),
      sources: z.array(sourceRefSchema).default([]),
    })
    .strict();

  /**
   * Ids of the same person in public registers. Two datasets that describe one person under
   * different actor ids are merged on these (src/core/datasetMerge.ts).
   */
  const identifiersSchema = z
    .object({
      wikidata: z.string().regex(/^Q[1-9]\d*$/, 'a Wikidata item id such as Q22686').optional().describe('The Wikidata item (Q22686).'),
      bioguide: z.string().regex(/^[A-Z]\d{6}$/, 'a Biographical Directory id such as C000127').optional().describe('The Biographical Directory of the US Congress id (C000127).'),
    })
    .strict()
    .describe('Ids of this person in public registers: an actor of a later dataset with the same id is the same person, and is merged into this one.');

  const actorSchema = z
    .object({
      id: idSchema,
      name: nonEmptyText.describe('The canonical name as written in English prose.'),
      aliases: z.array(nonEmptyText).default([]).describe('Other names and honorific forms that refer to this actor: "Mr Qin", "Vice-Premier He".'),
      nativeName: z.string().optional(),
      country: z.string().trim().min(2).max(3).optional(),
      kind: z.enum(['person', 'organization']).default('person'),
      summary: z.string().optional().describe('One line, in your own words.'),
      identifiers: identifiersSchema.optional(),
      tenures: z.array(tenureSchema).default([]),
      events: z.array(eventSchema).default([]).describe('Dated events in the actor\'s dealings: calls, meetings, removals.'),
      sources: z.array(sourceRefSchema).default([]),
    })
    .strict();

  const channelKindSchema = z
    .enum(['official-talks', 'back-channel', 'leader-level', 'informal'])
    .describe('official-talks: a government-to-government mechanism; back-channel: a discreet personal line; leader-level: heads of state or government; informal: intermediaries outside government.');

  const channelSchema = z
    .object({
      id: idSchema,
      name: nonEmptyText,
      kind: channelKindSchema,
      endpoints: z.array(idSchema).min(2, 'a channel connects at least two actors').describe('Actor ids at either end of the channel.'),
      start: partialDateSchema.optional(),
      end: partialDateSchema.nullable().optional(),
      endStatus: z.enum(['dormant', 'closed']).default('closed').describe('Status after the end date: dormant (the people are still there and could use it again) or closed.'),
      verifiedThrough: partialDateSchema
        .optional()
        .describe("For an active or dormant channel: the last date its status was confirmed. After it the status is unknown. Wins over the dataset's verifiedThrough; a closed channel is final and needs none."),
      summary: z.string().optional(),
      note: z.string().optional(),
      events: z.array(eventSchema).default([]).describe('Key dates of the channel: meetings, rounds, calls, agreements.'),
      sources: z.array(sourceRefSchema).default([]),
    })
    .strict();

  const wordList = z.array(nonEmptyText);

  /**
   * How this dataset's prose writes names and countries, added to the defaults
   * (src/core/conventions.json) for every dataset loaded: a UK pack brings "British" and "Sir".
   * Words are matched as tokenised text: case, "'s" and punctuation do not matter.
   */
  const conventionsInputSchema = z
    .object({
      honorifics: wordList.optional().describe('Words before a name that are not part of it: "Sir", "Dame", "Baroness".'),
      ranks: wordList.optional().describe('Military and similar ranks before a name: "General", "Admiral".'),
      nameSuffixes: wordList.optional().describe('Words after a name that are not part of it: "Jr", "MP", "KC".'),
      familyNameFirstCountries: z.array(z.string().trim().min(2).max(3)).optional().describe('Countries (ISO codes) whose names are written family name first.'),
      countryWords: z.record(nonEmptyText, z.string().trim().min(2).max(3)).optional().describe('Words naming a country, with its ISO code: { "British": "GB", "Britain\'s": "GB" }.'),
      organizationWords: wordList.optional().describe('Bodies named before a title that do not change the post: "Home Office", "Downing Street".'),
      abbreviations: wordList.optional().describe('Words written with a period that does not end a sentence: "Rt." (written with or without the period)'),
    })
    .strict()
    .describe('How this dataset\'s prose writes names and countries, added to the built-in conventions.');

  const datasetSchema = z
    .object({
      $schema: z.string().optional(),
      name: nonEmptyText,
      version: z.string().optional(),
      verifiedThrough: partialDateSchema
        .optional()
        .describe('The date up to which open tenures and active channels were checked: after it, an open tenure is unknown, not current. A tenure or channel with its own verifiedThrough uses that instead.'),
      license: z.string().optional(),
      description: z.string().optional(),
      attribution: z.string().trim().min(1).optional().describe('The credit line shown on the cards of the actors this dataset describes (required by CC BY data).'),
      conventions: conventionsInputSchema.optional(),
      sources: z.array(sourceSchema.extend({ id: idSchema })).default([]),
      roles: z.array(roleSchema).default([]),
      actors: z.array(actorSchema).default([]),
      channels: z.array(channelSchema).default([]),
    })
    .strict();

  return { idSchema, partialDateSchema, sourceSchema, sourceRefSchema, roleSchema, verificationSchema, eventSchema, tenureSchema, identifiersSchema, actorSchema, channelKindSchema, channelSchema, conventionsInputSchema, datasetSchema };
}

export type DatasetSchemas = ReturnType<typeof buildSchemas>;

let built: DatasetSchemas | undefined;

/** The zod schemas of the dataset format, built (and zod loaded) on the first call. */
export function datasetSchemas(): DatasetSchemas {
  built ??= buildSchemas();
  return built;
}

export type SourceDefinition = Zod.z.infer<DatasetSchemas['sourceSchema']>;
export type SourceRef = Zod.z.infer<DatasetSchemas['sourceRefSchema']>;
export type Role = Zod.z.infer<DatasetSchemas['roleSchema']>;
export type Tenure = Zod.z.infer<DatasetSchemas['tenureSchema']>;
export type Verification = Zod.z.infer<DatasetSchemas['verificationSchema']>;
export type DatedEvent = Zod.z.infer<DatasetSchemas['eventSchema']>;
export type Actor = Zod.z.infer<DatasetSchemas['actorSchema']>;
export type ChannelKind = Zod.z.infer<DatasetSchemas['channelKindSchema']>;
export type Channel = Zod.z.infer<DatasetSchemas['channelSchema']>;
export type Dataset = Zod.z.infer<DatasetSchemas['datasetSchema']>;
export type ActorIdentifiers = Zod.z.infer<DatasetSchemas['identifiersSchema']>;
export type ConventionsInput = Zod.z.infer<DatasetSchemas['conventionsInputSchema']>;
/** What a dataset file may contain before defaults are filled in. */
export type DatasetInput = Zod.z.input<DatasetSchemas['datasetSchema']>;

/** The JSON Schema contributed to VS Code (jsonValidation) for dataset files. */
export function datasetJsonSchema(): Record<string, unknown> {
  const { z } = require('zod') as typeof Zod; // eslint-disable-line @typescript-eslint/no-require-imports
  const schema = z.toJSONSchema(datasetSchemas().datasetSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://interlocutor.dev/schema/dataset.json',
    title: 'Interlocutor dataset',
    description: 'Actors, the posts they held and when, and the channels between them.',
  };
}
