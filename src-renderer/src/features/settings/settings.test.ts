import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  SETTINGS_KEY,
  loadSettings,
  resolveTheme,
  restoreSettings,
  saveSettings,
  type KeyValueStore,
} from './settings';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('restoreSettings', () => {
  test('fills defaults for anything missing or invalid', () => {
    expect(restoreSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({ theme: 'neon', fontSize: 'big', lineWidth: 3, extra: true })).toEqual(DEFAULT_SETTINGS);
  });

  test('keeps valid values and clamps the font size', () => {
    expect(restoreSettings({ theme: 'sepia', fontSize: 21.4, lineWidth: 'wide' })).toEqual({
      theme: 'sepia',
      fontSize: 21,
      lineWidth: 'wide',
    });
    expect(restoreSettings({ fontSize: 400 }).fontSize).toBe(FONT_SIZE_MAX);
    expect(restoreSettings({ fontSize: -1 }).fontSize).toBe(FONT_SIZE_MIN);
    expect(restoreSettings({ fontSize: Number.NaN }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });
});

describe('load and save', () => {
  test('what is saved is what loads', () => {
    const store = memoryStore();
    expect(saveSettings(store, { theme: 'dark', fontSize: 22, lineWidth: 'narrow' })).toBe(true);
    expect(loadSettings(store)).toEqual({ theme: 'dark', fontSize: 22, lineWidth: 'narrow' });
  });

  test('corrupt storage loads defaults instead of throwing', () => {
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: '{not json' }))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  test('a storage that refuses to write reports it rather than throwing', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveSettings(full, DEFAULT_SETTINGS)).toBe(false);
  });
});

test('the system theme follows the platform preference', () => {
  expect(resolveTheme('system', true)).toBe('dark');
  expect(resolveTheme('system', false)).toBe('light');
  expect(resolveTheme('sepia', true)).toBe('sepia');
});
