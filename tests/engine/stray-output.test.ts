/**
 * A stray rejection or exception in the student's code between calls is reported in the student's
 * captured output, with the runner's prefix in the reader's language.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';

const catalog = loadCatalog();
const dice = catalog.exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
const dir = mkdtempSync(join(tmpdir(), 'dlgrade-stray-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const solution = readFileSync(dice.solutionPath, 'utf8');
mkdirSync(join(dir, dice.chapter, dice.name), { recursive: true });
// a correct function that leaves a rejected promise and a thrown timer behind at load
writeFileSync(
  join(dir, dice.chapter, dice.name, dice.file),
  `${solution}\nvoid Promise.reject(new Error('promesa-perdida'));\nsetTimeout(() => { throw new Error('temporizador-roto'); }, 0);\n`,
);

describe("the runner's stray-error lines", () => {
  for (const [lang, rejection, exception] of [
    ['es', 'promesa rechazada sin capturar: promesa-perdida', 'excepción sin capturar: temporizador-roto'],
    ['en', 'unhandled rejection: promesa-perdida', 'uncaught exception: temporizador-roto'],
  ] as const) {
    it(`are in the reader's language (${lang}), and the correct function still earns full marks`, async () => {
      const result = await gradeSubmission({ submissionDir: dir, exercises: [dice.id], catalog, lang, runs: 5, typecheck: false });
      const e = result.exercises[0]!;
      expect(e.score).toBe(e.maxScore);
      expect(e.output).toContain(rejection);
      expect(e.output).toContain(exception);
      if (lang === 'es') expect(e.output).not.toMatch(/unhandled rejection|uncaught exception/);
    }, 120_000);
  }
});
