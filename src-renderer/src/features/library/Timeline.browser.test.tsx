/**
 * The timeline at any span, in a real Chromium: a century-long archive (a
 * story dated 1920 among ones from 2004-2006) shows decades, a decade opens
 * into its years, a year filters, and no label is clipped or overlaps the next.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../styles/index.css';
import { Timeline, timelineBuckets } from './Timeline';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CENTURY = [
  { year: 1920, count: 1 },
  { year: 1987, count: 2 },
  { year: 2001, count: 3 },
  { year: 2004, count: 410 },
  { year: 2005, count: 1790 },
  { year: 2006, count: 24 },
];

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function mount(years: typeof CENTURY, width = 900, pending = false): { selected: () => number | undefined } {
  host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  let current: number | undefined;
  function Harness() {
    const [year, setYear] = useState<number | undefined>(undefined);
    current = year;
    return <Timeline years={years} pending={pending} selected={year} onSelect={setYear} />;
  }
  root = createRoot(host);
  act(() => root!.render(<Harness />));
  return { selected: () => current };
}

/** Every label fits its bar and none overlaps its neighbour. */
function labelsLegible(): boolean {
  const labels = Array.from(host!.querySelectorAll<HTMLElement>('.timeline-year'));
  return labels.every((l, i) => {
    const r = l.getBoundingClientRect();
    const next = labels[i + 1]?.getBoundingClientRect();
    return l.scrollWidth <= l.clientWidth + 1 && (!next || r.right <= next.left);
  });
}

test('a short span is shown year by year, gaps included', () => {
  const { by, buckets } = timelineBuckets([{ year: 2013, count: 1 }, { year: 2024, count: 5 }], undefined);
  expect(by).toBe('year');
  expect(buckets.map((b) => b.label)).toHaveLength(12);
});

test('a century is shown by decade; a decade opens into its years; a year filters', async () => {
  const t = mount(CENTURY);
  const decades = page.getByRole('group', { name: 'Open a decade' });
  await expect.element(decades.getByRole('button', { name: '2000s, 2,227 items' })).toBeVisible();
  expect(host!.querySelectorAll('.timeline-col')).toHaveLength(9); // 1920s … 2000s, empty decades included
  await expect.element(decades.getByRole('button', { name: '1930s, 0 items' })).toBeDisabled();
  expect(labelsLegible()).toBe(true);

  await userEvent.click(decades.getByRole('button', { name: /^2000s/ }));
  const years = page.getByRole('group', { name: 'Filter by year' });
  await expect.element(years.getByRole('button', { name: '2005, 1,790 items' })).toBeVisible();
  expect(host!.querySelectorAll('.timeline-col')).toHaveLength(10);
  await userEvent.click(years.getByRole('button', { name: /^2005,/ }));
  expect(t.selected()).toBe(2005);
  await expect.element(years.getByRole('button', { name: /^2005,/ })).toHaveAttribute('aria-pressed', 'true');
  expect(labelsLegible()).toBe(true);

  await userEvent.click(page.getByRole('button', { name: 'All decades' }));
  await expect.element(page.getByRole('group', { name: 'Open a decade' })).toBeVisible();
});

test('labels stay legible in a narrow window (the bars scroll rather than squeeze)', () => {
  mount(Array.from({ length: 20 }, (_, i) => ({ year: 2001 + i, count: i + 1 })), 360);
  expect(host!.querySelectorAll('.timeline-col')).toHaveLength(20);
  expect(labelsLegible()).toBe(true);
});

test('while the filtered counts are on their way, the bars hold the place they will have, without figures, and cannot be pressed', async () => {
  const YEARS = [
    { year: 2013, count: 4 },
    { year: 2015, count: 9 },
  ];
  mount(YEARS, 900, true);
  const section = page.getByRole('region', { name: 'Timeline' });
  const waiting = { height: section.element().getBoundingClientRect().height, bars: host!.querySelectorAll('.timeline-bar').length };
  expect(section.element().getAttribute('aria-busy')).toBe('true');
  expect(host!.querySelector('.timeline-count')!.textContent).toBe('');
  for (const bar of host!.querySelectorAll<HTMLButtonElement>('.timeline-bar')) expect(bar.disabled).toBe(true);
  act(() => root!.unmount());
  host!.remove();
  // The answer: the same height, so the rows below it stay where they were.
  mount(YEARS, 900, false);
  await expect.element(page.getByRole('button', { name: '2015, 9 items' })).toBeEnabled();
  expect(section.element().getBoundingClientRect().height).toBe(waiting.height);
  expect(host!.querySelectorAll('.timeline-bar').length).toBe(waiting.bars);
  expect(section.element().getAttribute('aria-busy')).toBeNull();
});
