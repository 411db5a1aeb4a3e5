/**
 * Facets for browsing: the people, places and organizations (including named
 * operations and exercises) each document mentions. Heuristic and general:
 * places and the big organizations come from a gazetteer; other
 * organizations from "Full Name (ACR)" and capitalized phrases ending in
 * Council/Committee/Academy...; people from capitalized names announced by a
 * title ("Secretary General X"), followed by a speech verb ("X said") or
 * carrying a patronymic. Spelling variants are merged archive-wide
 * (Nikolai/Nikolay Bordyuzha, Yuri/Yury Khachaturov, PROXY/PROXI), so every
 * document names a person the same way; an operation named three ways
 * (Illegal, Unlegal, Nelegal) is one; a body named with and without its
 * organization's prefix ("Parliamentary Assembly", "CSTO Parliamentary
 * Assembly") is one where the document makes them one.
 */
import type { Facets } from '../../shared/model';
import { levenshtein } from '../search/highlight';
import { hasSurrogate, isWordUnit } from '../word-chars';
import { NOT_NAMES, OPERATIONS, ORG_HEADS, ORGANIZATIONS, PERSON_TITLES, PLACES, SPEECH_VERBS } from './gazetteer';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex per table, alternatives longest first, so "UN Security Council" wins over "UN" at the same place. */
interface AliasTable {
  re: RegExp;
  /**
   * When every alias starts with a capital: the aliases by their first word (the run of letters and digits
   * they open with), longest first, and which code units start one. An alias found at a place in a text
   * opens with the very word that starts there (it ends at a word boundary), so only the few aliases of
   * that word are tried, and only at words starting with such a unit: the same matches as `re` (leftmost,
   * longest alias first) from one pass over the text by code unit, where the big alternation, then a regex
   * at every capital, were most of ingestion's time.
   */
  byWord: { firstUnits: Set<number>; aliases: Map<string, string[]> } | null;
  canonical: Map<string, string>;
}

const FIRST_WORD = /^[\p{L}\p{N}]+/u;

function aliasTable(table: Record<string, string[]>): AliasTable {
  const canonical = new Map<string, string>();
  for (const [name, variants] of Object.entries(table)) for (const v of [name, ...variants]) canonical.set(v, name);
  const sorted = [...canonical.keys()].sort((a, b) => b.length - a.length);
  const capitalized = sorted.every((k) => /^\p{Lu}/u.test(k) && !hasSurrogate(k));
  let byWord: AliasTable['byWord'] = null;
  if (capitalized) {
    const aliases = new Map<string, string[]>();
    for (const a of sorted) {
      const first = FIRST_WORD.exec(a)![0];
      aliases.set(first, [...(aliases.get(first) ?? []), a]);
    }
    byWord = { firstUnits: new Set([...aliases.keys()].map((w) => w.charCodeAt(0))), aliases };
  }
  return { re: new RegExp(`${B}(?:${sorted.map(esc).join('|')})${E}`, 'gu'), byWord, canonical };
}

/** The longest alias at `i` that ends a word, or null (the text has no surrogate: isWordUnit answers). */
function aliasAt(text: string, i: number, candidates: string[]): string | null {
  for (const a of candidates) if (text.startsWith(a, i) && !isWordUnit(text.charCodeAt(i + a.length))) return a;
  return null;
}

const PLACE_ALIASES = aliasTable(PLACES);
const KNOWN_ORGS = aliasTable(ORGANIZATIONS);

/** Finds aliases in one pass, blanking each match so what is left can be searched for other things. */
function findAliases(text: string, t: AliasTable): { found: string[]; masked: string } {
  const found: string[] = [];
  if (t.byWord && !hasSurrogate(text)) {
    const { firstUnits, aliases } = t.byWord;
    let masked = '';
    let last = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      // The start of a word (a letter or digit after anything else), then its end.
      if (!isWordUnit(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < n && isWordUnit(text.charCodeAt(end))) end++;
      const candidates = firstUnits.has(text.charCodeAt(i)) ? aliases.get(text.slice(i, end)) : undefined;
      const hit = candidates && aliasAt(text, i, candidates);
      if (hit) {
        found.push(t.canonical.get(hit)!);
        masked += text.slice(last, i) + ' '.repeat(hit.length);
        last = i + hit.length;
        i = last;
      } else i = end;
    }
    return { found, masked: masked + text.slice(last) };
  }
  const masked = text.replace(t.re, (m) => {
    found.push(t.canonical.get(m)!);
    return ' '.repeat(m.length);
  });
  return { found, masked };
}

// --- organizations discovered in the text ----------------------------------

const CAP = "[A-Z][\\p{L}'’-]*";
const HEADS = ORG_HEADS.join('|');
const ORG_PHRASE = new RegExp(`${B}((?:${CAP} ){1,5}(?:${HEADS}))${E}`, 'gu');
const ACRONYM_DEF = new RegExp(`${B}((?:${CAP}\\s+(?:of\\s+(?:the\\s+)?|and\\s+|for\\s+)?){1,7}${CAP})\\s+\\(([A-Z]{2,6})\\)`, 'gu');
/** What every ACRONYM_DEF match holds. */
const ACRONYM_IN_PARENS = /\([A-Z]{2,6}\)/;
const LEADING_NOISE = /^(?:(?:The|A|An|On|In|At|By|Of|For|This|That|Chief|Head|Chairman|Deputy|Member|Dear|President|Minister|Secretary|General)\s+(?:of\s+(?:the\s+)?)?)+/;

function discoveredOrgs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ORG_PHRASE)) {
    const name = m[1].replace(LEADING_NOISE, '').trim();
    const words = name.split(/\s+/);
    const caps = words.filter((w) => /^[A-Z]/.test(w));
    if (caps.length >= 2 && words.length <= 6 && !words.some((w) => /['’]s$/.test(w))) out.push(name);
  }
  return out;
}

// --- operations and exercises ----------------------------------------------

const Q_OPEN = '[“"«]';
const Q_CLOSE = '[”"»]';
const OPERATION_NAMED = new RegExp(`${B}[Oo]peration[ \\t]+(?:${Q_OPEN} ?)?([A-Z][\\p{L}]+(?: - [A-Z][\\p{L}]+(?: [A-Z][\\p{L}]+)*)?)`, 'gu');
const OPERATION_QUOTED = new RegExp(`${B}(?:operations?|code\\s+name)\\s+(?:of\\s+the\\s+)?${Q_OPEN}\\s*([^”"»]{2,40}?)\\s*${Q_CLOSE}`, 'giu');
const EXERCISE_QUOTED = new RegExp(`${B}(?:trainings?|exercises?|drills?)\\s*(?:with\\s+[^“"«.]{0,40})?${Q_OPEN}\\s*([^”"»]{2,40}?)\\s*${Q_CLOSE}`, 'giu');
const NAME_YEAR = new RegExp(`${Q_OPEN}\\s*([A-Z][\\p{L}]+(?:\\s[A-Z][\\p{L}]+){0,2})\\s*-\\s*(?:19|20)\\d\\d\\s*${Q_CLOSE}`, 'gu');

interface Named {
  kind: 'operation' | 'exercise' | 'unknown';
  name: string;
}

function namedEvents(text: string): Named[] {
  const out: Named[] = [];
  const clean = (s: string) => s.replace(/\s*-\s*(?:19|20)\d\d$/, '').replace(/\s+/g, ' ').trim();
  for (const m of text.matchAll(OPERATION_NAMED)) out.push({ kind: 'operation', name: clean(m[1]) });
  for (const m of text.matchAll(OPERATION_QUOTED)) out.push({ kind: 'operation', name: clean(m[1]) });
  for (const m of text.matchAll(EXERCISE_QUOTED)) out.push({ kind: 'exercise', name: clean(m[1]) });
  for (const m of text.matchAll(NAME_YEAR)) out.push({ kind: 'unknown', name: clean(m[1]) });
  return out.filter((n) => /^[\p{Lu}]/u.test(n.name) && n.name.length >= 3 && !/^(?:On|The|In)\s/.test(n.name));
}

/** Transliteration-tolerant key: PROXY/PROXI, Nikolai/Nikolay, Yuri/Yury. */
function foldKey(s: string): string {
  // Asked again and again for the same names (every mention, twice, across a whole archive): remembered.
  let k = folded.get(s);
  if (k === undefined) {
    k = s.toLowerCase().replace(/y/g, 'i').replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/(.)\1+/g, '$1').trim();
    if (folded.size >= 200_000) folded.clear();
    folded.set(s, k);
  }
  return k;
}
const folded = new Map<string, string>();

/** The one name of an operation known under several (OPERATIONS), by folded key. */
const OPERATION_NAME = new Map(Object.entries(OPERATIONS).flatMap(([name, variants]) => [name, ...variants].map((v) => [foldKey(v), name] as const)));
const eventKey = (name: string) => foldKey(OPERATION_NAME.get(foldKey(name)) ?? name);

// --- people -----------------------------------------------------------------

const NAME_TOKEN = "[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";
const NAME_SEQ = new RegExp(`${B}(${NAME_TOKEN}(?: ${NAME_TOKEN}){1,6})${E}`, 'gu');
/** "Imangali Tasmagambetov, the ... Secretary General," */
const TITLE_AFTER = /^,\s+(?:the\s+)?[^,.]{0,80}?(?:Secretary General|President|Minister|Chairman|Chief|Head|spokesman|Ambassador)\b/;
/** "(Kazakhstan - Nursultan Nazarbayev, ...)" */
const COUNTRY_DASH = /[A-Z][\p{L}]+ [-–] $/u;
const isNotName = (t: string) => NOT_NAMES.has(t) || placeWords.has(t) || t.split('-').some((p) => NOT_NAMES.has(p));
const INITIAL_NAME = new RegExp(`${B}([A-Z])\\.\\s?(${NAME_TOKEN})${E}`, 'gu');
const PATRONYMIC = /(?:ovich|evich|ich|ovna|evna|ichna)$/;
const placeWords = new Set(Object.entries(PLACES).flatMap(([k, v]) => [k, ...v]).flatMap((s) => s.split(/\s+/)));

interface PersonMention {
  given: string;
  surname: string;
  patronymic: boolean;
}

function personMentions(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(NAME_SEQ)) {
    let tokens = m[1].split(/\s+/);
    // Drop leading words that are not names ("Colonel General Anatoly Sidorov" -> starts at Anatoly).
    let skipped = 0;
    while (tokens.length && isNotName(tokens[0])) {
      skipped += tokens[0].length + 1;
      tokens = tokens.slice(1);
    }
    while (tokens.length && isNotName(tokens[tokens.length - 1])) tokens = tokens.slice(0, -1);
    if (tokens.length < 2 || tokens.length > 3 || tokens.some(isNotName)) continue;
    const start = m.index + skipped;
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(start + tokens.join(' ').length, start + tokens.join(' ').length + 100);
    const patronymic = tokens.length === 3 && PATRONYMIC.test(tokens[1]);
    if (!(patronymic || PERSON_TITLES.test(before) || SPEECH_VERBS.test(after) || TITLE_AFTER.test(after) || COUNTRY_DASH.test(before))) continue;
    out.push({ given: tokens[0], surname: tokens[tokens.length - 1], patronymic });
  }
  for (const m of text.matchAll(INITIAL_NAME)) {
    if (NOT_NAMES.has(m[2]) || placeWords.has(m[2])) continue;
    out.push({ given: `${m[1]}.`, surname: m[2], patronymic: false });
  }
  return out;
}

interface PersonGroup {
  surnameKey: string;
  initial: string;
  surnames: Map<string, number>;
  givens: Map<string, number>;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function mostCommon(m: Map<string, number>): string {
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/**
 * What one document mentions, before variants are merged: the costly part
 * (every regex over the text), a pure function of the document's texts, so
 * the ingester computes it in its worker threads; plain data, so it crosses
 * threads as it is.
 */
export interface FacetMentions {
  known: string[];
  discovered: string[];
  acronymDefs: { full: string; acr: string }[];
  events: Named[];
  places: string[];
  people: PersonMention[];
}

export function facetMentions(paras: string[]): FacetMentions {
  const text = paras.join('\n');
  const orgs = findAliases(text, KNOWN_ORGS);
  const places = findAliases(orgs.masked, PLACE_ALIASES).found;
  // Most articles define no acronym: the costly pattern runs only where its one fixed part, "(ABC)", is.
  const acronymDefs = ACRONYM_IN_PARENS.test(text) ? [...text.matchAll(ACRONYM_DEF)].map((m) => ({ full: m[1].replace(LEADING_NOISE, ''), acr: m[2] })) : [];
  return { known: orgs.found, discovered: discoveredOrgs(orgs.masked), acronymDefs, events: namedEvents(text), places, people: personMentions(text) };
}

/** Extracts facets for every document; variants are merged across the whole archive. */
export function extractFacets(docs: string[][]): Facets[] {
  return resolveFacets(docs.map(facetMentions));
}

/** Facets from every document's mentions: spelling variants merged across the whole archive. */
export function resolveFacets(perDoc: FacetMentions[]): Facets[] {

  // People: group by surname (tolerating one typo in long surnames) and given-name initial.
  // Looked up by exact key, then through each key's one-deletion variants (two keys one edit
  // apart always share one), so a large archive with many names never compares every pair.
  // Among fuzzy candidates the group made first wins, as a scan in creation order would pick.
  const exact = new Map<string, PersonGroup>();
  const byVariant = new Map<string, { g: PersonGroup; order: number }[]>();
  let made = 0;
  const variants = (key: string) => [key, ...Array.from(key, (_, i) => key.slice(0, i) + key.slice(i + 1))];
  const groupOf = (p: PersonMention): PersonGroup => {
    const key = foldKey(p.surname);
    const initial = p.given[0];
    const bucketKey = `${initial}|${key.slice(0, 2)}|`;
    let g = exact.get(bucketKey + key);
    if (!g && key.length >= 6) {
      let best: { g: PersonGroup; order: number } | undefined;
      for (const v of new Set(variants(key))) {
        for (const x of byVariant.get(bucketKey + v) ?? []) {
          if ((!best || x.order < best.order) && levenshtein(x.g.surnameKey, key, 1) <= 1) best = x;
        }
      }
      g = best?.g;
    }
    if (!g) {
      g = { surnameKey: key, initial, surnames: new Map(), givens: new Map() };
      exact.set(bucketKey + key, g);
      const entry = { g, order: made++ };
      for (const v of new Set(variants(key))) {
        const list = byVariant.get(bucketKey + v);
        if (list) list.push(entry);
        else byVariant.set(bucketKey + v, [entry]);
      }
    }
    return g;
  };
  for (const d of perDoc) for (const p of d.people) {
    const g = groupOf(p);
    bump(g.surnames, p.surname);
    if (!p.given.endsWith('.')) bump(g.givens, p.given);
  }
  const personName = (p: PersonMention): string => {
    const g = groupOf(p);
    const given = g.givens.size ? displayGiven(g.givens) : p.given;
    return `${given} ${mostCommon(g.surnames)}`;
  };

  // Operations and exercises: one name per folded key; "operation" wins when any mention says so.
  const events = new Map<string, { kind: Named['kind']; names: Map<string, number> }>();
  for (const d of perDoc) for (const e of d.events) {
    const k = eventKey(e.name);
    const cur = events.get(k) ?? { kind: e.kind, names: new Map() };
    if (e.kind === 'operation' || cur.kind === 'unknown') cur.kind = e.kind;
    bump(cur.names, e.name);
    events.set(k, cur);
  }
  const eventName = (e: Named): string => {
    const ev = events.get(eventKey(e.name))!;
    const name = OPERATION_NAME.get(foldKey(e.name)) ?? mostCommon(ev.names);
    return ev.kind === 'operation' ? `Operation ${name}` : `Exercise ${name}`;
  };

  // Acronyms defined anywhere ("Collective Security Council (CSC)") name the same body everywhere.
  const acronyms = new Map<string, string>();
  for (const d of perDoc) for (const a of d.acronymDefs) if (!acronyms.has(a.acr)) acronyms.set(a.acr, a.full);
  const knownCanonical = new Map([...KNOWN_ORGS.canonical].map(([variant, name]) => [foldKey(variant), name]));
  const orgName = (name: string): string => {
    const full = acronyms.get(name) ?? name;
    return knownCanonical.get(foldKey(full)) ?? knownCanonical.get(foldKey(full.replace(/^CSTO\s+/, ''))) ?? full;
  };

  const out = perDoc.map((d) => ({
    people: ranked(d.people.map(personName)),
    places: ranked(d.places),
    organizations: ranked([...d.known, ...d.discovered.map(orgName), ...d.events.map(eventName)]),
  }));
  return mergePrefixed(out, knownCanonical);
}

/**
 * "Parliamentary Assembly" and "CSTO Parliamentary Assembly" are one body
 * where the document makes them one: it names both, or its main subject is
 * the organization the prefix stands for (a CSTO page's "Parliamentary
 * Assembly" is the CSTO's). Elsewhere the bare name stays as it is.
 */
function mergePrefixed(facets: Facets[], knownCanonical: Map<string, string>): Facets[] {
  const prefixed = new Map<string, string[]>();
  for (const o of new Set(facets.flatMap((f) => f.organizations))) {
    const m = /^([A-Z]{2,6}) (.+)$/.exec(o);
    if (m) prefixed.set(m[2], [...(prefixed.get(m[2]) ?? []), o]);
  }
  if (prefixed.size === 0) return facets;
  return facets.map((f) => {
    const subject = f.organizations[0];
    const mapped = f.organizations.map((o) => {
      const candidates = prefixed.get(o);
      if (!candidates) return o;
      return candidates.find((c) => f.organizations.includes(c)) ?? candidates.find((c) => knownCanonical.get(foldKey(c.split(' ')[0])) === subject) ?? o;
    });
    return { ...f, organizations: [...new Set(mapped)] };
  });
}

/** Nikolai and Nikolay are one name: show the most common spelling. */
function displayGiven(givens: Map<string, number>): string {
  const byKey = new Map<string, Map<string, number>>();
  for (const [g, n] of givens) {
    const k = foldKey(g);
    if (!byKey.has(k)) byKey.set(k, new Map());
    byKey.get(k)!.set(g, n);
  }
  const best = [...byKey.values()].sort((a, b) => sum(b) - sum(a))[0];
  return mostCommon(best);
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Distinct values, most mentioned first. */
function ranked(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) bump(counts, v);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}
