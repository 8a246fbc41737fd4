import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { lstmCell as reference } from '../../../reference/ch12-lstm-gru/lstm-cell.ts';

const inputs = fc.record({ i: arb.dim(1, 3), h: arb.dim(1, 3) }).chain(({ i, h }) =>
  fc.record({
    x: arb.vector(i, arb.num(2)),
    h: arb.vector(h, arb.numIn(-1, 1)),
    c: arb.vector(h, arb.num(2)),
    W: arb.matrix(4 * h, i, arb.numIn(-1, 1)),
    U: arb.matrix(4 * h, h, arb.numIn(-1, 1)),
    b: arb.vector(4 * h, arb.numIn(-1, 1)),
  }),
);

/**
 * The statement's edge cases, run first on every grading. Biases of ±800 saturate every gate past
 * exp's overflow (|z| > 709): unit 0 writes the candidate (i = 1, f = 0, g = −1), unit 1 keeps c
 * (i = 0, f = 1), and o = 1 for both.
 */
const edges = {
  'saturated-gates': {
    x: [0.5, -1],
    h: [0.25, -0.5],
    c: [1.5, -2],
    W: [[0.5, 0.25], [-0.5, 1], [0.75, -0.25], [1, 0.5], [0.25, 0.5], [-1, 0.25], [0.5, 0.5], [-0.25, 1]],
    U: [[0.5, -0.5], [0.25, 0.75], [-1, 0.5], [0.5, 0.25], [0.75, 0], [-0.5, 1], [0.25, -0.25], [1, 0.5]],
    b: [800, -800, -800, 800, -750, 750, 800, 900],
  },
};

/** Zero weights and saturating biases: each gate is fully open (+20) or closed (−20). */
const probes = fc.record({ i: arb.dim(1, 3), h: arb.dim(1, 3) }).chain(({ i, h }) =>
  fc.record({ x: arb.vector(i, arb.num(2)), h: arb.vector(h, arb.numIn(-1, 1)), c: arb.vector(h, arb.num(2)), g: arb.vector(h, arb.num(2)) }),
);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export default defineSpec({
  'matches-reference': property({
    arbitrary: inputs,
    examples: edges,
    async check({ x, h, c, W, U, b }, ctx) {
      const received = await ctx.call('lstmCell', x, h, c, W, U, b);
      ctx.expectClose(reference(x, h, c, W, U, b), received);
    },
  }),

  'gate-order': property({
    arbitrary: probes,
    async check({ x, h, c, g }, ctx) {
      const H = h.length;
      const W = Array.from({ length: 4 * H }, () => x.map(() => 0));
      const U = Array.from({ length: 4 * H }, () => h.map(() => 0));
      const block = (v: number) => new Array<number>(H).fill(v);
      // memory: i closed, f open, o open  →  c' = c, h' = tanh(c)
      const keep = await ctx.call('lstmCell', x, h, c, W, U, [...block(-20), ...block(20), ...g, ...block(20)]);
      const o = sigmoid(20);
      ctx.expectClose({ h: c.map((v) => o * Math.tanh(v)), c }, keep, {
        what: {
          es: 'Con U = W = 0 y sesgos (i: −20, f: +20, g, o: +20) la puerta de olvido está abierta y la de entrada cerrada, así que c\' = c y h\' = tanh(c)',
          en: 'With U = W = 0 and biases (i: −20, f: +20, g, o: +20) the forget gate is open and the input gate closed, so c\' = c and h\' = tanh(c)',
        },
      });
      // write: i open, f closed  →  c' = tanh(b_g)
      const write = await ctx.call('lstmCell', x, h, c, W, U, [...block(20), ...block(-20), ...g, ...block(20)]);
      const written = g.map((v) => sigmoid(20) * Math.tanh(v));
      ctx.expectClose({ h: written.map((v) => o * Math.tanh(v)), c: written }, write, {
        what: {
          es: 'Con U = W = 0 y sesgos (i: +20, f: −20, g, o: +20) se olvida c y se escribe la candidata, así que c\' = tanh(b_g)',
          en: 'With U = W = 0 and biases (i: +20, f: −20, g, o: +20) c is forgotten and the candidate is written, so c\' = tanh(b_g)',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: inputs,
    async check({ x, h, c, W, U, b }, ctx) {
      const { mutated } = await ctx.callTracked('lstmCell', x, h, c, W, U, b);
      if (mutated.length > 0) {
        const names = mutated.map((k) => ['x', 'h', 'c', 'W', 'U', 'b'][k] ?? `#${k}`).join(', ');
        fail({ es: `lstmCell modificó su argumento ${names}.`, en: `lstmCell modified its argument ${names}.` });
      }
    },
  }),
});
