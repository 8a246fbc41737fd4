/**
 * Generated from the catalog: a submission whose every export returns the same constant earns
 * nothing on any exercise. Invariance and no-mutation properties must be `secondary` (they score
 * only once a primary property passes) or compare with the reference themselves.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { constantSubmission } from '../tools/constant-submission.ts';

const catalog = loadCatalog();

describe.each(['0', '[]', 'undefined', '{}'])('every export returns %s', (value) => {
  it('earns 0 on every exercise', async () => {
    const sub = constantSubmission(catalog.exercises, value);
    try {
      const result = await gradeSubmission({ submissionDir: sub.dir, catalog, audience: 'instructor', runs: 25 });
      const earning = result.exercises
        .filter((e) => e.score > 0)
        .map((e) => `${e.id}: ${e.properties.filter((p) => p.status === 'pass').map((p) => p.name).join(', ')}`);
      expect(earning).toEqual([]);
    } finally {
      sub.cleanup();
    }
  }, 600_000);
});
