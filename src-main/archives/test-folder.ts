/** Tests only: a small folder of headline-first stories, as a person's archive looks, and the same as upload files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PROSE = 'officials said the council would meet again next week to discuss the budget for the harbour and the market, and traders welcomed the plan';

export function storyText(title: string, n: number, extra = ''): string {
  const paras = [0, 1, 2].map((i) => `${title.split(' ')[0]} story paragraph ${i + 1} number ${n}: ${PROSE} ${extra}`.trim());
  return `${title}\n\n${paras.join('\n\n')}\n`;
}

/** `count` stories in two section folders: `<section>/<nn>.txt`. */
export function storyFiles(count: number, prefix = 'Story'): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const section = i % 2 ? 'sport' : 'business';
    files[`${section}/${String(i).padStart(3, '0')}.txt`] = storyText(`${prefix} ${i} about the harbour town`, i);
  }
  return files;
}

export function writeFolder(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
