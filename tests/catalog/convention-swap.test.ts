/**
 * The partial-credit policy for convention swaps (docs/authoring.md, "Partial credit"), checked
 * over the catalog with real submissions: every buggy fixture marked `// convention-swap: <fn>`
 * (a result right under a convention the statement excludes: TensorFlow's LSTM gate order,
 * PyTorch's GRU update gate, pre-LN for post-LN, α on the soft term…) is graded, and it must earn
 * nothing from any property of the swapped function, secondary ones included, with at least one of
 * that function's primary properties failing (a report that says what is wrong, not only «sin
 * comprobar»). The exercise's other functions are not the swap's business: they keep whatever
 * they earn (tests/catalog/points.test.ts checks the gating of secondary properties by function).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { buggyFixtures, submissionWith, type BuggyFixture } from '../tools/fixtures.ts';

const catalog = loadCatalog();
const swaps = catalog.exercises.flatMap((def) => buggyFixtures(def).filter((b) => b.conventionSwap !== undefined).map((bug) => [`${def.id}/${bug.name}`, def, bug] as const));

describe('convention swaps earn nothing for the swapped function', () => {
  it('the catalog marks its convention swaps, those the policy names among them', () => {
    const ids = new Set(swaps.map(([, def]) => def.id));
    // the examples docs/authoring.md gives: TensorFlow's LSTM gate order, z for 1 − z in a GRU, pre-LN, α on the other term
    for (const id of ['ch12-lstm-gru/lstm-cell', 'ch12-lstm-gru/gru-cell', 'ch13-attention-transformers/transformer-encoder-layer', 'ch31-responsible-ai/distillation-loss']) {
      expect(ids.has(id), `${id} has a fixture marked // convention-swap:`).toBe(true);
    }
    expect(swaps.length).toBeGreaterThanOrEqual(8);
  });

  it.each(swaps.map(([name, def, bug]) => [name, def.exports.map((e) => e.name), bug] as const))('%s names an exported function', (_name, exports, bug: BuggyFixture) => {
    expect(exports).toContain(bug.conventionSwap);
  });

  it.each(swaps)(
    '%s: 0 points from the swapped function',
    async (_name, def, bug) => {
      const sub = submissionWith(def, bug.path);
      try {
        const r = (await gradeSubmission({ submissionDir: sub.dir, exercises: [def.id], audience: 'instructor', catalog })).exercises[0]!;
        const own = r.properties.filter((p) => p.function === bug.conventionSwap);
        expect(own.length, `${bug.conventionSwap} has properties`).toBeGreaterThan(0);
        const earning = own.filter((p) => p.score > 0).map((p) => `${p.name}: ${p.score}/${p.points} (${p.role})`);
        expect(earning, `a convention swap of ${bug.conventionSwap} earns nothing from its properties`).toEqual([]);
        const failedPrimary = own.filter((p) => p.role === 'primary' && p.status === 'fail');
        expect(failedPrimary.length, 'at least one primary property of the function fails and says why').toBeGreaterThan(0);
        expect(r.score).toBeLessThan(r.maxScore);
      } finally {
        sub.cleanup();
      }
    },
    120_000,
  );
});
