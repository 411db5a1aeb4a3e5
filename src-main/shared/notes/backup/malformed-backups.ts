/**
 * A good backup file of the fixture database and the malformed variants every
 * restore path must refuse (unit tests check the message; the Chromium tests
 * check the database is unchanged). Test data only.
 */
import { FIXTURE_SNAPSHOT } from '../test-fixtures';
import { createBackup } from './backup-format';

export const GOOD_BACKUP = createBackup(FIXTURE_SNAPSHOT, { appVersion: '0.1.0', createdAt: '2026-01-15T09:00:00.000Z', schemaVersion: 1 });
const GOOD = GOOD_BACKUP;

/** The good backup as an object, changed by `edit`, as text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function backupVariant(edit: (file: any) => void): string {
  const file = JSON.parse(GOOD);
  edit(file);
  return JSON.stringify(file);
}
const variant = backupVariant;

/** [what is wrong, the file's text, what the message must say]. `maxChars` cases pass a small limit instead. */
export const MALFORMED_BACKUPS: Array<[name: string, text: string, message: RegExp]> = [
  ['an empty file', '', /is empty/],
  ['a file that is not JSON (a PDF)', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /not a JSON file/],
  ['plain text', 'my notes, please restore', /not a JSON file/],
  ['a truncated file', GOOD.slice(0, Math.floor(GOOD.length * 0.6)), /incomplete.*cut off/],
  ['a file cut inside a string', GOOD.slice(0, GOOD.indexOf('heads of state') + 5), /incomplete/],
  ['JSON with a syntax error', GOOD.replace('"formatVersion": 2,', '"formatVersion": 2,,'), /not valid JSON/],
  ['a JSON list', '[1, 2, 3]', /not an Archive Reader backup/],
  ['another app\'s file', JSON.stringify({ formatName: 'obsidian-vault', version: 3 }), /another app.*obsidian-vault/],
  ['JSON without a header', JSON.stringify({ annotations: [] }), /no "formatName"/],
  ['a raw Dexie export', JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'other-db' } }), /raw Dexie database export of the database "other-db"/],
  ['a W3C annotation file', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' }), /W3C annotation file.*Import annotations/],
  ['a newer format version', variant((f) => ((f.formatVersion = 7), (f.appVersion = '9.0.0'))), /newer Archive Reader \(app version 9\.0\.0\), format version 7.*Update/],
  ['a non-numeric format version', variant((f) => (f.formatVersion = '1')), /format version is text "1"/],
  ['a missing creation date', variant((f) => delete f.createdAt), /its creation date is missing/],
  ['a missing table', variant((f) => delete f.tables.tags), /table "tags" is missing/],
  ['an unknown table', variant((f) => (f.tables.passwords = [])), /unknown table "passwords"/],
  ['counts that do not match the rows', variant((f) => f.tables.annotations.pop()), /the table "annotations" holds 7 rows but it contains 6/],
  ['a duplicated annotation id', variant((f) => ((f.tables.annotations[2].id = f.tables.annotations[0].id))), /Annotation 3 \("a1-plain"\): the id is the same as annotation 1's \(duplicated id\)/],
  ['a duplicated tag name (case-insensitive)', variant((f) => (f.tables.tags[1].name = 'SUMMIT')), /Tag 2 \("SUMMIT"\).*duplicated name/],
  ['a "__proto__" key', GOOD.replace('"id":"a1-plain"', '"__proto__":{"polluted":true},"id":"a1-plain"'), /key "__proto__" \(at tables\.annotations\[0\]\.__proto__\)/],
  ['a "constructor" key', GOOD.replace('"key":"theme"', '"constructor":{"prototype":{}},"key":"theme"'), /key "constructor"/],
  ['a 50 MB note', variant((f) => (f.tables.annotations[1].note = 'x'.repeat(50 * 1024 * 1024))), /Annotation 2 \("a2-markdown"\): note is too long \(52,428,800 characters; the limit is 5,000,000\)/],
  ['a file over the size limit', 'x', /too large/], // replaced below with a maxChars option
  ['a wrong type in a row', variant((f) => (f.tables.annotations[0].tags = 'summit')), /Annotation 1 \("a1-plain"\): tags should be a list, not text "summit"/],
  ['an unknown colour', variant((f) => (f.tables.annotations[0].color = 'red')), /color should be one of yellow, green/],
  ['a position that ends before it starts', variant((f) => (f.tables.annotations[0].position.end = 1)), /position ends \(1\) before it starts \(120\)/],
  ['a bad timestamp', variant((f) => (f.tables.annotations[0].created = 'yesterday')), /created is not a date and time \("yesterday"\)/],
  ['an unknown field in a row', variant((f) => (f.tables.docState[0].isAdmin = true)), /Article state 1 .*unknown field "isAdmin"/],
  ['a reading position out of range', variant((f) => (f.tables.docState[0].readingPosition = 5)), /readingPosition should be null or a fraction/],
  ['a tag colour carrying CSS', variant((f) => (f.tables.tags[0].color = 'red; background: url(http://evil)')), /is not a CSS colour/],
  ['a row that is not an object', variant((f) => (f.tables.settings[0] = 'colors')), /Setting 1: should be an object, not text "colors"/],
  ['an empty quote', variant((f) => (f.tables.annotations[0].quote.exact = '')), /quote\.exact is empty/],
  ['nesting 1000 levels deep', variant((f) => (f.tables.settings[1].value = JSON.parse('['.repeat(1000) + ']'.repeat(1000)))), /nested more than 64 levels/],
];
