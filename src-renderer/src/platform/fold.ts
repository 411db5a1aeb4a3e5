/**
 * The renderer's one way to compare what a person types with a name or a
 * text: lower case, accents removed, any script (Latin, Cyrillic). Used by
 * the Notebook's search and the library's "Mentions" combobox, so "sao"
 * finds "São Paulo" and "москва" finds "Москва" the same way in both.
 */

/** Lower case, accents removed: "Élysée" finds "elysee". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
}
