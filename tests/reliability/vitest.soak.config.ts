/**
 * `npm run test:soak`: the long variants of the reliability suites
 * (tests/reliability), with SOAK=1 so each picks its full size (e.g. 10,000
 * queries per archive instead of 1,000). Kept out of vitest.config.ts's
 * projects so `npm test` runs only the quick variants of the same files.
 * One file at a time: the machine is shared and the figures are latencies.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

process.env.SOAK = '1';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'soak',
    environment: 'node',
    include: ['tests/reliability/**/*.test.ts'],
    env: { SOAK: '1' },
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
