import fc from 'fast-check';
import { defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { fairnessMetrics as reference, type FairnessReport } from '../../../reference/ch28-interpretability/fairness-metrics.ts';

interface Audit {
  predictions: number[];
  labels: number[];
  groups: number[];
}

const bit = fc.integer({ min: 0, max: 1 });

/**
 * G = 2..3 groups, every (group, label) cell with 1..4 examples, shuffled; one audit in ten has no
 * positive prediction at all (the disparate-impact convention).
 */
const audits: fc.Arbitrary<Audit> = fc
  .integer({ min: 2, max: 3 })
  .chain((G) => fc.array(fc.array(bit, { minLength: 1, maxLength: 4 }), { minLength: 2 * G, maxLength: 2 * G }))
  .chain((cells) => {
    const rows: [number, number, number][] = [];
    cells.forEach((preds, k) => preds.forEach((p) => rows.push([p, k % 2, Math.floor(k / 2)])));
    return fc.record({
      order: fc.shuffledSubarray([...rows.keys()], { minLength: rows.length, maxLength: rows.length }),
      silent: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
    }).map(({ order, silent }) => ({
      predictions: order.map((i) => (silent ? 0 : rows[i]![0])),
      labels: order.map((i) => rows[i]![1]),
      groups: order.map((i) => rows[i]![2]),
    }));
  });

function field(received: unknown, name: keyof FairnessReport): unknown {
  return typeof received === 'object' && received !== null ? (received as Record<string, unknown>)[name] : undefined;
}

/** One property per metric: the student's field against the reference's. */
/** No group receives a positive prediction: every rate is 0 and the disparate impact is 1 by convention. */
const NO_POSITIVES: Audit = { predictions: [0, 0, 0, 0, 0, 0], labels: [1, 0, 1, 0, 0, 1], groups: [0, 0, 1, 1, 2, 2] };

function metric(name: keyof FairnessReport) {
  return property({
    arbitrary: audits,
    examples: { 'no-positive-predictions': NO_POSITIVES },
    async check({ predictions, labels, groups }: Audit, ctx) {
      const received = await ctx.call('fairnessMetrics', predictions, labels, groups);
      ctx.expectClose(reference(predictions, labels, groups)[name], field(received, name), { what: { es: name, en: name } });
    },
  });
}

export default defineSpec({
  'statistical-parity': metric('statisticalParity'),
  'equal-opportunity': metric('equalOpportunity'),
  'equalized-odds': metric('equalizedOdds'),
  'disparate-impact': metric('disparateImpact'),

  'group-relabelling-invariant': property({
    arbitrary: audits.chain((a) => {
      const G = Math.max(...a.groups) + 1;
      return fc.record({ a: fc.constant(a), names: fc.shuffledSubarray([...Array(G).keys()], { minLength: G, maxLength: G }) });
    }),
    async check({ a: { predictions, labels, groups }, names }, ctx) {
      const base = await ctx.call('fairnessMetrics', predictions, labels, groups);
      const renamed = await ctx.call('fairnessMetrics', predictions, labels, groups.map((g) => names[g]!));
      ctx.expectClose(base, renamed, {
        what: {
          es: `Renombrar los grupos (${names.map((n, g) => `${g}→${n}`).join(', ')}) no cambia ninguna métrica; con los grupos renombrados`,
          en: `Renaming the groups (${names.map((n, g) => `${g}→${n}`).join(', ')}) changes no metric; with renamed groups`,
        },
      });
      ctx.expectClose(reference(predictions, labels, groups), base, {
        tolerance: { atol: 1e-6, rtol: 1e-6 },
        what: { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: audits,
    async check({ predictions, labels, groups }, ctx) {
      const { value, mutated } = await ctx.callTracked('fairnessMetrics', predictions, labels, groups);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['predictions', 'labels', 'groups'][i] ?? `#${i}`).join(', ');
        fail({ es: `fairnessMetrics modificó su argumento ${names}.`, en: `fairnessMetrics modified its argument ${names}.` });
      }
      ctx.expectClose(reference(predictions, labels, groups), value, {
        tolerance: { atol: 1e-6, rtol: 1e-6 },
        what: { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' },
      });
    },
  }),
});
