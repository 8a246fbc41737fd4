import fc, { type Arbitrary } from 'fast-check';
import { arb, defineSpec, fail, property, type Text } from '../../../grader/spec/index.ts';
import { mlpBackward as reference, type Activation, type MlpGradients, type MlpParams } from '../../../reference/ch04-perceptron/backprop.ts';

interface Problem {
  p: MlpParams;
  X: number[][];
  Y: number[][];
}

const activation = fc.constantFrom<Activation>('sigmoid', 'tanh', 'relu');

/**
 * Shapes: N samples, D inputs, H hidden units, C classes. H ∈ {4, 5} is always larger than D and C,
 * so W1 (D×H) and W2 (H×C) are never square and a transposed gradient shows up as a shape error.
 */
const shapes = fc.record({ n: arb.dim(1, 4), d: arb.dim(1, 3), h: arb.dim(4, 5), c: arb.dim(2, 3) });

function oneHot(n: number, c: number): Arbitrary<number[][]> {
  return fc
    .array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n })
    .map((classes) => classes.map((k) => Array.from({ length: c }, (_, j) => (j === k ? 1 : 0))));
}

/** Output biases: mostly small, sometimes around ±100 so that some logits are large. */
const outputBias = fc.oneof({ arbitrary: arb.num(2), weight: 4 }, { arbitrary: arb.numIn(90, 110), weight: 1 }, { arbitrary: arb.numIn(-110, -90), weight: 1 });

function problem(opts: { b1?: Arbitrary<number>; b2?: Arbitrary<number> } = {}): Arbitrary<Problem> {
  return shapes.chain(({ n, d, h, c }) =>
    fc.record({
      p: fc.record({
        W1: arb.matrix(d, h, arb.num(1)),
        b1: arb.vector(h, opts.b1 ?? arb.num(1)),
        W2: arb.matrix(h, c, arb.num(2)),
        b2: arb.vector(c, opts.b2 ?? outputBias),
      }),
      X: arb.matrix(n, d, arb.num(2)),
      Y: oneHot(n, c),
    }),
  );
}

/**
 * Some hidden units are "at zero": their column of W1 and their b1 entry are 0, so their
 * pre-activation is exactly 0 on every sample. Some samples are all zeros too.
 */
const zeroPreactivations = problem({ b2: arb.num(2) }).chain(({ p, X, Y }) =>
  fc
    .record({
      dead: fc.array(fc.boolean(), { minLength: p.b1.length, maxLength: p.b1.length }).filter((d) => d.some(Boolean)),
      zeroRows: fc.array(fc.boolean(), { minLength: X.length, maxLength: X.length }),
    })
    .map(({ dead, zeroRows }) => ({
      p: { ...p, W1: p.W1.map((row) => row.map((w, j) => (dead[j] ? 0 : w))), b1: p.b1.map((b, j) => (dead[j] ? 0 : b)) },
      X: X.map((row, n) => (zeroRows[n] ? row.map(() => 0) : row)),
      Y,
    })),
);

/** "4×3" for a matrix, "3" for a vector. */
const shapeOf = (value: number[] | number[][]): string =>
  Array.isArray(value[0]) ? `${value.length}×${(value[0] as number[]).length}` : `${value.length}`;

/** What each gradient is, for the messages: its name and the shape it must have. */
function describeGradient(key: keyof MlpParams, p: MlpParams): Text {
  const shape = shapeOf(p[key]);
  return { es: `d${key} (${shape}, la forma de ${key})`, en: `d${key} (${shape}, the shape of ${key})` };
}

/** Gradients in backprop order: the output layer first, where a mistake starts. */
const GRADIENT_KEYS: (keyof MlpParams)[] = ['W2', 'b2', 'W1', 'b1'];

/** Hidden pre-activations of ±401 and 800.5: tanh as a ratio of exps overflows above ~355, σ as eᶻ/(1 + eᶻ) above 709. */
const SATURATED: Problem = {
  p: { W1: [[1, -1, 0.5, 0]], b1: [400, -400, 800, 0], W2: [[1, -1], [0.5, 0.5], [-1, 1], [0.25, 0]], b2: [0, 0] },
  X: [[1]],
  Y: [[1, 0]],
};

function gradientsProperty(act: Activation) {
  return property({
    arbitrary: problem(),
    examples: { 'saturated-hidden-units': SATURATED },
    async check({ p, X, Y }, ctx) {
      const received = asGradients(await ctx.call('mlpBackward', p, X, Y, act), p);
      const expected = reference(p, X, Y, act);
      for (const key of GRADIENT_KEYS) ctx.expectClose(expected[`d${key}`], received[`d${key}`], { what: describeGradient(key, p) });
    },
  });
}

/** How each weight gradient is built, for a transposed result. */
const PRODUCT: Partial<Record<keyof MlpParams, { right: string; wrong: string }>> = {
  W1: { right: 'Xᵀ·δ₁ (D×N · N×H = D×H)', wrong: 'δ₁ᵀ·X' },
  W2: { right: 'A₁ᵀ·δ₂ (H×N · N×C = H×C)', wrong: 'δ₂ᵀ·A₁' },
};

/** Fails unless the student's result has a numeric loss and every gradient with its parameter's shape. */
function asGradients(value: unknown, p: MlpParams): MlpGradients {
  const g = value as Record<string, unknown> | null;
  for (const key of GRADIENT_KEYS) {
    const param = p[key];
    const grad = g?.[`d${key}`];
    const same =
      Array.isArray(grad) &&
      grad.length === param.length &&
      param.every((row, i) => (Array.isArray(row) ? Array.isArray(grad[i]) && (grad[i] as unknown[]).length === row.length : typeof grad[i] === 'number'));
    if (same) continue;
    const product = PRODUCT[key];
    const transposed =
      product !== undefined && Array.isArray(grad) && Array.isArray(grad[0]) && grad.length === (param[0] as number[]).length && (grad[0] as unknown[]).length === param.length;
    const got = Array.isArray(grad) ? (Array.isArray(grad[0]) ? `${grad.length}×${(grad[0] as unknown[]).length}` : `${grad.length}`) : typeof grad;
    fail(
      {
        es: `d${key} debe tener exactamente la forma de ${key} (${shapeOf(param)}) y se recibió ${got}.${transposed ? ` Es la traspuesta: d${key} = ${product.right}, no ${product.wrong}.` : ''} Recuerda que W1 es entradas×ocultas y W2 ocultas×clases.`,
        en: `d${key} must have exactly the shape of ${key} (${shapeOf(param)}) but it is ${got}.${transposed ? ` That is its transpose: d${key} = ${product.right}, not ${product.wrong}.` : ''} Remember that W1 is inputs×hidden and W2 hidden×classes.`,
      },
      { received: grad },
    );
  }
  if (typeof g?.['loss'] !== 'number') fail({ es: 'loss debe ser un número.', en: 'loss must be a number.' }, { received: g?.['loss'] });
  return g as unknown as MlpGradients;
}

/** Reads p[key] at a coordinate and writes a copy of p with that coordinate replaced. */
function coordinate(p: MlpParams, key: keyof MlpParams, i: number, j: number) {
  const param = p[key];
  const row = i % param.length;
  const isMatrix = Array.isArray(param[0]);
  const col = isMatrix ? j % (param[0] as number[]).length : 0;
  const label = isMatrix ? `${key}[${row}][${col}]` : `${key}[${row}]`;
  const get = (q: MlpParams | MlpGradients, name: string): number => {
    const value = (q as unknown as Record<string, number[] | number[][]>)[name]!;
    return isMatrix ? (value as number[][])[row]![col]! : (value as number[])[row]!;
  };
  const withValue = (v: number): MlpParams => {
    const copy = structuredClone(p);
    if (isMatrix) (copy[key] as number[][])[row]![col] = v;
    else (copy[key] as number[])[row] = v;
    return copy;
  };
  return { label, value: get(p, key), gradient: (g: MlpGradients) => get(g, `d${key}`), withValue };
}

export default defineSpec({
  'loss-matches-reference': property({
    arbitrary: fc.record({ problem: problem(), act: activation }),
    examples: { 'saturated-hidden-units': { problem: SATURATED, act: 'tanh' as Activation } },
    async check({ problem: { p, X, Y }, act }, ctx) {
      const received = (await ctx.call('mlpBackward', p, X, Y, act)) as Partial<MlpGradients> | null;
      ctx.expectClose(reference(p, X, Y, act).loss, received?.loss, {
        what: { es: `loss (media de la entropía cruzada, activación ${act})`, en: `loss (mean cross-entropy, ${act} activation)` },
      });
    },
  }),

  'gradients-sigmoid': gradientsProperty('sigmoid'),
  'gradients-tanh': gradientsProperty('tanh'),
  'gradients-relu': gradientsProperty('relu'),

  'relu-derivative-at-zero': property({
    arbitrary: zeroPreactivations,
    async check({ p, X, Y }, ctx) {
      const received = asGradients(await ctx.call('mlpBackward', p, X, Y, 'relu'), p);
      // units whose pre-activation X·W1 + b1 is exactly 0 on every sample (exact on the grid of eighths)
      const atZero = p.b1.map((_, j) => j).filter((j) => X.every((x) => x.reduce((z, xi, i) => z + xi * p.W1[i]![j]!, p.b1[j]!) === 0));
      for (const j of atZero) {
        const column = received.dW1.map((row) => row[j]!);
        if (received.db1[j] !== 0 || column.some((v) => v !== 0)) {
          fail(
            {
              es: `La unidad oculta ${j} tiene preactivación z = 0 en todas las muestras (X·W1 + b1 = 0 en esa columna), y ReLU'(0) = 0, así que db1[${j}] y la columna ${j} de dW1 deben ser exactamente 0; se recibió db1[${j}] = ${received.db1[j]} y dW1[·][${j}] = [${column.join(', ')}].`,
              en: `Hidden unit ${j} has pre-activation z = 0 on every sample (X·W1 + b1 = 0 in that column), and ReLU'(0) = 0, so db1[${j}] and column ${j} of dW1 must be exactly 0; received db1[${j}] = ${received.db1[j]} and dW1[·][${j}] = [${column.join(', ')}].`,
            },
            { expected: 0, received: received.db1[j] },
          );
        }
      }
      const expected = reference(p, X, Y, 'relu');
      for (const key of GRADIENT_KEYS) ctx.expectClose(expected[`d${key}`], received[`d${key}`], { what: describeGradient(key, p) });
    },
  }),

  'finite-differences': property({
    arbitrary: fc.record({
      // b1 off the grid by 1/128: no ReLU pre-activation is within reach of the step h of its kink
      problem: problem({ b1: arb.num(1).map((v) => v + 1 / 128), b2: arb.num(2) }),
      act: activation,
      picks: fc.array(fc.record({ key: fc.constantFrom<keyof MlpParams>('W1', 'b1', 'W2', 'b2'), i: fc.nat(20), j: fc.nat(20) }), { minLength: 3, maxLength: 3 }),
    }),
    async check({ problem: { p, X, Y }, act, picks }, ctx) {
      const h = 1e-5;
      const grads = asGradients(await ctx.call('mlpBackward', p, X, Y, act), p);
      for (const { key, i, j } of picks) {
        const c = coordinate(p, key, i, j);
        const up = c.value + h;
        const down = c.value - h;
        const lossUp = asGradients(await ctx.call('mlpBackward', c.withValue(up), X, Y, act), p).loss;
        const lossDown = asGradients(await ctx.call('mlpBackward', c.withValue(down), X, Y, act), p).loss;
        const slope = (lossUp - lossDown) / (up - down);
        ctx.expectClose(slope, c.gradient(grads), {
          what: {
            es: `Tu d${c.label} no coincide con la pendiente de tu propia pérdida en esa coordenada, (loss(${c.label} + h) − loss(${c.label} − h)) / 2h con h = ${h} (activación ${act})`,
            en: `Your d${c.label} does not match the slope of your own loss along that coordinate, (loss(${c.label} + h) − loss(${c.label} − h)) / 2h with h = ${h} (${act} activation)`,
          },
        });
      }
    },
  }),

  'logit-shift-invariance': property({
    arbitrary: fc.record({ problem: problem({ b2: arb.num(2) }), act: activation, shift: fc.constantFrom(1000, -1000) }),
    async check({ problem: { p, X, Y }, act, shift }, ctx) {
      const base = await ctx.call('mlpBackward', p, X, Y, act);
      const shifted = await ctx.call('mlpBackward', { ...p, b2: p.b2.map((b) => b + shift) }, X, Y, act);
      ctx.expectClose(base, shifted, {
        what: {
          es: `Sumar ${shift} a todo b2 (a todos los logits) no cambia la softmax, así que loss y los gradientes deben quedar igual; con b2 + ${shift}`,
          en: `Adding ${shift} to all of b2 (to every logit) does not change the softmax, so loss and gradients must stay the same; with b2 + ${shift}`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ problem: problem(), act: activation }),
    async check({ problem: { p, X, Y }, act }, ctx) {
      const { mutated } = await ctx.callTracked('mlpBackward', p, X, Y, act);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['p', 'X', 'Y', 'activation'][i] ?? `#${i}`).join(', ');
        fail({ es: `mlpBackward modificó su argumento ${names}.`, en: `mlpBackward modified its argument ${names}.` });
      }
    },
  }),

  'batch-duplication': property({
    arbitrary: fc.record({ problem: problem({ b2: arb.num(2) }), act: activation }),
    async check({ problem: { p, X, Y }, act }, ctx) {
      const once = await ctx.call('mlpBackward', p, X, Y, act);
      const twice = await ctx.call('mlpBackward', p, [...X, ...X], [...Y, ...Y], act);
      ctx.expectClose(once, twice, {
        what: {
          es: 'Con el lote duplicado (X y Y repetidos dos veces) la media no cambia, así que loss y los gradientes deben ser los mismos',
          en: 'With the batch duplicated (X and Y repeated twice) the mean does not change, so loss and gradients must be the same',
        },
      });
    },
  }),
});
