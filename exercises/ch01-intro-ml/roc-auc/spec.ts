import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { rocAuc as refAuc, rocCurve as refCurve } from '../../../reference/ch01-intro-ml/roc-auc.ts';

/**
 * Labels with at least one positive and one negative, and scores from a coarse grid
 * (quarters in [0, 1]) so that ties between examples are frequent.
 */
const scored = arb
  .dim(2, 10)
  .chain((n) =>
    fc.record({
      labels: arb.vector(n, fc.integer({ min: 0, max: 1 })),
      scores: arb.vector(n, fc.integer({ min: 0, max: 4 }).map((k) => k / 4)),
    }),
  )
  .filter(({ labels }) => labels.includes(0) && labels.includes(1));

/** Same, with all scores distinct (no ties). */
const distinct = arb
  .dim(2, 10)
  .chain((n) =>
    fc.record({
      labels: arb.vector(n, fc.integer({ min: 0, max: 1 })),
      scores: fc.uniqueArray(fc.integer({ min: -16, max: 16 }).map((k) => k / 8 + 0), { minLength: n, maxLength: n }),
    }),
  )
  .filter(({ labels }) => labels.includes(0) && labels.includes(1));

export default defineSpec({
  'curve-matches-reference': property({
    arbitrary: scored,
    examples: {
      // the negative comes first: walking the tied pair one example at a time gives 0, not 1/2
      'mixed-tie': { labels: [1, 0, 1, 0, 0], scores: [0.75, 0.5, 0.5, 0.25, 0.75] },
    },
    async check({ labels, scores }, ctx) {
      const received = await ctx.call('rocCurve', labels, scores);
      ctx.expectClose(refCurve(labels, scores), received);
    },
  }),

  'auc-without-ties': property({
    arbitrary: distinct,
    async check({ labels, scores }, ctx) {
      const received = await ctx.call('rocAuc', labels, scores);
      ctx.expectClose(refAuc(labels, scores), received);
    },
  }),

  'auc-with-ties': property({
    arbitrary: scored,
    examples: {
      // the negative comes first: walking the tied pair one example at a time gives 0, not 1/2
      'mixed-tie': { labels: [1, 0, 1, 0, 0], scores: [0.75, 0.5, 0.5, 0.25, 0.75] },
    },
    async check({ labels, scores }, ctx) {
      const received = await ctx.call('rocAuc', labels, scores);
      ctx.expectClose(refAuc(labels, scores), received, {
        what: { es: 'AUC con puntuaciones empatadas', en: 'AUC with tied scores' },
      });
    },
  }),

  'constant-scores-give-half': property({
    arbitrary: scored.map(({ labels }) => labels),
    async check(labels, ctx) {
      const received = await ctx.call('rocAuc', labels, labels.map(() => 0.5));
      if (typeof received !== 'number' || !(Math.abs(received - 0.5) <= 1e-9)) {
        fail(
          {
            es: `Si todas las puntuaciones son iguales, el clasificador no distingue nada y la AUC debe ser 0.5; la tuya es ${String(received)}.`,
            en: `If every score is the same the classifier separates nothing and the AUC must be 0.5; yours is ${String(received)}.`,
          },
          { expected: 0.5, received },
        );
      }
    },
  }),

  'reversed-scores': property({
    arbitrary: scored,
    async check({ labels, scores }, ctx) {
      const auc = (await ctx.call('rocAuc', labels, scores)) as number;
      const reversed = (await ctx.call('rocAuc', labels, scores.map((s) => -s))) as number;
      if (typeof auc !== 'number' || typeof reversed !== 'number' || !(Math.abs(auc + reversed - 1) <= 1e-9)) {
        fail(
          {
            es: `Invertir el signo de las puntuaciones debe dar 1 − AUC: obtuviste ${String(auc)} y ${String(reversed)}, que suman ${auc + reversed}.`,
            en: `Negating the scores must give 1 − AUC: you got ${String(auc)} and ${String(reversed)}, which add up to ${auc + reversed}.`,
          },
          { expected: 1 - auc, received: reversed },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: scored,
    async check({ labels, scores }, ctx) {
      const a = await ctx.callTracked('rocCurve', labels, scores);
      const b = await ctx.callTracked('rocAuc', labels, scores);
      const names = [...new Set([...a.mutated, ...b.mutated])].map((i) => ['labels', 'scores'][i] ?? `#${i}`);
      if (names.length > 0) fail({ es: `Se modificó el argumento ${names.join(', ')}.`, en: `The argument ${names.join(', ')} was modified.` });
    },
  }),

  'monotone-invariance': property({
    arbitrary: scored,
    async check({ labels, scores }, ctx) {
      const auc = await ctx.call('rocAuc', labels, scores);
      const squashed = await ctx.call('rocAuc', labels, scores.map((s) => 1 / (1 + Math.exp(-3 * s + 1))));
      ctx.expectClose(auc, squashed, {
        what: { es: 'La AUC tras aplicar una función creciente a las puntuaciones', en: 'The AUC after applying an increasing function to the scores' },
      });
    },
  }),
});
