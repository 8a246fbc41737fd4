import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { gapDenseGrad, gradCam } from '../../../reference/ch28-interpretability/grad-cam.ts';

type Tensor3 = number[][][];
interface Case {
  A: Tensor3;
  G: Tensor3;
}

/**
 * The map computed exactly: inputs are on a grid of eighths, so 8·A and 8·G are integers and
 * E_ij = Σ_k (Σ_pq 8·G_pqk)·8·A_ijk is an integer with the sign of L_ij (before the ReLU); T is the
 * size of the largest term, to tell a clear maximum from one lost in rounding.
 */
function exact({ A, G }: Case): { E: number[][]; T: number; zeroTerms: boolean[][] } {
  const K = A[0]![0]!.length;
  const S = new Array<number>(K).fill(0);
  for (const row of G) for (const px of row) px.forEach((g, k) => (S[k]! += Math.round(8 * g)));
  let T = 0;
  const zeroTerms: boolean[][] = [];
  const E = A.map((row, i) => {
    zeroTerms[i] = [];
    return row.map((px, j) => {
      let e = 0;
      let t = 0;
      px.forEach((a, k) => {
        const term = S[k]! * Math.round(8 * a);
        e += term;
        t += Math.abs(term);
      });
      T = Math.max(T, t);
      zeroTerms[i]![j] = t === 0;
      return e;
    });
  });
  return { E, T, zeroTerms };
}

const shapes = fc.record({ h: arb.dim(1, 4), w: arb.dim(1, 4), k: arb.dim(1, 4) });

/** Activations and gradients whose map has a clear positive maximum (float32 and float64 agree). */
const positive: fc.Arbitrary<Case> = shapes
  .chain(({ h, w, k }) => fc.record({ A: arb.tensor3(h, w, k, arb.num(2)), G: arb.tensor3(h, w, k, arb.num(2)) }))
  .filter((c) => {
    const { E, T } = exact(c);
    return Math.max(...E.flat()) >= 0.01 * T && T > 0;
  });

/**
 * A map with no positive value: non-negative activations and gradients ≤ −1/8 everywhere, so
 * every α_k < 0 and every Σ_k α_k·A_ijk ≤ 0 without cancellation (exactly 0 where A_ij is 0).
 */
const nonPositive: fc.Arbitrary<Case> = shapes.chain(({ h, w, k }) =>
  fc.record({
    A: arb.tensor3(h, w, k, arb.num(2).map((v) => Math.abs(v))),
    G: arb.tensor3(h, w, k, arb.num(2).map((v) => -Math.abs(v) - 0.125)),
  }),
);

const headCases = shapes.chain(({ h, w, k }) => fc.record({ A: arb.tensor3(h, w, k, arb.num(2)), w: arb.vector(k, arb.num(2)) }));

const TOL = { atol: 1e-4, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'gap-dense-grad': property({
    arbitrary: headCases,
    async check({ A, w }, ctx) {
      ctx.expectClose(gapDenseGrad(A, w), await ctx.call('gapDenseGrad', A, w));
    },
  }),

  'matches-reference': property({
    arbitrary: positive,
    examples: {
      // every position has the same activations, so L is the same positive value everywhere and the map is all ones
      // (a min–max normalisation would be 0/0 here)
      'flat-map': { A: [[[1, 0.5], [1, 0.5]], [[1, 0.5], [1, 0.5]]], G: [[[0.5, -0.25], [1, 0.25]], [[0.25, 0], [0.75, -0.5]]] },
      // a 1×1 map: its only value is the maximum
      'single-position': { A: [[[0.5, -1.5, 2]]], G: [[[1, -0.5, 0.25]]] },
    },
    async check({ A, G }, ctx) {
      ctx.expectClose(gradCam(A, G), await ctx.call('gradCam', A, G));
    },
  }),

  'zero-map': property({
    arbitrary: fc.tuple(nonPositive, positive),
    examples: {
      // every gradient negative and every activation ≥ 0 (one position all zeros): no value of L is positive
      'all-negative-gradients': [
        { A: [[[1, 0], [0, 0]], [[0.5, 2], [1.5, 0.25]]], G: [[[-1, -0.5], [-0.25, -2]], [[-0.125, -1], [-0.5, -0.75]]] },
        { A: [[[1, 0.5], [-1, 2]]], G: [[[0.5, 0.25], [1, -0.5]]] },
      ] as [Case, Case],
    },
    async check([none, some], ctx) {
      const received = await ctx.call('gradCam', none.A, none.G);
      ctx.expectClose(
        none.A.map((row) => row.map(() => 0)),
        received,
        {
          what: {
            es: 'Con activaciones ≥ 0 y todos los gradientes negativos ningún valor de Σ_k α_k·A_k es positivo; el mapa',
            en: 'With activations ≥ 0 and every gradient negative no value of Σ_k α_k·A_k is positive; the map',
          },
        },
      );
      ctx.expectClose(gradCam(some.A, some.G), await ctx.call('gradCam', some.A, some.G), { tolerance: TOL, what: REFERENCE });
    },
  }),

  'gap-head-is-cam': property({
    arbitrary: headCases.filter(({ A, w }) => {
      // the same clear-maximum condition, with the gradient of the head w_k/(H·W) at every position
      const G = A.map((row) => row.map(() => w.slice()));
      const { E, T } = exact({ A, G });
      return T > 0 && Math.max(...E.flat()) >= 0.01 * T;
    }),
    async check({ A, w }, ctx) {
      const dYdA = await ctx.call('gapDenseGrad', A, w);
      const received = await ctx.call('gradCam', A, dYdA);
      // for a GAP + dense head Grad-CAM is CAM: ReLU(Σ_k w_k·A_k) over its maximum
      const cam = A.map((row) => row.map((px) => Math.max(0, px.reduce((s, a, k) => s + w[k]! * a, 0))));
      const peak = Math.max(...cam.flat());
      ctx.expectClose(
        cam.map((row) => row.map((v) => v / peak)),
        received,
        {
          tolerance: TOL,
          what: {
            es: 'Con los gradientes de una cabeza GAP + densa, Grad-CAM debe dar el CAM ReLU(Σ_k w_k·A_k)/máx; gradCam(A, gapDenseGrad(A, w))',
            en: 'With the gradients of a GAP + dense head, Grad-CAM must give the CAM ReLU(Σ_k w_k·A_k)/max; gradCam(A, gapDenseGrad(A, w))',
          },
        },
      );
    },
  }),

  'no-mutation': property({
    arbitrary: fc.tuple(positive, arb.num(2)),
    async check([{ A, G }, scale], ctx) {
      const cam = await ctx.callTracked('gradCam', A, G);
      if (cam.mutated.length > 0) {
        const names = cam.mutated.map((i) => ['A', 'dYdA'][i] ?? `#${i}`).join(', ');
        fail({ es: `gradCam modificó su argumento ${names}.`, en: `gradCam modified its argument ${names}.` });
      }
      const w = A[0]![0]!.map((_, k) => scale + k / 8);
      const head = await ctx.callTracked('gapDenseGrad', A, w);
      if (head.mutated.length > 0) {
        const names = head.mutated.map((i) => ['A', 'w'][i] ?? `#${i}`).join(', ');
        fail({ es: `gapDenseGrad modificó su argumento ${names}.`, en: `gapDenseGrad modified its argument ${names}.` });
      }
      ctx.expectClose(gradCam(A, G), cam.value, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
