import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { encoderLayer, layerNorm, type EncoderParams } from '../../../reference/ch13-attention-transformers/transformer-encoder-layer.ts';

const epsilons = fc.constantFrom(1e-5, 1e-3, 0.01, 0.1);

/** Rows with a spread (k/8 values, not all equal), γ and β. */
const lnCases = fc.record({ n: arb.dim(1, 4), d: arb.dim(2, 6) }).chain(({ n, d }) =>
  fc.record({
    X: arb.matrix(n, d, arb.num(3)),
    gamma: arb.vector(d, arb.num(2)),
    beta: arb.vector(d, arb.num(2)),
    eps: epsilons,
  }),
);

const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));

/** d = heads·d_h with d_h ∈ {1, 2}; weights small enough that softmax is not saturated. */
const encoderCases = fc
  .record({ n: arb.dim(1, 4), heads: arb.dim(1, 3), dh: arb.dim(1, 2), dff: arb.dim(1, 5) })
  .chain(({ n, heads, dh, dff }) => {
    const d = heads * dh;
    const w = (r: number, c: number) => arb.matrix(r, c, arb.num(1));
    return fc.record({
      X: arb.matrix(n, d, arb.num(2)),
      heads: fc.constant(heads),
      params: fc.record<EncoderParams>({
        Wq: w(d, d),
        Wk: w(d, d),
        Wv: w(d, d),
        Wo: w(d, d),
        W1: w(d, dff),
        b1: arb.vector(dff, arb.num(1)),
        W2: w(dff, d),
        b2: arb.vector(d, arb.num(1)),
        gamma1: arb.vector(d, arb.num(2)),
        beta1: arb.vector(d, arb.num(1)),
        gamma2: arb.vector(d, arb.num(2)),
        beta2: arb.vector(d, arb.num(1)),
      }),
    });
  });

function isMatrix(v: unknown, rows: number, cols: number): v is number[][] {
  return Array.isArray(v) && v.length === rows && v.every((r) => Array.isArray(r) && r.length === cols && r.every((x) => typeof x === 'number'));
}

function matrixOf(fn: string, v: unknown, rows: number, cols: number): number[][] {
  if (!isMatrix(v, rows, cols)) {
    fail(
      { es: `${fn} debe devolver una matriz ${rows}×${cols} de números (la forma de X).`, en: `${fn} must return a ${rows}×${cols} matrix of numbers (X's shape).` },
      { received: v },
    );
  }
  return v;
}

const mean = (r: number[]) => r.reduce((a, b) => a + b, 0) / r.length;
const variance = (r: number[]) => mean(r.map((v) => (v - mean(r)) ** 2));

export default defineSpec({
  'ln-matches-reference': property({
    arbitrary: lnCases,
    async check({ X, gamma, beta, eps }, ctx) {
      const received = await ctx.call('layerNorm', X, gamma, beta, eps);
      ctx.expectClose(layerNorm(X, gamma, beta, eps), received, { what: { es: `layerNorm con ε = ${eps}`, en: `layerNorm with ε = ${eps}` } });
    },
  }),

  'ln-normalises': property({
    arbitrary: lnCases.filter(({ X }) => X.every((r) => variance(r) >= 0.25)),
    async check({ X }, ctx) {
      const d = X[0]!.length;
      const Y = matrixOf('layerNorm', await ctx.call('layerNorm', X, new Array(d).fill(1), new Array(d).fill(0), 1e-5), X.length, d);
      Y.forEach((row, i) => {
        const m = mean(row);
        const v = variance(row);
        const expected = variance(X[i]!) / (variance(X[i]!) + 1e-5);
        // negated so that NaN (which compares false with everything) fails too
        if (!(Math.abs(m) <= 1e-4 && Math.abs(v - expected) <= 1e-3)) {
          fail(
            {
              es: `Con γ = 1 y β = 0, cada fila de la salida debe tener media 0 y varianza (con 1/d) casi 1; la fila ${i} tiene media ${m.toFixed(5)} y varianza ${v.toFixed(5)}.`,
              en: `With γ = 1 and β = 0 every output row must have mean 0 and (1/d) variance almost 1; row ${i} has mean ${m.toFixed(5)} and variance ${v.toFixed(5)}.`,
            },
            { expected: `media 0, varianza ${expected.toFixed(5)}`, received: `${m.toFixed(5)}, ${v.toFixed(5)}` },
          );
        }
      });
    },
  }),

  'ln-constant-row': property({
    arbitrary: fc.record({ n: arb.dim(1, 3), d: arb.dim(2, 5) }).chain(({ n, d }) =>
      fc.record({ values: arb.vector(n, arb.num(3)), d: fc.constant(d), gamma: arb.vector(d, arb.num(2)), beta: arb.vector(d, arb.num(2)), eps: epsilons }),
    ),
    async check({ values, d, gamma, beta, eps }, ctx) {
      const X = values.map((v) => new Array<number>(d).fill(v));
      ctx.expectClose(X.map(() => beta), await ctx.call('layerNorm', X, gamma, beta, eps), {
        what: {
          es: 'Una fila constante (varianza 0) debe dar exactamente β: ε evita dividir entre 0',
          en: 'A constant row (variance 0) must give exactly β: ε avoids dividing by 0',
        },
      });
    },
  }),

  'encoder-matches-reference': property({
    arbitrary: encoderCases,
    examples: {
      // scores q·k/√d_h of ±1600 in each head: a softmax without the max shift overflows exp (Infinity/Infinity = NaN)
      'large-scores': {
        X: [[40, -30], [-40, 30], [35, 35]],
        heads: 2,
        params: {
          Wq: [[1, 0], [0, 1]],
          Wk: [[1, 0], [0, 1]],
          Wv: [[1, 0], [0, 1]],
          Wo: [[0.5, -0.5], [0.25, 1]],
          W1: [[1, -1, 0.5], [0.5, 1, -1]],
          b1: [0.1, -0.2, 0.3],
          W2: [[1, 0], [0, 1], [-1, 0.5]],
          b2: [0.1, -0.1],
          gamma1: [1, 1.5],
          beta1: [0, 0.5],
          gamma2: [2, 1],
          beta2: [-0.5, 0],
        },
      },
    },
    async check({ X, params, heads }, ctx) {
      const received = await ctx.call('encoderLayer', X, params, heads);
      ctx.expectClose(encoderLayer(X, params, heads), received, { what: { es: `encoderLayer con ${heads} cabeza(s)`, en: `encoderLayer with ${heads} head(s)` } });
    },
  }),

  'encoder-post-ln': property({
    arbitrary: encoderCases,
    async check({ X, params, heads }, ctx) {
      const d = X[0]!.length;
      const p = { ...params, gamma2: new Array<number>(d).fill(1), beta2: new Array<number>(d).fill(0) };
      const Y = matrixOf('encoderLayer', await ctx.call('encoderLayer', X, p, heads), X.length, d);
      const expected = encoderLayer(X, p, heads);
      Y.forEach((row, i) => {
        if (Math.abs(mean(row)) > 1e-4 || variance(row) > 1 + 1e-4) {
          fail(
            {
              es: `Con γ₂ = 1 y β₂ = 0 la salida es la de una LayerNorm (post-LN): cada fila tiene media 0 y varianza ≤ 1. La fila ${i} tiene media ${mean(row).toFixed(5)} y varianza ${variance(row).toFixed(5)}: ¿normalizas antes de cada subcapa (pre-LN) en vez de después de sumar el residuo?`,
              en: `With γ₂ = 1 and β₂ = 0 the output is a LayerNorm's (post-LN): every row has mean 0 and variance ≤ 1. Row ${i} has mean ${mean(row).toFixed(5)} and variance ${variance(row).toFixed(5)}: do you normalise before each sub-layer (pre-LN) instead of after adding the residual?`,
            },
            { expected: expected[i], received: row },
          );
        }
      });
      ctx.expectClose(expected, Y, { tolerance: { atol: 1e-4, rtol: 1e-4 } });
    },
  }),

  'encoder-residual': property({
    arbitrary: encoderCases,
    async check({ X, params, heads }, ctx) {
      // With Wo = 0 and W2 = 0, b2 = 0 both sub-layers output 0: only the residual paths carry X.
      const d = X[0]!.length;
      const dff = params.W1[0]!.length;
      const p = { ...params, Wo: zeros(d, d), W2: zeros(dff, d), b2: new Array<number>(d).fill(0) };
      const Z = layerNorm(X, p.gamma1, p.beta1, 1e-5);
      ctx.expectClose(layerNorm(Z, p.gamma2, p.beta2, 1e-5), await ctx.call('encoderLayer', X, p, heads), {
        tolerance: { atol: 1e-4, rtol: 1e-4 },
        what: {
          es: 'Con Wo = 0 y W2 = 0, b2 = 0 las dos subcapas dan 0 y solo queda el residuo: Y = LN₂(LN₁(X))',
          en: 'With Wo = 0 and W2 = 0, b2 = 0 both sub-layers output 0 and only the residual remains: Y = LN₂(LN₁(X))',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: encoderCases,
    async check({ X, params, heads }, ctx) {
      const { value, mutated } = await ctx.callTracked('encoderLayer', X, params, heads);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['X', 'params', 'heads'][i] ?? `#${i}`).join(', ');
        fail({ es: `encoderLayer modificó su argumento ${names}.`, en: `encoderLayer modified its argument ${names}.` });
      }
      ctx.expectClose(encoderLayer(X, params, heads), value, { tolerance: { atol: 1e-4, rtol: 1e-4 } });
    },
  }),
});
