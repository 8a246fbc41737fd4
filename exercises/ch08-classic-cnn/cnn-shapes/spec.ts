import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { cnnSummary as reference, type Layer } from '../../../reference/ch08-classic-cnn/cnn-shapes.ts';

const padding = fc.constantFrom('valid' as const, 'same' as const);
const conv = fc.record({ type: fc.constant('conv' as const), filters: arb.dim(1, 8), kernel: arb.dim(1, 5), stride: arb.dim(1, 3), padding });
const pool = fc.record({ type: fc.constant('pool' as const), size: arb.dim(2, 3), stride: arb.dim(1, 3), padding });

/** Spatial size after a window, the same rule the statement gives (used only to keep stacks valid). */
function spatial(n: number, k: number, s: number, p: 'valid' | 'same'): number {
  return p === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

function fits(input: number[], layers: Layer[]): boolean {
  let [h, w] = input as [number, number];
  for (const l of layers) {
    if (l.type === 'conv' || l.type === 'pool') {
      const k = l.type === 'conv' ? l.kernel : l.size;
      if (l.padding === 'valid' && (h < k || w < k)) return false;
      h = spatial(h, k, l.stride, l.padding);
      w = spatial(w, k, l.stride, l.padding);
    }
  }
  return h >= 1 && w >= 1;
}

/** A feature extractor of 1–4 conv/pool layers on a non-square input, optionally followed by flatten + dense layers. */
const network = fc
  .record({
    input: fc.tuple(arb.dim(5, 20), arb.dim(5, 20), arb.dim(1, 3)),
    features: fc.array(fc.oneof(conv, conv, pool), { minLength: 1, maxLength: 4 }),
    head: fc.option(fc.array(fc.record({ type: fc.constant('dense' as const), units: arb.dim(1, 10) }), { maxLength: 2 }), { nil: undefined }),
  })
  .map(({ input, features, head }) => ({ input: [...input], layers: [...features, ...(head ? [{ type: 'flatten' as const }, ...head] : [])] as Layer[] }))
  .filter(({ input, layers }) => fits(input, layers));

/** The statement's edge cases, run first on every grading. */
const edges: Record<string, { input: number[]; layers: Layer[] }> = {
  // a 5×5 'valid' window on a 5×5 input: ⌊0/2⌋ + 1 = 1 per axis
  'window-fills-input': {
    input: [5, 5, 2],
    layers: [{ type: 'conv', filters: 3, kernel: 5, stride: 2, padding: 'valid' }, { type: 'flatten' }, { type: 'dense', units: 4 }],
  },
  // 10×7 → 1×1 conv, stride 3, 'valid' (⌊9/3⌋ + 1 = 4, ⌊6/3⌋ + 1 = 3) → 2×2 conv, stride 3, 'same' (⌈4/3⌉ = 2, ⌈3/3⌉ = 1)
  // → 2×2 pool, stride 3, 'same' (1×1) → flatten → dense
  'stride-past-kernel': {
    input: [10, 7, 3],
    layers: [
      { type: 'conv', filters: 4, kernel: 1, stride: 3, padding: 'valid' },
      { type: 'conv', filters: 2, kernel: 2, stride: 3, padding: 'same' },
      { type: 'pool', size: 2, stride: 3, padding: 'same' },
      { type: 'flatten' },
      { type: 'dense', units: 3 },
    ],
  },
};

const LENET: Layer[] = [
  { type: 'conv', filters: 6, kernel: 5, stride: 1, padding: 'valid' },
  { type: 'pool', size: 2, stride: 2, padding: 'valid' },
  { type: 'conv', filters: 16, kernel: 5, stride: 1, padding: 'valid' },
  { type: 'pool', size: 2, stride: 2, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 120 },
  { type: 'dense', units: 84 },
  { type: 'dense', units: 10 },
];

const VGG_BLOCKS: Layer[] = [
  { type: 'conv', filters: 64, kernel: 3, stride: 1, padding: 'same' },
  { type: 'conv', filters: 64, kernel: 3, stride: 1, padding: 'same' },
  { type: 'pool', size: 2, stride: 2, padding: 'valid' },
  { type: 'conv', filters: 128, kernel: 3, stride: 1, padding: 'same' },
  { type: 'conv', filters: 128, kernel: 3, stride: 1, padding: 'same' },
  { type: 'pool', size: 2, stride: 2, padding: 'valid' },
];

interface Summary {
  shapes: number[][];
  params: number[];
  total: number;
}

export default defineSpec({
  'shapes-match-reference': property({
    arbitrary: network,
    examples: edges,
    async check({ input, layers }, ctx) {
      const received = (await ctx.call('cnnSummary', input, layers)) as Summary;
      ctx.expectClose(reference(input, layers).shapes, received?.shapes, {
        what: { es: 'Formas de salida frente a layer.outputShape de tfjs', en: 'Output shapes against tfjs layer.outputShape' },
      });
    },
  }),

  'params-match-reference': property({
    arbitrary: network,
    examples: edges,
    async check({ input, layers }, ctx) {
      const received = (await ctx.call('cnnSummary', input, layers)) as Summary;
      const expected = reference(input, layers);
      ctx.expectClose(expected.params, received?.params, {
        what: { es: 'Parámetros por capa frente a layer.countParams()', en: 'Parameters per layer against layer.countParams()' },
      });
      ctx.expectClose(expected.total, received?.total, { what: { es: 'total', en: 'total' } });
    },
  }),

  'lenet-5': property({
    arbitrary: fc.constant(null),
    async check(_, ctx) {
      const received = await ctx.call('cnnSummary', [32, 32, 1], LENET);
      ctx.expectClose(reference([32, 32, 1], LENET), received, {
        what: { es: 'LeNet-5 sobre 32×32×1 (61 706 parámetros)', en: 'LeNet-5 on 32×32×1 (61,706 parameters)' },
      });
    },
  }),

  'vgg-blocks': property({
    arbitrary: fc.constant(null),
    async check(_, ctx) {
      const received = await ctx.call('cnnSummary', [32, 32, 3], VGG_BLOCKS);
      ctx.expectClose(reference([32, 32, 3], VGG_BLOCKS), received, {
        what: { es: "Dos bloques VGG (conv 3×3 'same' ×2 + max-pool 2×2) sobre 32×32×3", en: "Two VGG blocks (3×3 'same' conv ×2 + 2×2 max-pool) on 32×32×3" },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: network,
    async check({ input, layers }, ctx) {
      const { mutated } = await ctx.callTracked('cnnSummary', input, layers);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['inputShape', 'layers'][i] ?? `#${i}`).join(', ');
        fail({ es: `cnnSummary modificó su argumento ${names}.`, en: `cnnSummary modified its argument ${names}.` });
      }
    },
  }),
});
