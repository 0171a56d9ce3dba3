#!/usr/bin/env node
/**
 * Builds data/builtin.json from the verified fact table (data/source/facts.json, a verbatim copy of
 * the research table) and the hand-curated layer (data/source/curation.json).
 *
 *   node scripts/build-dataset.mjs           write data/builtin.json
 *   node scripts/build-dataset.mjs --check   exit 1 if data/builtin.json is not what the sources build
 *
 * facts.json supplies every date, acting flag, source, verification status, horizon (meta.verified_through
 * and each open role's and channel's status_verified_through) and event; curation.json supplies
 * the posts, the post of each facts role, cleaned aliases, summaries and channel kinds. The build fails
 * (exit 1, one line per problem) when a facts role, channel, alias or source is not accounted for,
 * so that an edit to facts.json can never be dropped silently. Output is deterministic: 2-space JSON,
 * fixed key order, trailing newline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FACTS_PATH = fileURLToPath(new URL('../data/source/facts.json', import.meta.url));
const CURATION_PATH = fileURLToPath(new URL('../data/source/curation.json', import.meta.url));
const OUTPUT_PATH = fileURLToPath(new URL('../data/builtin.json', import.meta.url));

const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;
const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const CHANNEL_KINDS = new Set(['official-talks', 'back-channel', 'leader-level', 'informal']);
const FACTS_TABLE_SOURCE = 'facts_table';

const problems = [];
const warnings = [];
const fail = (message) => problems.push(message);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`build-dataset: cannot read ${path}: ${error.message}`);
    process.exit(1);
  }
}

/** Strips parenthetical qualifiers ("(Dec 2022 - Jul 2023)", "(context)") and wrapping quotes. */
function cleanAlias(raw) {
  let text = raw;
  let previous;
  do {
    previous = text;
    text = text.replace(/\s*\([^()]*\)/g, '');
  } while (text !== previous);
  text = text.trim().replace(/^['"‘’“”]+|['"‘’“”]+$/g, '').trim();
  return text.replace(/\s+/g, ' ');
}

/** The key a facts role has in curation.actors.<id>.tenures: its title, with " #n" for repeats. */
function tenureKeys(roles) {
  const seen = new Map();
  return roles.map((role) => {
    const count = (seen.get(role.title) ?? 0) + 1;
    seen.set(role.title, count);
    return count === 1 ? role.title : `${role.title} #${count}`;
  });
}

function sourceId(key) {
  const id = String(key).toLowerCase();
  if (!ID_PATTERN.test(id)) fail(`source key "${key}" does not give a valid id ("${id}")`);
  return id;
}

function capitalise(text) {
  return text.replace(/^([a-z])/, (letter) => letter.toUpperCase());
}

function sentence(text) {
  const trimmed = capitalise(text.trim());
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The note the table itself supports for a role: its notes, the verification caveat, approximate dates. */
function derivedTenureNote(role) {
  const parts = [];
  if (role.notes) parts.push(role.notes.trim());
  const verification = String(role.verification ?? '');
  if (verification.startsWith('verified')) {
    const bracket = /\[([^[\]]*)\]\s*$/.exec(verification);
    if (bracket) parts.push(bracket[1].trim());
  } else if (verification.startsWith('from memory')) {
    const open = verification.indexOf('(');
    const close = verification.lastIndexOf(')');
    if (open !== -1 && close > open) {
      const remark = verification.slice(open + 1, close).trim();
      if (remark && remark.toLowerCase() !== 'unverified') parts.push(remark);
    }
  }
  if (role.date_approximate && !parts.some((part) => /approximate/i.test(part))) parts.push('dates approximate');
  return parts.length > 0 ? sentence(parts.join('; ')) : undefined;
}

/** The table's verified field as the dataset writes it: true, "partial" (kept, so cards can say so) or false. */
function verifiedFlag(value, where) {
  if (value === true || value === 'partial') return value;
  if (value === false) return false;
  fail(`${where}: unexpected verified value ${JSON.stringify(value)} (expected true, "partial" or false)`);
  return true;
}

function checkDate(value, where) {
  if (value !== null && value !== undefined && !DATE_PATTERN.test(value)) fail(`${where}: "${value}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
}

function citedSources(keys, factsSources, where) {
  if (!Array.isArray(keys) || keys.length === 0) return [FACTS_TABLE_SOURCE];
  return keys.map((key) => {
    if (!Object.hasOwn(factsSources, key)) fail(`${where}: source key "${key}" is not in facts.json sources`);
    return sourceId(key);
  });
}

/** Copies the keys that are defined, in the given order, so the output order never depends on input order. */
function ordered(object, keys) {
  const result = {};
  for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
  return result;
}

function buildSources(facts, curation) {
  const sources = [];
  for (const [key, source] of Object.entries(facts.sources ?? {})) {
    if (!source?.description) fail(`source ${key}: no description`);
    sources.push(ordered({ id: sourceId(key), title: source.description, url: source.url || undefined }, ['id', 'title', 'url', 'note']));
  }
  const factsTable = curation.factsTableSource;
  if (!factsTable || factsTable.id !== FACTS_TABLE_SOURCE || !factsTable.title) {
    fail(`curation.factsTableSource must define the "${FACTS_TABLE_SOURCE}" source with a title`);
  } else {
    sources.push(ordered(factsTable, ['id', 'title', 'url', 'note']));
  }
  const ids = new Set();
  for (const source of sources) {
    if (ids.has(source.id)) fail(`source id "${source.id}" is defined twice`);
    ids.add(source.id);
  }
  return sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function buildRoles(curation) {
  const roles = new Map();
  for (const role of curation.roles ?? []) {
    if (!role.id || !ID_PATTERN.test(role.id)) fail(`post id "${role.id}" is not a valid id`);
    if (roles.has(role.id)) fail(`post "${role.id}" is defined twice`);
    if (!role.title) fail(`post "${role.id}" has no title`);
    if (typeof role.unique !== 'boolean') fail(`post "${role.id}": say explicitly whether it is unique`);
    const seen = new Set([String(role.title).toLowerCase()]);
    for (const alias of role.aliases ?? []) {
      if (seen.has(alias.toLowerCase())) fail(`post "${role.id}": alias "${alias}" repeats the title or another alias`);
      seen.add(alias.toLowerCase());
    }
    roles.set(role.id, ordered({ ...role, aliases: role.aliases ?? [] }, ['id', 'title', 'aliases', 'country', 'organization', 'unique', 'note']));
  }
  return roles;
}

function sortedRoles(roles) {
  // Grouped by country (CN, US, ..., then posts without a country), then by id.
  const key = (role) => [role.country ?? '~', role.id];
  return [...roles.values()].sort((a, b) => {
    const [ca, ia] = key(a);
    const [cb, ib] = key(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

function buildAliases(person, curated, roles) {
  const where = `actor ${person.id}`;
  const name = person.common_name;
  const aliases = curated.aliases ?? [];
  const rewrites = curated.aliasRewrites ?? {};
  const dropped = curated.droppedAliases ?? {};
  const seen = new Set();
  for (const alias of aliases) {
    if (typeof alias !== 'string' || alias.trim() === '') fail(`${where}: empty alias`);
    else if (alias === name) fail(`${where}: alias "${alias}" is the actor's own name`);
    else if (seen.has(alias)) fail(`${where}: alias "${alias}" is listed twice`);
    seen.add(alias);
  }
  const rawForms = [...(person.aliases ?? [])];
  if (person.full_name && person.full_name !== name) rawForms.push(person.full_name);
  for (const raw of rawForms) {
    if (Object.hasOwn(dropped, raw)) {
      const entry = dropped[raw];
      if (entry?.movedTo) {
        const role = roles.get(entry.movedTo);
        const cleaned = cleanAlias(raw).toLowerCase();
        if (!role) fail(`${where}: dropped alias "${raw}" moved to unknown post "${entry.movedTo}"`);
        else if (![role.title, ...role.aliases].some((form) => form.toLowerCase() === cleaned)) {
          fail(`${where}: alias "${raw}" moved to post "${entry.movedTo}", but that post has no alias "${cleanAlias(raw)}"`);
        }
      } else if (!entry?.reason) {
        fail(`${where}: dropped alias "${raw}" needs a reason or movedTo`);
      }
      continue;
    }
    if (Object.hasOwn(rewrites, raw)) {
      if (!aliases.includes(rewrites[raw])) fail(`${where}: alias "${raw}" is rewritten to "${rewrites[raw]}", which is not in aliases`);
      continue;
    }
    const cleaned = cleanAlias(raw);
    if (cleaned === name) continue;
    if (!aliases.includes(cleaned)) {
      fail(`${where}: facts alias "${raw}" is not accounted for: add "${cleaned}" to aliases, or list it under aliasRewrites or droppedAliases`);
    }
  }
  for (const raw of [...Object.keys(rewrites), ...Object.keys(dropped)]) {
    if (!rawForms.includes(raw)) fail(`${where}: curation mentions alias "${raw}", which is not in facts.json`);
  }
  return aliases;
}

function buildTenures(person, curated, roles, factsSources, usedRoles) {
  const where = `actor ${person.id}`;
  const mapping = curated.tenures ?? {};
  const keys = tenureKeys(person.roles ?? []);
  const tenures = [];
  (person.roles ?? []).forEach((role, index) => {
    const key = keys[index];
    const at = `${where}, role "${key}"`;
    const entry = mapping[key];
    if (!entry) {
      fail(`${at} is not mapped to a post: add it to curation.actors.${person.id}.tenures`);
      return;
    }
    if (!roles.has(entry.role)) {
      fail(`${at}: post "${entry.role}" is not defined in curation.roles`);
      return;
    }
    usedRoles.add(entry.role);
    checkDate(role.start, at);
    checkDate(role.end, at);
    if (typeof role.acting !== 'boolean') fail(`${at}: acting must be true or false`);
    const note = Object.hasOwn(entry, 'note') ? entry.note ?? undefined : derivedTenureNote(role);
    const open = role.end === null || role.end === undefined;
    checkDate(role.status_verified_through, at);
    if (!open && role.status_verified_through) fail(`${at}: status_verified_through on a role that has ended`);
    if (open && !role.status_verified_through) warnings.push(`${at}: open role without status_verified_through; the dataset's verifiedThrough applies`);
    tenures.push(
      ordered(
        {
          role: entry.role,
          title: entry.title ?? role.title,
          start: role.start ?? undefined,
          end: role.end ?? null,
          acting: role.acting === true,
          endReason: entry.endReason,
          note,
          verified: verifiedFlag(role.verified, at),
          verifiedThrough: open ? role.status_verified_through ?? undefined : undefined,
          sources: citedSources(role.source_keys, factsSources, at),
        },
        ['role', 'title', 'start', 'end', 'acting', 'endReason', 'note', 'verified', 'verifiedThrough', 'sources'],
      ),
    );
    if (entry.endReason && (role.end === null || role.end === undefined)) fail(`${at}: endReason given for an open tenure`);
  });
  for (const key of Object.keys(mapping)) {
    if (!keys.includes(key)) fail(`${where}: curation maps role "${key}", which is not in facts.json (renamed or removed?)`);
  }
  return tenures;
}

/** Dated events of a person (events) or a channel (key_dates), oldest first, each with its sources. */
function buildEvents(entries, factsSources, where) {
  return (entries ?? [])
    .map((event, index) => {
      const at = `${where}, event ${index + 1}`;
      checkDate(event.date, at);
      const text = event.description ?? event.event;
      if (!event.date || !text) fail(`${at}: needs a date and a description`);
      return ordered(
        { date: event.date, kind: event.type || undefined, text, verified: verifiedFlag(event.verified, at), note: derivedTenureNote(event), sources: citedSources(event.source_keys, factsSources, at) },
        ['date', 'kind', 'text', 'verified', 'note', 'sources'],
      );
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A facts.json id must be a valid dataset id and unique among its kind. */
function registerFactId(ids, id, where) {
  if (!ID_PATTERN.test(id ?? '')) fail(`${where}: not a valid id`);
  if (ids.has(id)) fail(`${where}: id used twice in facts.json`);
  ids.add(id);
}

/**
 * Register ids (Wikidata, bioguide) from curation, each with the record it was verified against:
 * a pack actor with the same id is merged into this actor instead of showing the person twice.
 */
function buildIdentifiers(identifiers, where) {
  if (!identifiers) return undefined;
  const result = {};
  for (const [key, value] of Object.entries(identifiers)) {
    if (key === 'verifiedAgainst') continue;
    if (!['wikidata', 'bioguide'].includes(key) || typeof value !== 'string') fail(`${where}: unknown identifier "${key}"`);
    else result[key] = value;
  }
  if (!identifiers.verifiedAgainst) fail(`${where}: identifiers need verifiedAgainst (the record that shows they are this person)`);
  return result;
}

function buildActors(facts, curation, roles, usedRoles) {
  const curatedActors = curation.actors ?? {};
  const actors = [];
  const ids = new Set();
  for (const person of facts.people ?? []) {
    const where = `actor ${person.id}`;
    registerFactId(ids, person.id, where);
    const curated = curatedActors[person.id];
    if (!curated) {
      fail(`${where} (${person.common_name}) is not in curation.actors: add its summary, aliases and tenure mapping`);
      continue;
    }
    if (!curated.summary) fail(`${where}: no summary`);
    actors.push(
      ordered(
        {
          id: person.id,
          name: person.common_name,
          aliases: buildAliases(person, curated, roles),
          nativeName: person.native_name || undefined,
          country: person.country || undefined,
          kind: 'person',
          summary: curated.summary,
          identifiers: buildIdentifiers(curated.identifiers, where),
          tenures: buildTenures(person, curated, roles, facts.sources ?? {}, usedRoles),
          events: buildEvents(person.events, facts.sources ?? {}, where),
        },
        ['id', 'name', 'aliases', 'nativeName', 'country', 'kind', 'summary', 'identifiers', 'tenures', 'events'],
      ),
    );
  }
  for (const id of Object.keys(curatedActors)) {
    if (!ids.has(id)) fail(`curation.actors.${id} is not a person in facts.json`);
  }
  return actors;
}

/** A channel's key dates (meetings, rounds) as dated events, with the table's sources and verification. */
function buildChannels(facts, curation, actorIds) {
  const curatedChannels = curation.channels ?? {};
  const kinds = curation.channelKinds ?? {};
  const channels = [];
  const ids = new Set();
  for (const channel of facts.channels ?? []) {
    const where = `channel ${channel.id}`;
    registerFactId(ids, channel.id, where);
    const curated = curatedChannels[channel.id];
    if (!curated) {
      fail(`${where} is not in curation.channels: add its summary (and kind if its facts kind is new)`);
      continue;
    }
    const kind = curated.kind ?? kinds[channel.kind];
    if (!kind) fail(`${where}: facts kind "${channel.kind}" is not mapped in curation.channelKinds`);
    else if (!CHANNEL_KINDS.has(kind)) fail(`${where}: kind "${kind}" is not one of ${[...CHANNEL_KINDS].join(', ')}`);
    if (!curated.summary) fail(`${where}: no summary`);
    for (const endpoint of channel.endpoints ?? []) {
      if (!actorIds.has(endpoint)) fail(`${where}: endpoint "${endpoint}" is not an actor`);
    }
    if ((channel.endpoints ?? []).length < 2) fail(`${where}: needs at least two endpoints`);
    checkDate(channel.start, where);
    checkDate(channel.end, where);
    const status = channel.status_oct_2025;
    let endStatus;
    if (channel.end) {
      if (status === 'dormant' || status === 'closed') endStatus = status;
      else fail(`${where}: has an end date but status "${status}" (expected dormant or closed)`);
    } else if (status !== 'active') {
      fail(`${where}: status "${status}" but no end date`);
    }
    // A channel whose status changed after Oct 2025 would need a dated change, which the table does not give.
    if (channel.status_latest !== undefined && channel.status_latest !== status) fail(`${where}: status_latest "${channel.status_latest}" differs from status_oct_2025 "${status}"`);
    checkDate(channel.status_verified_through, where);
    if (status === 'closed' && channel.status_verified_through) fail(`${where}: a closed channel is final and takes no status_verified_through`);
    if (status !== 'closed' && !channel.status_verified_through) warnings.push(`${where}: ${status} channel without status_verified_through; the dataset's verifiedThrough applies`);
    channels.push(
      ordered(
        {
          id: channel.id,
          name: channel.name,
          kind,
          endpoints: channel.endpoints,
          start: channel.start ?? undefined,
          end: channel.end ?? null,
          endStatus,
          verifiedThrough: status === 'closed' ? undefined : channel.status_verified_through ?? undefined,
          summary: curated.summary,
          note: curated.note ?? undefined,
          events: buildEvents(channel.key_dates, facts.sources ?? {}, where),
          sources: citedSources(channel.source_keys, facts.sources ?? {}, where),
        },
        ['id', 'name', 'kind', 'endpoints', 'start', 'end', 'endStatus', 'verifiedThrough', 'summary', 'note', 'events', 'sources'],
      ),
    );
  }
  for (const id of Object.keys(curatedChannels)) {
    if (!ids.has(id)) fail(`curation.channels.${id} is not a channel in facts.json`);
  }
  return channels;
}

function build() {
  const facts = readJson(FACTS_PATH);
  const curation = readJson(CURATION_PATH);
  const meta = curation.dataset ?? {};
  for (const field of ['name', 'version', 'license', 'description']) {
    if (!meta[field]) fail(`curation.dataset.${field} is missing`);
  }
  if (meta.verifiedThrough) fail('curation.dataset.verifiedThrough: the horizon is a date and comes from facts.json meta.verified_through');
  // The dataset's horizon is the default for open tenures and channels that carry none of their own.
  const verifiedThrough = facts.meta?.verified_through;
  if (!verifiedThrough) fail('facts.json meta.verified_through is missing');
  checkDate(verifiedThrough, 'facts.json meta.verified_through');

  const sources = buildSources(facts, curation);
  const roles = buildRoles(curation);
  const usedRoles = new Set();
  const actors = buildActors(facts, curation, roles, usedRoles);
  const channels = buildChannels(facts, curation, new Set(actors.map((actor) => actor.id)));
  for (const id of roles.keys()) if (!usedRoles.has(id)) warnings.push(`post "${id}" has no tenure`);

  const sourceIds = new Set(sources.map((source) => source.id));
  const events = [...actors.flatMap((actor) => actor.events), ...channels.flatMap((channel) => channel.events)];
  for (const item of [...actors.flatMap((actor) => actor.tenures), ...channels, ...events]) {
    for (const ref of item.sources) if (!sourceIds.has(ref)) fail(`source "${ref}" is cited but not defined`);
  }

  const dataset = {
    name: meta.name,
    version: meta.version,
    verifiedThrough,
    license: meta.license,
    description: meta.description,
    sources,
    roles: sortedRoles(roles),
    actors,
    channels,
  };
  return { dataset, counts: { posts: roles.size, actors: actors.length, tenures: actors.reduce((n, a) => n + a.tenures.length, 0), channels: channels.length, events: events.length, sources: sources.length } };
}

const { dataset, counts } = build();
for (const warning of warnings) console.warn(`build-dataset: warning: ${warning}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`build-dataset: error: ${problem}`);
  console.error(`build-dataset: ${problems.length} problem(s); data/builtin.json was not written.`);
  process.exit(1);
}

const text = `${JSON.stringify(dataset, null, 2)}\n`;
const summary = `${counts.posts} posts, ${counts.actors} actors, ${counts.tenures} tenures, ${counts.channels} channels, ${counts.events} events, ${counts.sources} sources`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUTPUT_PATH, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== text) {
    console.error('build-dataset: data/builtin.json is out of date; run `node scripts/build-dataset.mjs` and commit the result.');
    process.exit(1);
  }
  console.log(`build-dataset: data/builtin.json is up to date (${summary}).`);
} else {
  writeFileSync(OUTPUT_PATH, text);
  console.log(`build-dataset: wrote data/builtin.json (${summary}).`);
}
