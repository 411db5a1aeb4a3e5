/**
 * The boundary lint can fail: ESLint with the project's own config
 * (eslint.config.js) over a small tree of deliberate violations
 * (tests/lint/fixtures/violations, laid out like the repository) must report
 * each of them, and must let the one allowed import through. `npm run lint`
 * runs the same config over src-main and src-renderer.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const fixture = resolve(root, 'tests/lint/fixtures/violations');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

function lintFixture(): Map<string, string[]> {
  let out: string;
  try {
    out = execFileSync(process.execPath, [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--config', resolve(root, 'eslint.config.js'), '--format', 'json', '.'], {
      cwd: fixture,
      encoding: 'utf8',
      env: { ...process.env, ESLINT_PLUGIN_BOUNDARIES_ROOT_PATH: fixture },
    });
    throw new Error('ESLint passed the violation fixture: the boundary check cannot fail');
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e;
    out = err.stdout;
  }
  const byFile = new Map<string, string[]>();
  for (const r of JSON.parse(out) as LintResult[]) {
    byFile.set(r.filePath.slice(fixture.length + 1), r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  }
  return byFile;
}

describe('the boundary lint reports every deliberate violation', () => {
  const found = lintFixture();
  const at = (file: string) => (found.get(file) ?? []).join('\n');

  it('src-main never imports src-renderer', () => {
    expect(at('src-main/cli/imports-renderer.ts')).toMatch(/boundaries\/dependencies: .*"main" to elements of type "db"/);
  });
  it('the renderer never imports main\'s Node code', () => {
    expect(at('src-renderer/src/db/uses-node.ts')).toMatch(/boundaries\/dependencies: .*"db" to elements of type "main"/);
  });
  it('shared imports nothing outside shared and no Node API', () => {
    expect(at('src-main/shared/uses-archive.ts')).toMatch(/"shared" to elements of type "main"/);
    expect(at('src-main/shared/uses-node-api.ts')).toMatch(/no-restricted-imports: .*no Node/);
  });
  it('the platform imports no feature', () => {
    expect(at('src-renderer/src/platform/uses-feature.ts')).toMatch(/"platform" to elements of type "feature"/);
  });
  it('a feature uses another only through its index', () => {
    expect(at('src-renderer/src/features/beta/beta.ts')).toMatch(/feature="beta" to elements of type "feature" and captured values: feature="alpha"/);
    expect(at('src-renderer/src/features/beta/fine.ts')).not.toMatch(/boundaries\/dependencies/);
  });
  it('no cycle between folders', () => {
    expect(at('src-renderer/src/features/alpha/inner.ts')).toMatch(/local\/no-folder-cycles: Folder cycle: src-renderer\/src\/features\/alpha -> src-renderer\/src\/features\/beta -> src-renderer\/src\/features\/alpha/);
  });
});
