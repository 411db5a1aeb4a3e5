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
