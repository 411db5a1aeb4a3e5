/**
 * Three kinds of test, one runner:
 *  - unit:    `*.test.ts` next to the code, in Node (archive, main-side handlers, pure renderer modules);
 *  - browser: `*.browser.test.ts(x)` in a real Chromium (real IndexedDB, real DOM ranges);
 *  - e2e:     `tests/e2e/*.e2e.test.ts`, playwright-core driving Chromium against `npm run web`.
 * Chromium is found through CHROMIUM_PATH, else the system's chromium (see tests/support/chromium.ts).
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src-main/**/*.test.ts', 'src-renderer/src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/first-run/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/reliability/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/safety/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/*.browser.test.tsx', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Pre-bundle React up front: discovering it mid-run makes Vite reload the page and fail the test.
        optimizeDeps: {
          include: ['react', 'react/jsx-dev-runtime', 'react/jsx-runtime', 'react-dom', 'react-dom/client', '@tanstack/react-virtual'],
        },
        test: {
          name: 'browser',
          include: ['src-renderer/src/**/*.browser.test.ts', 'src-renderer/src/**/*.browser.test.tsx'],
          testTimeout: 60_000,
          // What the page shows after a click may take more than expect.poll's default second on a
          // loaded two-core machine (the projects run side by side): a failing poll still fails.
          expect: { poll: { timeout: 5_000 } },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 5_000 } },
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
