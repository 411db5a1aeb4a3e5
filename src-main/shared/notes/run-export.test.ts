import { describe, expect, it } from 'vitest';
import { exportAsync, exportFileName, exportSync } from './formats';
import { ExportCancelledError } from './run-export';
import { FIXTURE_ANNOTATIONS, fixtureInput } from './test-fixtures';

describe('running exports', () => {
  const many = Array.from({ length: 2000 }, (_, i) => ({ ...FIXTURE_ANNOTATIONS[i % FIXTURE_ANNOTATIONS.length], id: `n${i}` }));

  it('async gives the same file as sync, with progress to the total', async () => {
    const seen: number[] = [];
    const file = await exportAsync('md', fixtureInput({ annotations: many }), { onProgress: (d) => seen.push(d) });
    expect(file.text).toBe(exportSync('md', fixtureInput({ annotations: many })).text);
    expect(seen).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('stops with ExportCancelledError when cancelled mid-way', async () => {
    const controller = new AbortController();
    const run = exportAsync('html', fixtureInput({ annotations: many }), {
      signal: controller.signal,
      onProgress: (d) => d >= 500 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
  });

  it('names files from the title, keeping Cyrillic and dropping path characters', () => {
    expect(exportFileName('Заседание / ОДКБ: "2024"', 'md')).toBe('Заседание-ОДКБ-2024.md');
    expect(exportFileName('../../etc/passwd', 'csv')).toBe('etc-passwd.csv');
    expect(exportFileName('', 'json')).toBe('excerpts.jsonld');
    expect(exportSync('csl', fixtureInput()).fileName).toBe('Fixture-excerpts-quotes-hash-tags.csl.json');
  });

  it('a title with a line break stays one Markdown heading', () => {
    const md = exportSync('md', fixtureInput({ title: 'Line one\n# Injected heading' })).text;
    expect(md).toContain('# Line one \\# Injected heading\n');
    expect(md).not.toMatch(/^# Injected/m);
  });
});
