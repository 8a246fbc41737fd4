/**
 * The per-exercise fixture corpus, discovered from the catalog:
 *   tests/fixtures/buggy/<chapter>/<exercise>/<bug>.ts     a realistic wrong implementation; its first
 *       line says which property must catch it:  // expect-fail: <property>[, <property>...]
 *   tests/fixtures/variants/<chapter>/<exercise>/<name>.ts a differently written correct one
 * Each fixture is graded as if it were the student's file.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExerciseDef } from '../catalog/types.ts';
import { INSTALL_ROOT } from '../paths.ts';

export const FIXTURES_DIR = join(INSTALL_ROOT, 'tests', 'fixtures');

export interface BuggyFixture {
  name: string;
  path: string;
  expectFail: string[];
}

export function buggyFixtures(def: ExerciseDef, fixturesDir = FIXTURES_DIR): BuggyFixture[] {
  const dir = join(fixturesDir, 'buggy', def.chapter, def.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const first = readFileSync(path, 'utf8').split('\n')[0] ?? '';
      const match = /^\/\/\s*expect-fail:\s*(.+)$/.exec(first.trim());
      return { name: f.replace(/\.ts$/, ''), path, expectFail: match ? match[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [] };
    });
}

export function variantFixtures(def: ExerciseDef, fixturesDir = FIXTURES_DIR): { name: string; path: string }[] {
  const dir = join(fixturesDir, 'variants', def.chapter, def.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ name: f.replace(/\.ts$/, ''), path: join(dir, f) }));
}

/** A throw-away submission folder holding `file` as the student's file for `def`. */
export function submissionWith(def: ExerciseDef, file: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-sub-'));
  const target = join(dir, def.chapter, def.name);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, def.file), readFileSync(file));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A throw-away submission folder holding `source` as the student's file for `def`. */
export function submissionWithSource(def: ExerciseDef, source: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-sub-'));
  const target = join(dir, def.chapter, def.name);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, def.file), source);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A submission folder holding the stubs of the given exercises. */
export function stubSubmission(defs: ExerciseDef[]): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-stub-'));
  for (const def of defs) {
    const target = join(dir, def.chapter, def.name);
    mkdirSync(target, { recursive: true });
    cpSync(join(def.dir, def.file), join(target, def.file));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
