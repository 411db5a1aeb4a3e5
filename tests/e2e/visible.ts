/**
 * What a person sees of an element, for the appearance tests: whether it is
 * inside the window, its text colour's contrast against the background it is
 * painted on (WCAG ratio, walking up to the first opaque background), and that
 * background. A screenshot's file size says nothing; these say whether the
 * text can be read.
 */
import type { Locator } from 'playwright-core';

export interface Seen {
  /** The element's box lies within the viewport (at least partly) and has a size. */
  inViewport: boolean;
  /** WCAG contrast ratio of the text colour against the effective background (1 to 21). */
  contrast: number;
  /** The background a person sees behind the element (its own and its ancestors', composited), as rgb(r, g, b). */
  background: string;
}

/**
 * `pseudo` reads a highlight painted over the element's text instead (`::highlight(name)`): its text colour, and
 * its background composited over the element's.
 */
export async function seen(locator: Locator, pseudo?: string): Promise<Seen> {
  return locator.evaluate((el, pseudo) => {
    type El = { parentElement: El | null; getBoundingClientRect(): { top: number; left: number; bottom: number; right: number; width: number; height: number } };
    const w = globalThis as unknown as {
      getComputedStyle(e: El, pseudo?: string): { color: string; backgroundColor: string };
      innerWidth: number;
      innerHeight: number;
    };
    // rgb()/rgba() in 0-255, or color(srgb r g b / a) in 0-1 (what color-mix() computes to).
    const rgba = (c: string): number[] => {
      const n = (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
      return c.startsWith('color(srgb') ? [n[0] * 255, n[1] * 255, n[2] * 255, n[3] ?? 1] : n;
    };
    const lum = ([r, g, b]: number[]): number => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // The painted background: the element's and its ancestors' backgrounds, composited until an opaque one.
    const layers: number[][] = [];
    if (pseudo) {
      const [r, g, b, a = 1] = rgba(w.getComputedStyle(el as unknown as El, pseudo).backgroundColor);
      if (a > 0) layers.push([r, g, b, a]);
    }
    for (let e: El | null = el as unknown as El; e; e = e.parentElement) {
      const [r, g, b, a = 1] = rgba(w.getComputedStyle(e).backgroundColor);
      if (a > 0) layers.push([r, g, b, a]);
      if (a >= 1) break;
    }
    let painted = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) painted = [r, g, b].map((v, i) => a * v + (1 - a) * painted[i]);
    const background = `rgb(${painted.map((v) => Math.round(v)).join(', ')})`;
    const fg = lum(rgba(w.getComputedStyle(el as unknown as El, pseudo).color));
    const bg = lum(painted);
    const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const box = (el as unknown as El).getBoundingClientRect();
    const inViewport = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < w.innerHeight && box.left < w.innerWidth;
    return { inViewport, contrast, background };
  }, pseudo);
}
