/**
 * Lets the app shell (the `/` shortcut, the menu's Find command) focus the
 * one box labelled "Search" wherever it is mounted.
 */
let focuser: (() => void) | null = null;

export function registerSearchFocus(fn: (() => void) | null): void {
  focuser = fn;
}

export function focusSearchBox(): void {
  focuser?.();
}

/** Set by Enter in the box: the search view focuses the first result once it has one. */
let focusFirstResult = false;

export function requestFirstResultFocus(): void {
  focusFirstResult = true;
}

/** True once after Enter: the caller should focus the first result. */
export function takeFirstResultFocus(): boolean {
  const v = focusFirstResult;
  focusFirstResult = false;
  return v;
}
