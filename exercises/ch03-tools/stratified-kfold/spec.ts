import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { stratifiedFolds as reference } from '../../../reference/ch03-tools/stratified-kfold.ts';

function permutationOf(n: number) {
  return fc.array(fc.integer(), { minLength: n, maxLength: n }).map((keys) =>
    keys.map((key, i) => [key, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i),
  );
}

/** N labels from up to 3 classes (often unbalanced), a shuffle and 2 ≤ k ≤ min(N, 5). */
const split = arb.dim(4, 16).chain((n) =>
  fc.record({
    labels: arb.vector(n, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 }))),
    permutation: permutationOf(n),
    k: fc.integer({ min: 2, max: Math.min(n, 5) }),
  }),
);

/** The statement's edge cases, run first on every grading. */
const edges = {
  // class sizes 5, 3, 1 with k = 4: class 2 has fewer examples than folds, and the turn carries over
  'class-smaller-than-k': { labels: [0, 1, 0, 0, 2, 1, 0, 0, 1], permutation: [3, 8, 1, 6, 0, 5, 2, 7, 4], k: 4 },
  // k = N: leave-one-out, every fold holds exactly one example
  'k-equals-n': { labels: [1, 0, 1, 0, 0], permutation: [2, 0, 4, 1, 3], k: 5 },
  // classes 2, 9, 10: numeric order, not the string order of a comparator-less sort()
  'labels-past-nine': { labels: [10, 2, 10, 9, 2, 10, 2], permutation: [6, 1, 4, 0, 3, 5, 2], k: 3 },
};

function counts(values: number[], k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const v of values) if (Number.isInteger(v) && v >= 0 && v < k) c[v]!++;
  return c;
}

function asFolds(value: unknown, n: number, k: number): number[] {
  if (!Array.isArray(value) || value.length !== n || !value.every((f) => Number.isInteger(f) && f >= 0 && f < k)) {
    fail(
      { es: `stratifiedFolds debe devolver un array de ${n} particiones, enteros entre 0 y ${k - 1}.`, en: `stratifiedFolds must return an array of ${n} folds, integers from 0 to ${k - 1}.` },
      { received: value },
    );
  }
  return value as number[];
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: split,
    examples: edges,
    async check({ labels, permutation, k }, ctx) {
      ctx.expectClose(reference(labels, permutation, k), await ctx.call('stratifiedFolds', labels, permutation, k), {
        tolerance: { atol: 0, rtol: 0 },
      });
    },
  }),

  'classes-are-spread': property({
    arbitrary: split,
    examples: edges,
    async check({ labels, permutation, k }, ctx) {
      const fold = asFolds(await ctx.call('stratifiedFolds', labels, permutation, k), labels.length, k);
      for (const c of new Set(labels)) {
        const perFold = counts(fold.filter((_, i) => labels[i] === c), k);
        if (Math.max(...perFold) - Math.min(...perFold) > 1) {
          fail(
            {
              es: `La clase ${c} queda repartida como [${perFold.join(', ')}] entre las ${k} particiones: en una partición estratificada cada clase se reparte por igual (diferencias de 1 como mucho).`,
              en: `Class ${c} is spread as [${perFold.join(', ')}] over the ${k} folds: in a stratified split every class is spread evenly (differences of at most 1).`,
            },
            { received: perFold },
          );
        }
      }
    },
  }),

  'folds-are-balanced': property({
    arbitrary: split,
    examples: edges,
    async check({ labels, permutation, k }, ctx) {
      const fold = asFolds(await ctx.call('stratifiedFolds', labels, permutation, k), labels.length, k);
      const sizes = counts(fold, k);
      if (sizes.reduce((a, b) => a + b, 0) !== labels.length || Math.max(...sizes) - Math.min(...sizes) > 1) {
        fail(
          {
            es: `Tamaños de las particiones [${sizes.join(', ')}]: deben sumar ${labels.length} y diferir en 1 como mucho. ¿Reinicias el turno en cada clase?`,
            en: `Fold sizes [${sizes.join(', ')}]: they must add up to ${labels.length} and differ by at most 1. Do you restart the turn at each class?`,
          },
          { received: sizes },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: split,
    async check({ labels, permutation, k }, ctx) {
      const { mutated } = await ctx.callTracked('stratifiedFolds', labels, permutation, k);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['labels', 'permutation', 'k'][i] ?? `#${i}`).join(', ');
        fail({ es: `stratifiedFolds modificó su argumento ${names}.`, en: `stratifiedFolds modified its argument ${names}.` });
      }
    },
  }),

  'relabel-invariance': property({
    arbitrary: split,
    async check({ labels, permutation, k }, ctx) {
      // adding the same offset to every label keeps the class order, so the folds must not change
      const a = await ctx.call('stratifiedFolds', labels, permutation, k);
      const b = await ctx.call('stratifiedFolds', labels.map((c) => c + 10), permutation, k);
      ctx.expectClose(a, b, { tolerance: { atol: 0, rtol: 0 }, what: { es: 'Particiones con las etiquetas desplazadas en +10', en: 'Folds with the labels shifted by +10' } });
    },
  }),
});
