/**
 * The type check has a limit of its own (grader/typecheck/bounded.ts): a type bomb in the
 * student's text stops the check, never the grading. Without the limit, grading
 * tests/fixtures/hostile/typecheck/type-bomb.ts would take the better part of an hour.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { findExportLine } from '../../grader/sandbox/compile.ts';
import { typecheckBounded } from '../../grader/typecheck/bounded.ts';
import { typecheckStudentFile, type TypecheckInput } from '../../grader/typecheck/typecheck.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

const ROOT = join(import.meta.dirname, '../..');
const BOMB = readFileSync(join(FIXTURES_DIR, 'hostile/typecheck/type-bomb.ts'), 'utf8');
const STUB = readFileSync(join(ROOT, 'exercises/ch15-losses/dice-loss/dice-loss.ts'), 'utf8');
const SOLUTION = readFileSync(join(ROOT, 'solutions/ch15-losses/dice-loss/dice-loss.ts'), 'utf8');

const input = (source: string, lang: 'es' | 'en' = 'es'): TypecheckInput => ({
  source,
  stubSource: STUB,
  fileName: 'dice-loss.ts',
  displayPath: 'exercises/ch15-losses/dice-loss/dice-loss.ts',
  exports: [{ name: 'diceLoss', signature: 'diceLoss(pred: number[][], target: number[][], smooth?: number): number' }],
  exportLine: (name) => findExportLine(source, name),
  lang,
});

const before = process.env['DLGRADE_TYPECHECK_CPU_MS'];
beforeAll(() => {
  // a short limit, so the test does not wait the default 30 s of CPU the bomb would use
  process.env['DLGRADE_TYPECHECK_CPU_MS'] = '3000';
});
afterAll(() => {
  if (before === undefined) delete process.env['DLGRADE_TYPECHECK_CPU_MS'];
  else process.env['DLGRADE_TYPECHECK_CPU_MS'] = before;
});

describe('the bounded type check', () => {
  it('finds what the check in the process finds, exports at their lines', async () => {
    const wrong = SOLUTION.replace('let intersection = 0;', 'let intersection: number = "0";').replace('): number {', '): string {');
    const bounded = await typecheckBounded(input(wrong, 'en'));
    const direct = await typecheckStudentFile(input(wrong, 'en'));
    expect(bounded.ok && direct.ok).toBe(true);
    if (!bounded.ok || !direct.ok) return;
    expect(bounded.diagnostics.map((d) => [d.code, d.line])).toContainEqual([2322, 3]);
    expect(bounded.diagnostics.some((d) => d.line === 2 && /does not match the statement's signature/.test(d.message))).toBe(true);
    expect(bounded.diagnostics).toEqual(direct.diagnostics);
    expect(await typecheckBounded(input(SOLUTION))).toMatchObject({ ok: true, diagnostics: [] });
  }, 120_000);

  it('stops a type bomb: one finding that says so, in Spanish and in English, then checks the next file', async () => {
    const es = await typecheckBounded(input(BOMB));
    expect(es.ok).toBe(true);
    if (!es.ok) return;
    expect(es.diagnostics).toHaveLength(1);
    expect(es.diagnostics[0]).toMatchObject({ line: 1, column: 1, code: 0 });
    expect(es.diagnostics[0]!.message).toMatch(/^la comprobación de tipos se detuvo: llevaba \d+ s( de CPU)? sin terminar .*No cuenta en la nota/);
    const [en, next] = await Promise.all([typecheckBounded(input(BOMB, 'en')), typecheckBounded(input(SOLUTION))]);
    expect(en.ok && en.diagnostics[0]!.message).toMatch(/^the type check was stopped: .*It does not count in the grade/);
    // the stopped worker is replaced: the file queued behind the bomb is checked as usual
    expect(next).toMatchObject({ ok: true, diagnostics: [] });
  }, 180_000);
});

describe('grading a type bomb', () => {
  it('finishes, grades the bomb’s correct function with full marks and its classmate too, and reports the stopped check', async () => {
    const catalog = loadCatalog();
    const dice = catalog.exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
    const neighbour = catalog.exercises.find((e) => e.id === 'ch15-losses/focal-loss')!;
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-type-bomb-'));
    try {
      mkdirSync(join(dir, dice.chapter, dice.name), { recursive: true });
      writeFileSync(join(dir, dice.chapter, dice.name, dice.file), BOMB);
      mkdirSync(join(dir, neighbour.chapter, neighbour.name), { recursive: true });
      cpSync(neighbour.solutionPath, join(dir, neighbour.chapter, neighbour.name, neighbour.file));
      const result = await gradeSubmission({ submissionDir: dir, exercises: [dice.id, neighbour.id], catalog, audience: 'instructor', runs: 10 });
      const bombed = result.exercises.find((e) => e.id === dice.id)!;
      expect([bombed.status, bombed.score]).toEqual(['pass', bombed.maxScore]);
      expect(bombed.typeErrors).toHaveLength(1);
      expect(bombed.typeErrors![0]!.message).toMatch(/^la comprobación de tipos se detuvo/);
      const other = result.exercises.find((e) => e.id === neighbour.id)!;
      expect([other.status, other.score, other.typeErrors]).toEqual(['pass', other.maxScore, undefined]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
