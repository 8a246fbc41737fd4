/**
 * Worked examples (exercise.yaml `examples:`): every exercise has one, the solution returns the
 * stated result, and both statements show the same call and result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compact, formatExampleCall, formatLiteral } from '../../grader/catalog/examples.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { compareValues } from '../../grader/compare/numeric.ts';

const catalog = loadCatalog();
/** A hand-checkable example: the call and result together stay short. */
const MAX_CHARS = 700;

describe('worked examples', () => {
  it('every exercise has one', () => {
    const lacking = catalog.exercises.filter((e) => e.examples.length === 0).map((e) => e.id);
    expect(lacking, 'exercises without `examples:` in exercise.yaml (a worked example in both statements)').toEqual([]);
  });

  const withExamples = catalog.exercises.filter((e) => e.examples.length > 0);
  describe.each(withExamples.map((def) => [def.id, def] as const))('%s', (_id, def) => {
    it.each(def.examples.map((x, i) => [i, x] as const))('example %i: the solution returns the stated result', async (_i, example) => {
      const mod = (await import(def.solutionPath)) as Record<string, unknown>;
      const fn = mod[example.function];
      expect(typeof fn, `${def.solutionPath} exports ${example.function}`).toBe('function');
      const received: unknown = await (fn as (...a: unknown[]) => unknown)(...structuredClone(example.args));
      const cmp = compareValues(example.result, received, example.tolerance);
      expect(cmp.ok, `${formatExampleCall(example)} returned ${formatLiteral(received)}, the statement says ${formatLiteral(example.result)}`).toBe(true);
    });

    it.each(def.examples.map((x, i) => [i, x] as const))('example %i: both statements show the call and its result', (_i, example) => {
      const call = formatExampleCall(example);
      const result = formatLiteral(example.result);
      expect(call.length + result.length, 'an example small enough to check by hand').toBeLessThanOrEqual(MAX_CHARS);
      for (const path of [def.statementPaths.es, def.statementPaths.en]) {
        const text = compact(readFileSync(path, 'utf8'));
        expect(text.includes(compact(call)), `${path} shows ${call}`).toBe(true);
        expect(text.includes(compact(result)), `${path} shows the result ${result}`).toBe(true);
      }
    });
  });
});
