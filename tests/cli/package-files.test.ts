/**
 * What the npm package ships (package.json `files`, read by `npm pack --dry-run --json`): the
 * grader, the references, the templates and the public course material; never solutions/, never
 * tests/, and never the spec of an exercise with hidden properties (their checks stay with the
 * instructor; the assignment bundle strips them, tests/instructor/bundle.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

describe('the npm package', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: INSTALL_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = packed[0]!.files.map((f) => f.path);
  const catalog = loadCatalog();

  it('ships no solution, no test, no fixture', () => {
    expect(files.filter((p) => /^(solutions|tests)\//.test(p) || p.endsWith('.test.ts'))).toEqual([]);
  });

  it('ships the spec of no exercise with hidden properties, and every other spec', () => {
    for (const def of catalog.exercises) {
      const spec = `exercises/${def.chapter}/${def.name}/spec.ts`;
      const hidden = def.properties.some((p) => p.hidden);
      // a spec missing here: run `node --import tsx tests/tools/update-package-files.ts`
      expect(files.includes(spec), `${spec} (hidden properties: ${hidden}); fix: node --import tsx tests/tools/update-package-files.ts`).toBe(!hidden);
    }
  });

  it('ships what the grader needs to run', () => {
    for (const path of ['bin/dlgrade.js', 'grader/cli/main.ts', 'grader/regrade/worker-entry.js', 'grader/schema/result.schema.json', 'package.json', 'README.md']) expect(files).toContain(path);
    expect(files.some((p) => p.startsWith('reference/'))).toBe(true);
    expect(files.some((p) => p.startsWith('templates/'))).toBe(true);
  });
});
