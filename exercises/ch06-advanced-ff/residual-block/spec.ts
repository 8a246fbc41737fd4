import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch06-advanced-ff/residual-block.ts';

interface ResidualGrads {
  dX: number[][];
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

/**
 * A block with D inputs and Hd hidden units (D ≠ Hd often, so transposed gradients have the wrong
 * shape), small weights on the grid of eighths (pre-activations hit exactly 0 now and then).
 */
const block = fc.record({ n: arb.dim(1, 4), d: arb.dim(1, 4), h: arb.dim(1, 5) }).chain(({ n, d, h }) =>
  fc.record({
    X: arb.matrix(n, d, arb.num(2)),
    W1: arb.matrix(d, h, arb.num(1)),
    b1: arb.vector(h, arb.num(1)),
    W2: arb.matrix(h, d, arb.num(1)),
    b2: arb.vector(d, arb.num(1)),
    dY: arb.matrix(n, d, arb.num(2)),
  }),
);

type Block = { X: number[][]; W1: number[][]; b1: number[]; W2: number[][]; b2: number[]; dY: number[][] };

function gradProperty(keys: (keyof ResidualGrads)[]) {
  return property({
    arbitrary: block,
    async check({ X, W1, b1, W2, b2, dY }: Block, ctx) {
      const received = (await ctx.call('residualBackward', X, W1, b1, W2, b2, dY)) as ResidualGrads;
      const expected = ref.residualBackward(X, W1, b1, W2, b2, dY);
      for (const k of keys) ctx.expectClose(expected[k], received?.[k], { what: { es: `${k} frente a tf.grads`, en: `${k} against tf.grads` } });
    },
  });
}

export default defineSpec({
  'forward-matches-reference': property({
    arbitrary: block,
    async check({ X, W1, b1, W2, b2 }, ctx) {
      ctx.expectClose(ref.residualForward(X, W1, b1, W2, b2), await ctx.call('residualForward', X, W1, b1, W2, b2));
    },
  }),

  'zero-branch-is-identity': property({
    arbitrary: block,
    async check({ X, W1, b1, dY }, ctx) {
      const d = X[0]!.length;
      const W2 = W1[0]!.map(() => new Array<number>(d).fill(0));
      const b2 = new Array<number>(d).fill(0);
      const Y = await ctx.call('residualForward', X, W1, b1, W2, b2);
      ctx.expectClose(X, Y, {
        tolerance: { atol: 0, rtol: 0 },
        what: { es: 'Con W2 = 0 y b2 = 0 la rama F vale 0, así que Y debe ser X', en: 'With W2 = 0 and b2 = 0 the branch F is 0, so Y must be X' },
      });
      const grads = (await ctx.call('residualBackward', X, W1, b1, W2, b2, dY)) as ResidualGrads;
      ctx.expectClose(dY, grads?.dX, {
        tolerance: { atol: 0, rtol: 0 },
        what: {
          es: 'Con la rama a cero el gradiente pasa intacto por el atajo: dX debe ser dY',
          en: 'With the branch at zero the gradient flows unchanged through the shortcut: dX must be dY',
        },
      });
    },
  }),

  'dx-matches-autodiff': gradProperty(['dX']),
  'weight-grads-match-autodiff': gradProperty(['dW2', 'db2', 'dW1', 'db1']),

  'relu-kink': property({
    // a zero example and zero biases put pre-activations exactly at the ReLU's kink
    arbitrary: block.chain((b) =>
      fc.record({ zeroRow: fc.nat(b.X.length - 1), zeroBias: fc.nat(b.b1.length - 1) }).map(({ zeroRow, zeroBias }) => ({
        ...b,
        X: b.X.map((row, n) => (n === zeroRow ? row.map(() => 0) : row)),
        b1: b.b1.map((v, h) => (h === zeroBias ? 0 : v)),
      })),
    ),
    examples: {
      // X·W1 + b1 = 0 exactly in both hidden units of the first example: relu'(0) = 0
      'relu-at-zero': {
        X: [[1, -1], [0.5, 2]],
        W1: [[0.5, -1], [0.5, -1]],
        b1: [0, 0],
        W2: [[1, -0.5], [0.25, 1]],
        b2: [0.5, -0.5],
        dY: [[1, 2], [-1, 0.5]],
      },
    },
    async check({ X, W1, b1, W2, b2, dY }, ctx) {
      const received = (await ctx.call('residualBackward', X, W1, b1, W2, b2, dY)) as ResidualGrads;
      const expected = ref.residualBackward(X, W1, b1, W2, b2, dY);
      for (const k of ['dX', 'dW1', 'db1', 'dW2', 'db2'] as const) {
        ctx.expectClose(expected[k], received?.[k], {
          what: { es: `${k} con preactivaciones exactamente 0 (relu'(0) = 0)`, en: `${k} with pre-activations exactly 0 (relu'(0) = 0)` },
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: block,
    async check({ X, W1, b1, W2, b2, dY }, ctx) {
      const names = ['X', 'W1', 'b1', 'W2', 'b2', 'dY'];
      const a = await ctx.callTracked('residualForward', X, W1, b1, W2, b2);
      const b = await ctx.callTracked('residualBackward', X, W1, b1, W2, b2, dY);
      const mutated = [...new Set([...a.mutated, ...b.mutated])].map((i) => names[i] ?? `#${i}`);
      if (mutated.length > 0) fail({ es: `Se modificó el argumento ${mutated.join(', ')}.`, en: `The argument ${mutated.join(', ')} was modified.` });
    },
  }),

  'backward-is-linear-in-dy': property({
    arbitrary: block,
    async check({ X, W1, b1, W2, b2, dY }, ctx) {
      const g1 = (await ctx.call('residualBackward', X, W1, b1, W2, b2, dY)) as ResidualGrads;
      const g3 = await ctx.call('residualBackward', X, W1, b1, W2, b2, dY.map((r) => r.map((v) => -3 * v)));
      const scaled = Object.fromEntries(
        Object.entries(g1 ?? {}).map(([k, v]) => [k, Array.isArray(v) ? (v as unknown[]).map((x) => (Array.isArray(x) ? x.map((y: number) => -3 * y) : -3 * (x as number))) : v]),
      );
      ctx.expectClose(scaled, g3, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: 'residualBackward(…, −3·dY) frente a −3·residualBackward(…, dY)', en: 'residualBackward(…, −3·dY) against −3·residualBackward(…, dY)' },
      });
    },
  }),
});
