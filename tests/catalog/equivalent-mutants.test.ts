/**
 * Every equivalent mutant recorded in an exercise.yaml (`equivalentMutants`, written after
 * `dlgrade verify --mutation`) is still a mutant of the current solution (a stale record would
 * excuse nothing, or the wrong thing) and gives its reason. The mutants themselves are graded by
 * `dlgrade verify --mutation` / `npm run bench mutation`, not here: that takes an hour.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { findEquivalent, solutionMutants } from '../../grader/verify/mutation.ts';

const catalog = loadCatalog();

describe('equivalent mutants', () => {
  it('StrykerJS finds mutants in a solution, located on its lines', async () => {
    const def = catalog.exercises.find((d) => d.id === 'ch22-deployment/int8-quantization')!;
    const mutants = await solutionMutants(def);
    expect(mutants.length).toBeGreaterThan(10);
    const ternary = mutants.find((m) => m.original === 'hi > lo' && m.replacement === 'true');
    expect(ternary, 'the mutant the issue names: hi > lo → true').toBeDefined();
    expect(ternary!.source).toContain('const scale = true ? (hi - lo)');
    expect(findEquivalent(ternary!, [{ line: ternary!.line, original: 'hi > lo', replacement: 'true', reason: 'a test record' }])).toBeDefined();
    expect(findEquivalent(ternary!, [{ line: ternary!.line + 1, original: 'hi > lo', replacement: 'true', reason: 'a test record' }])).toBeUndefined();
  });

  const recorded = catalog.exercises.filter((d) => d.equivalentMutants.length > 0);
  it.each(recorded.map((d) => [d.id, d] as const))('%s: every recorded equivalent mutant is a current mutant of the solution', async (_id, def) => {
    const mutants = await solutionMutants(def);
    for (const e of def.equivalentMutants) {
      expect(mutants.some((m) => findEquivalent(m, [e])), `line ${e.line}: ${e.original} → ${e.replacement}`).toBe(true);
      expect(e.reason.length).toBeGreaterThan(10);
    }
  });
});
