/**
 * Generated from the catalog (issue 10): for every exercise, the do-nothing answers built from its
 * exports' signatures and its solution's output shape (tests/tools/wrapped-submission.ts: an
 * argument returned unchanged, zeros, ones, a constant, uniform rows, the rows' means, the mean of
 * the input, NaN, a seeded random array) earn 0, and unfinished outputs (undefined, rows of
 * undefined, NaN, {}, strings, wrong shapes) are the student's failure, never a grader error.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { degenerateStrategies, MALFORMED, maxParameters, strategyApplies, strategySubmission, type Strategy } from '../tools/wrapped-submission.ts';

const catalog = loadCatalog();
const RUNS = 15;

async function gradeWith(strategy: Strategy) {
  const defs = catalog.exercises.filter((d) => strategyApplies(d, strategy));
  const sub = strategySubmission(defs, strategy);
  try {
    return (await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: defs.map((d) => d.id), audience: 'instructor', runs: RUNS })).exercises;
  } finally {
    sub.cleanup();
  }
}

describe.each(degenerateStrategies(maxParameters(catalog.exercises)).map((s) => [s.name, s] as const))('degenerate answer: %s', (_name, strategy) => {
  it('earns 0 on every exercise', async () => {
    const exercises = await gradeWith(strategy);
    expect(exercises.length).toBeGreaterThan(0);
    const earning = exercises.filter((e) => e.score > 0).map((e) => `${e.id} ${e.score}/${e.maxScore}: ${e.properties.filter((p) => p.status === 'pass').map((p) => p.name).join(', ')}`);
    expect(earning).toEqual([]);
  }, 900_000);
});

describe.each(MALFORMED.map((s) => [s.name, s] as const))('malformed output: %s', (_name, strategy) => {
  it('is the student\'s failure on every property of every exercise, never a grader error', async () => {
    const exercises = await gradeWith(strategy);
    expect(exercises.length).toBe(catalog.exercises.length);
    const graderErrors = exercises.flatMap((e) => [
      ...(e.reason === 'grader-error' ? [`${e.id}: ${e.message}`] : []),
      ...e.properties.filter((p) => p.status === 'error' || /Error interno del corrector|Internal grader error/.test(p.message ?? '')).map((p) => `${e.id} ${p.name}: ${p.message}`),
    ]);
    expect(graderErrors).toEqual([]);
  }, 900_000);
});
