import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch03-tools/zscore.ts';

interface Standardizer {
  mean: number[];
  std: number[];
}

/** A training set N×d (N ≥ 2), sometimes with a constant column. */
const trainSet = fc
  .record({ n: arb.dim(2, 8), d: arb.dim(1, 4), constantCol: fc.option(fc.nat(3), { nil: undefined }) })
  .chain(({ n, d, constantCol }) =>
    fc.record({ X: arb.matrix(n, d), c: arb.num() }).map(({ X, c }) =>
      constantCol === undefined || constantCol >= d ? X : X.map((row) => row.map((v, j) => (j === constantCol ? c : v))),
    ),
  );

/** Fitted-looking statistics for d columns (std > 0 or exactly 0) and a different test set. */
const statsAndTest = fc.record({ d: arb.dim(1, 4), m: arb.dim(1, 5) }).chain(({ d, m }) =>
  fc.record({
    X: arb.matrix(m, d),
    stats: fc.record({ mean: arb.vector(d), std: arb.vector(d, fc.constantFrom(0, 0.5, 1, 1.5, 2, 3.25)) }),
  }),
);

function column(M: number[][], j: number): number[] {
  return M.map((row) => row[j]!);
}

export default defineSpec({
  'fit-matches-reference': property({
    arbitrary: trainSet,
    async check(X, ctx) {
      ctx.expectClose(ref.fitStandardizer(X), await ctx.call('fitStandardizer', X));
    },
  }),

  'apply-matches-reference': property({
    arbitrary: statsAndTest,
    async check({ X, stats }, ctx) {
      ctx.expectClose(ref.applyStandardizer(X, stats), await ctx.call('applyStandardizer', X, stats), {
        what: { es: 'applyStandardizer(X, stats) con estadísticas dadas', en: 'applyStandardizer(X, stats) with given statistics' },
      });
    },
  }),

  'train-becomes-standard': property({
    arbitrary: trainSet,
    async check(X, ctx) {
      const stats = await ctx.call('fitStandardizer', X);
      const Z = (await ctx.call('applyStandardizer', X, stats)) as number[][];
      if (!Array.isArray(Z) || Z.length !== X.length) fail({ es: 'applyStandardizer debe devolver una fila por ejemplo.', en: 'applyStandardizer must return one row per example.' }, { received: Z });
      const n = X.length;
      for (let j = 0; j < X[0]!.length; j++) {
        const z = column(Z, j);
        const mean = z.reduce((a, v) => a + v, 0) / n;
        const constant = column(X, j).every((v) => v === X[0]![j]);
        const std = Math.sqrt(z.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
        const expected = constant ? 0 : 1;
        if (!(Math.abs(mean) <= 1e-9 && Math.abs(std - expected) <= 1e-9)) {
          fail(
            {
              es: `Tras estandarizar el propio conjunto de entrenamiento, la columna ${j} tiene media ${mean} y desviación típica poblacional ${std}; deberían ser 0 y ${expected}.`,
              en: `After standardising the training set itself, column ${j} has mean ${mean} and population standard deviation ${std}; they should be 0 and ${expected}.`,
            },
            { expected: { mean: 0, std: expected }, received: { mean, std } },
          );
        }
      }
    },
  }),

  'constant-feature': property({
    arbitrary: fc.record({ n: arb.dim(1, 6), c: arb.num(), other: arb.dim(0, 2) }).chain(({ n, c, other }) =>
      arb.matrix(n, other).map((M) => M.map((row) => [c, ...row])),
    ),
    examples: {
      // σ = 0 in the first column: subtract the mean and divide by 1, never 0/0
      'constant-feature': [
        [2.5, 1, -3],
        [2.5, 0.5, 4],
        [2.5, -2, 1],
      ],
    },
    async check(X, ctx) {
      const stats = (await ctx.call('fitStandardizer', X)) as Standardizer;
      if (stats?.std?.[0] !== 0) {
        fail(
          { es: `Una columna constante debe tener std exactamente 0; obtuviste ${String(stats?.std?.[0])}.`, en: `A constant column must have std exactly 0; you got ${String(stats?.std?.[0])}.` },
          { expected: 0, received: stats?.std?.[0] },
        );
      }
      const Z = await ctx.call('applyStandardizer', X, stats);
      ctx.expectClose(ref.applyStandardizer(X, ref.fitStandardizer(X)), Z, {
        what: { es: 'Estandarizar con una columna constante (std = 0)', en: 'Standardising with a constant column (std = 0)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.tuple(trainSet, statsAndTest),
    async check([X, { X: T, stats }], ctx) {
      const a = await ctx.callTracked('fitStandardizer', X);
      const b = await ctx.callTracked('applyStandardizer', T, stats);
      const names = [...a.mutated.map(() => 'X'), ...b.mutated.map((i) => ['X', 'stats'][i] ?? `#${i}`)];
      if (names.length > 0) fail({ es: `Se modificó el argumento ${names.join(', ')}.`, en: `The argument ${names.join(', ')} was modified.` });
    },
  }),

  'affine-equivariance': property({
    arbitrary: fc.record({ X: trainSet, a: fc.constantFrom(-2, -0.5, 0.5, 2, 4), b: arb.num() }),
    async check({ X, a, b }, ctx) {
      const s = (await ctx.call('fitStandardizer', X)) as Standardizer;
      const t = await ctx.call('fitStandardizer', X.map((row) => row.map((v) => a * v + b)));
      ctx.expectClose({ mean: s.mean.map((m) => a * m + b), std: s.std.map((v) => Math.abs(a) * v) }, t, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: `fitStandardizer(${a}·X + ${b})`, en: `fitStandardizer(${a}·X + ${b})` },
      });
    },
  }),
});
