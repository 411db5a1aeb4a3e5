/**
 * Rasterizes build/icon.svg into the icon files electron-builder packs:
 * build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.ico
 * (Windows, PNG entries) and build/icon.icns (macOS, PNG entries). Drawn by
 * the system Chromium through playwright-core so no image tool is needed.
 * Run after changing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/support/chromium';

const buildDir = resolve(import.meta.dirname, '..', 'build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function ico(pngs: Map<number, Buffer>, sizes: number[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * sizes.length;
  for (const s of sizes) {
    const png = pngs.get(s)!;
    const e = Buffer.alloc(16);
    e.writeUInt8(s >= 256 ? 0 : s, 0);
    e.writeUInt8(s >= 256 ? 0 : s, 1);
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...sizes.map((s) => pngs.get(s)!)]);
}

function icns(pngs: Map<number, Buffer>): Buffer {
  const types: [string, number][] = [
    ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
    ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
  ];
  const chunks = types.map(([type, size]) => {
    const png = pngs.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main(): Promise<void> {
  const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const pngs = new Map<number, Buffer>();
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), pngs.get(size)!);
  writeFileSync(join(buildDir, 'icon.png'), pngs.get(1024)!);
  writeFileSync(join(buildDir, 'icon.ico'), ico(pngs, [16, 24, 32, 48, 64, 128, 256]));
  writeFileSync(join(buildDir, 'icon.icns'), icns(pngs));
  console.log(`icons written to ${buildDir}: ${SIZES.join(', ')} px, icon.ico, icon.icns`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
