/**
 * Highlight colours: the id is stable and stored; the label is the person's.
 * Kept apart from the row schemas so the model and every schema read one list.
 */
export const COLOR_IDS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type ColorId = (typeof COLOR_IDS)[number];

export interface ColorDef {
  id: ColorId;
  label: string;
  /** CSS colour used for the highlight background in light theme. */
  hex: string;
}

export const DEFAULT_COLORS: readonly ColorDef[] = [
  { id: 'yellow', label: 'Key fact', hex: '#ffe066' },
  { id: 'green', label: 'Evidence', hex: '#8ce99a' },
  { id: 'blue', label: 'Context', hex: '#74c0fc' },
  { id: 'pink', label: 'Question', hex: '#faa2c1' },
  { id: 'purple', label: 'Follow up', hex: '#d0bfff' },
  { id: 'orange', label: 'Disputed', hex: '#ffc078' },
];

/** Colour of a tag that has none of its own. */
export const DEFAULT_TAG_COLOR = '#868e96';

/** Colours a new tag is given, so tags are told apart at a glance (the person can change any). */
export const TAG_PALETTE: readonly string[] = ['#e8590c', '#2f9e44', '#1971c2', '#c2255c', '#6741d9', '#0c8599', '#e67700', '#5c940d'];

/** The palette colour for a tag name: the same name always gets the same colour. */
export function tagColorFor(name: string): string {
  let h = 2166136261;
  for (const ch of name.normalize('NFC').toLocaleLowerCase()) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return TAG_PALETTE[h % TAG_PALETTE.length]!;
}
