/** Window size and position remembered across runs, and kept on a screen that exists. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from './window-state';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];

describe('window state', () => {
  test('a saved size and position come back after a restart', () => {
    const file = join(tempDir('ws-'), 'window-state.json');
    saveWindowState(file, { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true });
    const back = fitToDisplays(loadWindowState(file), laptop);
    expect(back).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8')).bounds.width).toBe(1000);
  });

  test('missing, corrupt or nonsense files give the default instead of failing', () => {
    const dir = tempDir('ws-');
    expect(loadWindowState(join(dir, 'absent.json'))).toEqual(DEFAULT_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"bounds": {"width": "wide"');
    expect(loadWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_STATE);
    expect(parseWindowState('{"bounds":{"width":"1","height":2}}')).toEqual(DEFAULT_STATE);
    expect(parseWindowState('[]')).toEqual(DEFAULT_STATE);
  });

  test('a tiny saved window is grown to the minimum size', () => {
    expect(parseWindowState('{"bounds":{"width":10,"height":10}}').bounds).toEqual({ width: 640, height: 480 });
  });

  test('a window left on an unplugged monitor is re-centred on a screen that exists', () => {
    const state = { bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false };
    const twoScreens = [...laptop, { x: 1440, y: 0, width: 1920, height: 1080 }];
    expect(fitToDisplays(state, twoScreens).bounds).toEqual(state.bounds);
    expect(fitToDisplays(state, laptop).bounds).toEqual({ width: 1200, height: 800 });
  });

  test('a window larger than every screen is shrunk to fit', () => {
    const state = { bounds: { x: 0, y: 0, width: 4000, height: 3000 }, maximized: false };
    expect(fitToDisplays(state, laptop).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });
});
