/**
 * The per-exercise fixture corpus, discovered from the catalog:
 *   tests/fixtures/buggy/<chapter>/<exercise>/<bug>.ts     a realistic wrong implementation; its first
 *       line says which property must catch it:  // expect-fail: <property>[, <property>...]
 *       A bug that is a convention swap (a result right under a convention the statement excludes:
 *       TensorFlow's gate order, α on the other term) says so on a line of its header comment,
 *       // convention-swap: <function>, and must then earn nothing from that function's properties
 *       (docs/authoring.md, "Partial credit"; tests/catalog/convention-swap.test.ts).
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
  /** the exported function whose convention this bug swaps (`// convention-swap: <function>`), if it is one */
  conventionSwap?: string;
}

export function buggyFixtures(def: ExerciseDef, fixturesDir = FIXTURES_DIR): BuggyFixture[] {
  const dir = join(fixturesDir, 'buggy', def.chapter, def.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const lines = readFileSync(path, 'utf8').split('\n');
      const match = /^\/\/\s*expect-fail:\s*(.+)$/.exec((lines[0] ?? '').trim());
      const fixture: BuggyFixture = { name: f.replace(/\.ts$/, ''), path, expectFail: match ? match[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [] };
      // the header comment: the leading lines that are line comments
      for (const line of lines) {
        if (!line.trim().startsWith('//')) break;
        const swap = /^\/\/\s*convention-swap:\s*(\S+)\s*$/.exec(line.trim());
        if (swap) fixture.conventionSwap = swap[1]!;
      }
      return fixture;
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
