import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { rnnBptt as reference } from '../../../reference/ch11-sequences-rnn/rnn-bptt.ts';

/** A sequence of length T ≥ minT with I inputs and H hidden units; W_hh is generally not symmetric. */
const sequences = (minT: number) =>
  fc.record({ t: arb.dim(minT, 5), i: arb.dim(1, 3), h: arb.dim(1, 4) }).chain(({ t, i, h }) =>
    fc.record({
      xs: arb.matrix(t, i, arb.num(2)),
      h0: arb.vector(h, arb.numIn(-1, 1)),
      Wxh: arb.matrix(h, i, arb.numIn(-1, 1)),
      Whh: arb.matrix(h, h, arb.numIn(-1, 1)),
      b: arb.vector(h, arb.numIn(-1, 1)),
      targets: arb.matrix(t, h, arb.numIn(-1, 1)),
    }),
  );

/** The statement's edge cases, run first on every grading. */
const edges = {
  // T = 1: the only δ is the local one, and dh0 = W_hhᵀ·δ₁
  'single-step': {
    xs: [[1, -0.5]],
    h0: [0.5, -0.25, 0.75],
    Wxh: [[0.5, -1], [0.25, 0.75], [-0.5, 0.5]],
    Whh: [[0.5, -0.25, 0.75], [1, 0.25, -0.5], [-0.75, 0.5, 0.25]],
    b: [0.25, -0.5, 0],
    targets: [[0.5, -0.5, 0.25]],
  },
  // step 1 has pre-activations ±900: h₁ = ±1, tanh′ = 0 there, so the gradient reaching h0 is 0; step 2 is ordinary
  'saturated-tanh': {
    xs: [[900], [-1]],
    h0: [0.5, -0.5],
    Wxh: [[1], [-1]],
    Whh: [[0.5, -0.25], [0.25, 0.75]],
    b: [0.25, -0.5],
    targets: [[0.5, 0.25], [-0.5, 0.5]],
  },
};

type Input = { xs: number[][]; h0: number[]; Wxh: number[][]; Whh: number[][]; b: number[]; targets: number[][] };

/** The reference is autodiff over an unrolled graph (slow-ish): memoize it across properties that draw the same inputs. */
const memo = new Map<string, ReturnType<typeof reference>>();
function expectedFor(input: Input): ReturnType<typeof reference> {
  const key = JSON.stringify(input);
  let value = memo.get(key);
  if (!value) {
    if (memo.size > 500) memo.clear();
    value = reference(input.xs, input.h0, input.Wxh, input.Whh, input.b, input.targets);
    memo.set(key, value);
  }
  return value;
}

const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : value);

/** A property comparing some fields of the student's result with the autodiff reference. */
const compares = (keys: (keyof ReturnType<typeof reference>)[], minT: number) =>
  property({
    arbitrary: sequences(minT),
    examples: edges,
    async check({ xs, h0, Wxh, Whh, b, targets }: Input, ctx) {
      const received = await ctx.call('rnnBptt', xs, h0, Wxh, Whh, b, targets);
      const expected = expectedFor({ xs, h0, Wxh, Whh, b, targets });
      for (const key of keys) ctx.expectClose(expected[key], field(received, key), { what: { es: key, en: key } });
    },
  });

export default defineSpec({
  'forward-loss': compares(['loss'], 1),
  'grad-input-weights': compares(['dWxh', 'db'], 1),
  'grad-recurrent-weights': compares(['dWhh'], 1),
  'grad-initial-state': compares(['dh0'], 1),

  'no-mutation': property({
    arbitrary: sequences(1),
    async check({ xs, h0, Wxh, Whh, b, targets }, ctx) {
      const { mutated } = await ctx.callTracked('rnnBptt', xs, h0, Wxh, Whh, b, targets);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['xs', 'h0', 'Wxh', 'Whh', 'b', 'targets'][i] ?? `#${i}`).join(', ');
        fail({ es: `rnnBptt modificó su argumento ${names}.`, en: `rnnBptt modified its argument ${names}.` });
      }
    },
  }),
});
