import fc from 'fast-check';
import { defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { summarize as reference, type LayerSpec, type ModelSummary } from '../../../reference/ch19-tensorflow-keras/keras-summary.ts';

const small = (min: number, max: number) => fc.integer({ min, max });

/** Layer proposals; optional fields are sometimes left out so that the defaults matter. */
const proposal: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc.record({ type: fc.constant('dense' as const), units: small(1, 6), useBias: fc.boolean() }, { requiredKeys: ['type', 'units'] }),
  fc.record(
    { type: fc.constant('conv2d' as const), filters: small(1, 4), kernelSize: small(1, 3), strides: small(1, 3), padding: fc.constantFrom('valid' as const, 'same' as const), useBias: fc.boolean() },
    { requiredKeys: ['type', 'filters', 'kernelSize'] },
  ),
  fc.record({ type: fc.constant('maxPooling2d' as const), poolSize: small(2, 3), strides: small(1, 3) }, { requiredKeys: ['type', 'poolSize'] }),
  fc.record({ type: fc.constant('batchNormalization' as const) }),
  fc.record({ type: fc.constant('flatten' as const) }),
  fc.record({ type: fc.constant('dropout' as const), rate: fc.constantFrom(0.1, 0.5) }),
);

/** The next shape, or undefined when Keras would reject the layer on this input. */
function next(shape: number[], layer: LayerSpec): number[] | undefined {
  const [h, w, c] = shape as [number, number, number];
  switch (layer.type) {
    case 'dense':
      return [...shape.slice(0, -1), layer.units];
    case 'conv2d': {
      if (shape.length !== 3) return undefined;
      const s = layer.strides ?? 1;
      if (layer.padding === 'same') return [Math.ceil(h / s), Math.ceil(w / s), layer.filters];
      if (layer.kernelSize > h || layer.kernelSize > w) return undefined;
      return [Math.floor((h - layer.kernelSize) / s) + 1, Math.floor((w - layer.kernelSize) / s) + 1, layer.filters];
    }
    case 'maxPooling2d': {
      if (shape.length !== 3 || layer.poolSize > h || layer.poolSize > w) return undefined;
      const s = layer.strides ?? layer.poolSize;
      return [Math.floor((h - layer.poolSize) / s) + 1, Math.floor((w - layer.poolSize) / s) + 1, c];
    }
    case 'flatten':
      return shape.length >= 2 ? [shape.reduce((a, b) => a * b, 1)] : undefined;
    default:
      return shape;
  }
}

/** An input shape (image, sequence or vector) and the proposals Keras accepts on it, in order. */
const model = fc
  .record({
    inputShape: fc.oneof(
      { arbitrary: fc.tuple(small(3, 10), small(3, 10), small(1, 3)), weight: 4 },
      { arbitrary: fc.tuple(small(1, 6)), weight: 1 },
      { arbitrary: fc.tuple(small(1, 4), small(1, 5)), weight: 1 },
    ),
    proposals: fc.array(proposal, { minLength: 1, maxLength: 6 }),
  })
  .map(({ inputShape, proposals }) => {
    const layers: LayerSpec[] = [];
    let shape: number[] = [...inputShape];
    for (const layer of proposals) {
      const out = next(shape, layer);
      if (out) {
        layers.push(layer);
        shape = out;
      }
    }
    if (layers.length === 0) layers.push({ type: 'dense', units: 2 });
    return { inputShape: [...inputShape] as number[], layers };
  });

/** The statement's edge cases, run first on every grading. */
const edges: Record<string, { inputShape: number[]; layers: LayerSpec[] }> = {
  // 3×3 'valid' on 3×3 → 1×1×4; BN 16 (8 trainable); flatten [4]; dense without bias 4·2 = 8
  'window-fills-map': {
    inputShape: [3, 3, 2],
    layers: [{ type: 'conv2d', filters: 4, kernelSize: 3 }, { type: 'batchNormalization' }, { type: 'flatten' }, { type: 'dense', units: 2, useBias: false }],
  },
  // 8×7 → 1×1 conv, stride 3 (⌊7/3⌋ + 1 = 3, ⌊6/3⌋ + 1 = 3) → 2×2 pool, stride 3 (⌊1/3⌋ + 1 = 1) → flatten → dense
  'stride-past-kernel': {
    inputShape: [8, 7, 1],
    layers: [{ type: 'conv2d', filters: 2, kernelSize: 1, strides: 3 }, { type: 'maxPooling2d', poolSize: 2, strides: 3 }, { type: 'flatten' }, { type: 'dense', units: 3 }],
  },
  // [3, 4]: BN over the last axis (16, 8 trainable), dense on the last axis → [3, 2] with 4·2 + 2 = 10
  'batchnorm-on-sequence': {
    inputShape: [3, 4],
    layers: [{ type: 'batchNormalization' }, { type: 'dense', units: 2 }, { type: 'dropout', rate: 0.5 }],
  },
};

const asSummary = (value: unknown): ModelSummary => {
  const v = value as ModelSummary;
  if (!v || !Array.isArray(v.layers)) fail({ es: 'summarize debe devolver { layers, total, trainable, nonTrainable }.', en: 'summarize must return { layers, total, trainable, nonTrainable }.' });
  return v;
};

export default defineSpec({
  'matches-keras': property({
    arbitrary: model,
    examples: edges,
    async check({ inputShape, layers }, ctx) {
      const received = await ctx.call('summarize', inputShape, layers);
      ctx.expectClose(reference(inputShape, layers), received, { what: { es: 'El resumen', en: 'The summary' } });
    },
  }),

  'defaults-follow-keras': property({
    arbitrary: fc.record({ h: small(6, 12), w: small(6, 12), c: small(1, 3), filters: small(1, 4), k: small(1, 3), pool: small(2, 3), units: small(1, 4) }),
    async check({ h, w, c, filters, k, pool, units }, ctx) {
      // every optional field left out: stride 1 and 'valid' for conv2d, stride = poolSize for pooling, biases on
      const layers: LayerSpec[] = [{ type: 'conv2d', filters, kernelSize: k }, { type: 'maxPooling2d', poolSize: pool }, { type: 'flatten' }, { type: 'dense', units }];
      const received = await ctx.call('summarize', [h, w, c], layers);
      ctx.expectClose(reference([h, w, c], layers), received, {
        what: { es: 'Con los valores por defecto (conv2d → maxPooling2d → flatten → dense)', en: 'With the defaults (conv2d → maxPooling2d → flatten → dense)' },
      });
    },
  }),

  'totals-add-up': property({
    arbitrary: model,
    async check({ inputShape, layers }, ctx) {
      const s = asSummary(await ctx.call('summarize', inputShape, layers));
      const numbers = (o: unknown, keys: string[]) => o !== null && typeof o === 'object' && keys.every((k) => typeof (o as Record<string, unknown>)[k] === 'number');
      if (!numbers(s, ['total', 'trainable', 'nonTrainable']) || !s.layers.every((l) => numbers(l, ['params', 'trainable']))) {
        fail(
          { es: 'total, trainable y nonTrainable, y params y trainable de cada capa, deben ser números.', en: "total, trainable and nonTrainable, and each layer's params and trainable, must be numbers." },
          { received: s },
        );
      }
      const sum = s.layers.reduce((acc, l) => acc + l.params, 0);
      const sumTrainable = s.layers.reduce((acc, l) => acc + l.trainable, 0);
      if (s.total !== sum || s.trainable !== sumTrainable || s.nonTrainable !== s.total - s.trainable) {
        fail({
          es: `Los totales no cuadran: total = ${s.total} (suma de las capas: ${sum}), trainable = ${s.trainable} (suma: ${sumTrainable}), nonTrainable = ${s.nonTrainable} (debería ser total − trainable).`,
          en: `The totals do not add up: total = ${s.total} (sum over layers: ${sum}), trainable = ${s.trainable} (sum: ${sumTrainable}), nonTrainable = ${s.nonTrainable} (should be total − trainable).`,
        });
      }
    },
  }),

  'dense-acts-on-last-axis': property({
    arbitrary: fc.record({ steps: small(2, 5), features: small(1, 5), units: small(1, 5) }),
    async check({ steps, features, units }, ctx) {
      const s = asSummary(await ctx.call('summarize', [steps, features], [{ type: 'dense', units }]));
      ctx.expectClose({ outputShape: [steps, units], params: features * units + units, trainable: features * units + units }, s.layers[0], {
        what: { es: `dense(${units}) sobre una entrada [${steps}, ${features}]`, en: `dense(${units}) on a [${steps}, ${features}] input` },
      });
    },
  }),

  'batchnorm-statistics-not-trainable': property({
    arbitrary: fc.record({ h: small(2, 5), c: small(1, 6) }),
    async check({ h, c }, ctx) {
      const s = asSummary(await ctx.call('summarize', [h, h, c], [{ type: 'batchNormalization' }]));
      ctx.expectClose({ layers: [{ outputShape: [h, h, c], params: 4 * c, trainable: 2 * c }], total: 4 * c, trainable: 2 * c, nonTrainable: 2 * c }, s, {
        what: { es: `batchNormalization sobre [${h}, ${h}, ${c}]`, en: `batchNormalization on [${h}, ${h}, ${c}]` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: model,
    async check({ inputShape, layers }, ctx) {
      const { mutated } = await ctx.callTracked('summarize', inputShape, layers);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['inputShape', 'layers'][i] ?? `#${i}`).join(', ');
        fail({ es: `summarize modificó su argumento ${names}.`, en: `summarize modified its argument ${names}.` });
      }
    },
  }),
});
