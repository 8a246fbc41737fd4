import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { gruCell as reference } from '../../../reference/ch12-lstm-gru/gru-cell.ts';

const inputs = fc.record({ i: arb.dim(1, 3), h: arb.dim(1, 3) }).chain(({ i, h }) =>
  fc.record({
    x: arb.vector(i, arb.num(2)),
    h: arb.vector(h, arb.numIn(-1, 1)),
    W: arb.matrix(3 * h, i, arb.numIn(-1, 1)),
    U: arb.matrix(3 * h, h, arb.numIn(-1, 1)),
    b: arb.vector(3 * h, arb.numIn(-1, 1)),
  }),
);

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

export default defineSpec({
  'matches-reference': property({
    arbitrary: inputs,
    examples: {
      // pre-activations of ±800 and ±400: σ written as eᵛ/(1 + eᵛ) is NaN above 709, tanh as a ratio of exps above 355
      'saturated-gates': {
        x: [1],
        h: [0.5, -0.25],
        W: [[800], [-800], [-800], [800], [400], [-400]],
        U: [[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]],
        b: [0, 0, 0, 0, 0, 0],
      },
    },
    async check({ x, h, W, U, b }, ctx) {
      const received = await ctx.call('gruCell', x, h, W, U, b);
      ctx.expectClose(reference(x, h, W, U, b), received);
    },
  }),

  'update-gate-convention': property({
    arbitrary: inputs,
    async check({ x, h, W, U, b }, ctx) {
      const H = h.length;
      // keep W and U for r and h̃, but zero the z rows and saturate b_z
      const Wz0 = W.map((row, r) => (r < H ? row.map(() => 0) : row));
      const Uz0 = U.map((row, r) => (r < H ? row.map(() => 0) : row));
      const withBz = (v: number) => b.map((bk, r) => (r < H ? v : bk));
      // z ≈ 0: h' = h
      const closed = await ctx.call('gruCell', x, h, Wz0, Uz0, withBz(-20));
      const zLow = sigmoid(-20);
      const candidate = reference(x, h, Wz0, Uz0, withBz(50)); // z = 1 in float32: h' = h̃
      ctx.expectClose(h.map((hk, k) => (1 - zLow) * hk + zLow * candidate[k]!), closed, {
        what: {
          es: 'Con la puerta de actualización cerrada (z = σ(−20) ≈ 0) el estado debe conservarse, h\' ≈ h',
          en: 'With the update gate closed (z = σ(−20) ≈ 0) the state must be kept, h\' ≈ h',
        },
      });
      const open = await ctx.call('gruCell', x, h, Wz0, Uz0, withBz(20));
      const zHigh = sigmoid(20);
      ctx.expectClose(h.map((hk, k) => (1 - zHigh) * hk + zHigh * candidate[k]!), open, {
        what: {
          es: 'Con la puerta de actualización abierta (z = σ(20) ≈ 1) el estado debe ser la candidata, h\' ≈ h̃',
          en: 'With the update gate open (z = σ(20) ≈ 1) the state must be the candidate, h\' ≈ h̃',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: inputs,
    async check({ x, h, W, U, b }, ctx) {
      const { mutated } = await ctx.callTracked('gruCell', x, h, W, U, b);
      if (mutated.length > 0) {
        const names = mutated.map((k) => ['x', 'h', 'W', 'U', 'b'][k] ?? `#${k}`).join(', ');
        fail({ es: `gruCell modificó su argumento ${names}.`, en: `gruCell modified its argument ${names}.` });
      }
    },
  }),
});
