import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch05-training/batch-norm.ts';

interface BatchNormForward {
  y: number[][];
  runningMean: number[];
  runningVar: number[];
}
interface BatchNormGrads {
  dx: number[][];
  dgamma: number[];
  dbeta: number[];
}

const EPS = [1e-5, 1e-3, 0.1] as const;

/** A minibatch N×D (N ≥ 2) with its parameters, running statistics and an upstream gradient. */
const batch = fc.record({ n: arb.dim(2, 6), d: arb.dim(1, 3) }).chain(({ n, d }) =>
  fc.record({
    x: arb.matrix(n, d),
    gamma: arb.vector(d, arb.numIn(-2, 2)),
    beta: arb.vector(d, arb.num(2)),
    runningMean: arb.vector(d, arb.num(2)),
    runningVar: arb.vector(d, arb.numIn(0.125, 3)),
    momentum: fc.constantFrom(0.1, 0.01, 0.5),
    eps: fc.constantFrom(...EPS),
    dy: arb.matrix(n, d, arb.num(2)),
  }),
);

/** The statement's edge cases, run first on every grading. */
const edges = {
  // column 0 is constant (σ²_B = 0): y = beta there, dx = gamma/√eps · (dy − mean(dy)), dgamma = 0
  'constant-column': {
    x: [[1.5, -0.5], [1.5, 2], [1.5, 0.25]],
    gamma: [0.75, -1.25],
    beta: [0.5, -1],
    runningMean: [0, 1],
    runningVar: [1, 0.5],
    momentum: 0.1,
    eps: 1e-5,
    dy: [[1, -0.5], [-2, 0.25], [0.5, 1]],
  },
  // N = 2: x̂ = ±1·√(σ²/(σ² + eps)), running variance with N/(N − 1) = 2
  'batch-of-two': {
    x: [[1, -2, 0.5], [3, 0.5, -0.25]],
    gamma: [1.5, 0.5, -1],
    beta: [0, 0.25, 1],
    runningMean: [0.5, 0, -1],
    runningVar: [1, 2, 0.25],
    momentum: 0.5,
    eps: 1e-3,
    dy: [[0.5, -1, 2], [1.5, 0.25, -0.5]],
  },
};

export default defineSpec({
  'forward-matches-reference': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, gamma, beta, runningMean, runningVar, momentum, eps }, ctx) {
      const received = (await ctx.call('batchNormForward', x, gamma, beta, runningMean, runningVar, momentum, eps)) as BatchNormForward;
      const expected = ref.batchNormForward(x, gamma, beta, runningMean, runningVar, momentum, eps);
      ctx.expectClose(expected.y, received?.y, { what: { es: 'y', en: 'y' } });
    },
  }),

  'normalised-columns': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, runningMean, runningVar, eps }, ctx) {
      const d = x[0]!.length;
      const ones = new Array<number>(d).fill(1);
      const zeros = new Array<number>(d).fill(0);
      const out = (await ctx.call('batchNormForward', x, ones, zeros, runningMean, runningVar, 0.1, eps)) as BatchNormForward;
      const y = out?.y;
      if (!Array.isArray(y) || y.length !== x.length) fail({ es: 'y debe tener N filas.', en: 'y must have N rows.' }, { received: y });
      const n = x.length;
      for (let j = 0; j < d; j++) {
        const col = x.map((r) => r[j]!);
        const mu = col.reduce((a, v) => a + v, 0) / n;
        const v = col.reduce((a, c) => a + (c - mu) ** 2, 0) / n;
        const ycol = y.map((r) => r[j]!);
        const ymean = ycol.reduce((a, c) => a + c, 0) / n;
        const yvar = ycol.reduce((a, c) => a + (c - ymean) ** 2, 0) / n;
        const expected = v / (v + eps);
        if (!(Math.abs(ymean) < 1e-9 && Math.abs(yvar - expected) < 1e-9)) {
          fail(
            {
              es: `Con gamma = 1 y beta = 0, la columna ${j} de y debería tener media 0 y varianza σ²/(σ² + eps) = ${expected}; tiene media ${ymean} y varianza ${yvar}.`,
              en: `With gamma = 1 and beta = 0, column ${j} of y should have mean 0 and variance σ²/(σ² + eps) = ${expected}; it has mean ${ymean} and variance ${yvar}.`,
            },
            { expected: { mean: 0, variance: expected }, received: { mean: ymean, variance: yvar } },
          );
        }
      }
    },
  }),

  'running-stats': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, gamma, beta, runningMean, runningVar, momentum, eps }, ctx) {
      const received = (await ctx.call('batchNormForward', x, gamma, beta, runningMean, runningVar, momentum, eps)) as BatchNormForward;
      const expected = ref.batchNormForward(x, gamma, beta, runningMean, runningVar, momentum, eps);
      ctx.expectClose(expected.runningMean, received?.runningMean, { what: { es: `runningMean (momentum = ${momentum})`, en: `runningMean (momentum = ${momentum})` } });
      ctx.expectClose(expected.runningVar, received?.runningVar, { what: { es: `runningVar (momentum = ${momentum})`, en: `runningVar (momentum = ${momentum})` } });
    },
  }),

  'backward-dx': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, gamma, dy, eps }, ctx) {
      const received = (await ctx.call('batchNormBackward', x, gamma, dy, eps)) as BatchNormGrads;
      ctx.expectClose(ref.batchNormBackward(x, gamma, dy, eps).dx, received?.dx, { what: { es: 'dx frente a tf.grads', en: 'dx against tf.grads' } });
    },
  }),

  'backward-dgamma-dbeta': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, gamma, dy, eps }, ctx) {
      const received = (await ctx.call('batchNormBackward', x, gamma, dy, eps)) as BatchNormGrads;
      const expected = ref.batchNormBackward(x, gamma, dy, eps);
      ctx.expectClose(expected.dgamma, received?.dgamma, { what: { es: 'dgamma', en: 'dgamma' } });
      ctx.expectClose(expected.dbeta, received?.dbeta, { what: { es: 'dbeta', en: 'dbeta' } });
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, gamma, beta, runningMean, runningVar, momentum, eps, dy }, ctx) {
      const a = await ctx.callTracked('batchNormForward', x, gamma, beta, runningMean, runningVar, momentum, eps);
      const b = await ctx.callTracked('batchNormBackward', x, gamma, dy, eps);
      const names = [
        ...a.mutated.map((i) => ['x', 'gamma', 'beta', 'runningMean', 'runningVar', 'momentum', 'eps'][i] ?? `#${i}`),
        ...b.mutated.map((i) => ['x', 'gamma', 'dy', 'eps'][i] ?? `#${i}`),
      ];
      if (names.length > 0) {
        fail({
          es: `Se modificó el argumento ${names.join(', ')}: devuelve arrays nuevos (también las estadísticas móviles).`,
          en: `The argument ${names.join(', ')} was modified: return new arrays (the running statistics too).`,
        });
      }
    },
  }),

  'dx-columns-sum-to-zero': property({
    arbitrary: batch,
    examples: edges,
    async check({ x, gamma, dy, eps }, ctx) {
      const { dx } = (await ctx.call('batchNormBackward', x, gamma, dy, eps)) as BatchNormGrads;
      const sums = x[0]!.map((_, j) => dx.reduce((a, row) => a + row[j]!, 0));
      ctx.expectClose(sums.map(() => 0), sums, {
        tolerance: { atol: 1e-7, rtol: 0 },
        what: {
          es: 'Σ_n dx[n][j] (sumar una constante a toda una columna de x no cambia y, así que esa suma es 0)',
          en: 'Σ_n dx[n][j] (adding a constant to a whole column of x does not change y, so that sum is 0)',
        },
      });
    },
  }),
});
