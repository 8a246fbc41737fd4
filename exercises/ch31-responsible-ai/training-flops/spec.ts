import fc from 'fast-check';
import { defineSpec, property } from '../../../grader/spec/index.ts';
import { layerFlops as referenceFlops, trainingFootprint as reference, type Layer, type TrainingJob } from '../../../reference/ch31-responsible-ai/training-flops.ts';

const dense: fc.Arbitrary<Layer> = fc.record({ kind: fc.constant('dense' as const), inputs: fc.integer({ min: 1, max: 4096 }), outputs: fc.integer({ min: 1, max: 4096 }) });

/** Convolutions with odd sizes and strides that do not divide them; 'valid' only when the kernel fits. */
const conv: fc.Arbitrary<Layer> = fc
  .record({
    kind: fc.constant('conv2d' as const),
    height: fc.integer({ min: 1, max: 64 }),
    width: fc.integer({ min: 1, max: 64 }),
    channels: fc.integer({ min: 1, max: 256 }),
    filters: fc.integer({ min: 1, max: 256 }),
    kernel: fc.constantFrom(1, 3, 5, 7, 2),
    stride: fc.integer({ min: 1, max: 3 }),
    padding: fc.constantFrom('valid' as const, 'same' as const),
  })
  .map((l) => (l.padding === 'valid' && (l.kernel > l.height || l.kernel > l.width) ? { ...l, padding: 'same' as const } : l));

const job: fc.Arbitrary<TrainingJob> = fc.record({
  params: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 500_000 }).map((k) => k * 1_000_000)),
  tokens: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 20_000 }).map((k) => k * 1_000_000_000)),
  gpus: fc.integer({ min: 1, max: 4096 }),
  peakFlops: fc.constantFrom(19.5e12, 125e12, 312e12, 989e12),
  utilisation: fc.constantFrom(0.25, 0.3, 0.4, 0.5, 1),
  powerWatts: fc.constantFrom(250, 300, 400, 700),
  pue: fc.constantFrom(1, 1.1, 1.2, 1.58),
  carbonIntensity: fc.constantFrom(0.02, 0.2, 0.4, 0.9),
});

export default defineSpec({
  'dense-flops': property({
    arbitrary: dense,
    async check(layer, ctx) {
      ctx.expectClose(referenceFlops(layer), await ctx.call('layerFlops', layer), {
        what: { es: `layerFlops(${JSON.stringify(layer)})`, en: `layerFlops(${JSON.stringify(layer)})` },
      });
    },
  }),

  'conv-flops': property({
    arbitrary: conv,
    examples: {
      // 'valid' with a kernel as large as the image: ⌊(7 − 7)/2⌋ + 1 = 1, a 1×1 output
      'kernel-fills-image': { kind: 'conv2d', height: 7, width: 7, channels: 3, filters: 8, kernel: 7, stride: 2, padding: 'valid' },
      // 'same' with a stride that does not divide the sizes: ⌈7/2⌉ × ⌈5/2⌉ = 4×3 (not ⌊⌋)
      'same-stride-remainder': { kind: 'conv2d', height: 7, width: 5, channels: 2, filters: 4, kernel: 3, stride: 2, padding: 'same' },
    },
    async check(layer, ctx) {
      ctx.expectClose(referenceFlops(layer), await ctx.call('layerFlops', layer), {
        what: { es: `layerFlops(${JSON.stringify(layer)})`, en: `layerFlops(${JSON.stringify(layer)})` },
      });
    },
  }),

  'footprint-matches-reference': property({
    arbitrary: job,
    async check(j, ctx) {
      ctx.expectClose(reference(j), await ctx.call('trainingFootprint', j));
    },
  }),

  'more-gpus-same-energy': property({
    arbitrary: job,
    async check(j, ctx) {
      const one = (await ctx.call('trainingFootprint', j)) as Record<string, unknown> | null;
      const two = (await ctx.call('trainingFootprint', { ...j, gpus: 2 * j.gpus })) as Record<string, unknown> | null;
      const pick = (r: Record<string, unknown> | null, k: string) => (r && typeof r === 'object' ? r[k] : undefined);
      const half = typeof pick(one, 'days') === 'number' ? (pick(one, 'days') as number) / 2 : undefined;
      ctx.expectClose(half, pick(two, 'days'), {
        what: { es: 'Con el doble de GPUs, los días deben reducirse a la mitad; days', en: 'With twice the GPUs, the days must halve; days' },
      });
      ctx.expectClose(pick(one, 'energyKWh'), pick(two, 'energyKWh'), {
        what: { es: 'Con el doble de GPUs la energía total no cambia (las mismas horas-GPU); energyKWh', en: 'With twice the GPUs the total energy does not change (the same GPU-hours); energyKWh' },
      });
      // checks the values too, so that a constant answer scores 0
      ctx.expectClose(reference(j), one, {
        tolerance: { atol: 1e-9, rtol: 1e-5 },
        what: { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' },
      });
    },
  }),
});
