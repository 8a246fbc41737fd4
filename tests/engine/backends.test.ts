/**
 * tfjs-core's habit: the same suite on every backend. Every solution must earn full marks with
 * the reference computed on the `cpu` backend too (the default run uses the fastest available:
 * tensorflow, else wasm). This catches backend-specific reference bugs, such as
 * tfjs-backend-wasm 4.22's conv2d with 'same' padding and a stride above 1.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';

const catalog = loadCatalog();

describe('every solution on the cpu backend', () => {
  it('earns full marks', async () => {
    const result = await gradeSubmission({ submissionDir: SOLUTIONS_DIR, catalog, audience: 'instructor', backend: 'cpu', runs: 15 });
    expect(result.backend).toBe('cpu');
    const short = result.exercises
      .filter((e) => e.score !== e.maxScore)
      .map((e) => `${e.id}: ${e.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name} ${p.message ?? ''}`).join('; ')}`);
    expect(short).toEqual([]);
  }, 600_000);
});
