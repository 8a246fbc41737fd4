import fc from 'fast-check';
import { defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { freezeSummary as reference, type LayerSpec } from '../../../reference/ch19-tensorflow-keras/transfer-freezing.ts';

const EXACT = { atol: 0, rtol: 0 };
const NAMES = ['inputDim', 'layers', 'frozen'];

const layerSpec: fc.Arbitrary<LayerSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 24 }).map((units) => ({ kind: 'dense' as const, units })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'batchnorm' as const }) },
  { weight: 1, arbitrary: fc.constantFrom(0.1, 0.25, 0.5).map((rate) => ({ kind: 'dropout' as const, rate })) },
);

/** A pretrained stack (ending in a dense head) and how many of its first layers are frozen. */
const stack = fc
  .record({ inputDim: fc.integer({ min: 1, max: 32 }), body: fc.array(layerSpec, { minLength: 0, maxLength: 4 }), head: fc.integer({ min: 1, max: 10 }) })
  .chain(({ inputDim, body, head }) => {
    const layers: LayerSpec[] = [...body, { kind: 'dense', units: head }];
    return fc.record({ inputDim: fc.constant(inputDim), layers: fc.constant(layers), frozen: fc.integer({ min: 0, max: layers.length }) });
  });

type Summary = { trainablePerLayer?: unknown; trainable?: unknown; nonTrainable?: unknown; total?: unknown };

function counts(value: unknown): { trainable: number; nonTrainable: number; total: number } {
  const s = value as Summary | null;
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!s || typeof s !== 'object' || !ok(s.trainable) || !ok(s.nonTrainable) || !ok(s.total)) {
    fail({
      es: 'freezeSummary debe devolver un objeto con trainable, nonTrainable y total enteros no negativos.',
      en: 'freezeSummary must return an object with non-negative integer trainable, nonTrainable and total.',
    });
  }
  return s as { trainable: number; nonTrainable: number; total: number };
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: stack,
    examples: {
      // frozen = 0 (everything trainable) and frozen = layers.length (everything frozen)
      'nothing-frozen': { inputDim: 8, layers: [{ kind: 'dense' as const, units: 4 }, { kind: 'batchnorm' as const }, { kind: 'dropout' as const, rate: 0.25 }, { kind: 'dense' as const, units: 2 }], frozen: 0 },
      'all-frozen': { inputDim: 8, layers: [{ kind: 'dense' as const, units: 4 }, { kind: 'batchnorm' as const }, { kind: 'dropout' as const, rate: 0.25 }, { kind: 'dense' as const, units: 2 }], frozen: 4 },
    },
    async check({ inputDim, layers, frozen }, ctx) {
      const received = await ctx.call('freezeSummary', inputDim, layers, frozen);
      ctx.expectClose(reference(inputDim, layers, frozen), received, { tolerance: EXACT });
    },
  }),

  'feature-extraction': property({
    arbitrary: stack.filter(({ layers }) => layers.some((l) => l.kind === 'batchnorm')),
    async check({ inputDim, layers }, ctx) {
      // Feature extraction: everything but the new head is frozen.
      const frozen = layers.length - 1;
      const received = await ctx.call('freezeSummary', inputDim, layers, frozen);
      ctx.expectClose(reference(inputDim, layers, frozen), received, {
        tolerance: EXACT,
        what: { es: 'Con toda la base congelada (solo la cabeza entrena)', en: 'With the whole base frozen (only the head trains)' },
      });
    },
  }),

  'total-does-not-depend-on-freezing': property({
    arbitrary: stack,
    async check({ inputDim, layers, frozen }, ctx) {
      const open = counts(await ctx.call('freezeSummary', inputDim, layers, 0));
      const some = counts(await ctx.call('freezeSummary', inputDim, layers, frozen));
      for (const [name, c] of [['0', open], [String(frozen), some]] as const) {
        if (c.trainable + c.nonTrainable !== c.total) {
          fail({
            es: `Con frozen = ${name}, trainable + nonTrainable = ${c.trainable + c.nonTrainable} pero total = ${c.total}.`,
            en: `With frozen = ${name}, trainable + nonTrainable = ${c.trainable + c.nonTrainable} but total = ${c.total}.`,
          });
        }
      }
      if (open.total !== some.total) {
        fail({
          es: `Congelar capas no crea ni borra parámetros: total = ${open.total} con frozen = 0 y ${some.total} con frozen = ${frozen}.`,
          en: `Freezing layers neither creates nor deletes parameters: total = ${open.total} with frozen = 0 and ${some.total} with frozen = ${frozen}.`,
        });
      }
    },
  }),

  'freezing-more-never-adds-trainable': property({
    arbitrary: stack.filter(({ frozen, layers }) => frozen < layers.length),
    async check({ inputDim, layers, frozen }, ctx) {
      const fewer = counts(await ctx.call('freezeSummary', inputDim, layers, frozen));
      const more = counts(await ctx.call('freezeSummary', inputDim, layers, frozen + 1));
      if (!(more.trainable <= fewer.trainable)) {
        fail({
          es: `Al congelar una capa más (frozen ${frozen} → ${frozen + 1}) los parámetros entrenables pasan de ${fewer.trainable} a ${more.trainable}.`,
          en: `Freezing one more layer (frozen ${frozen} → ${frozen + 1}) takes the trainable parameters from ${fewer.trainable} to ${more.trainable}.`,
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: stack,
    async check({ inputDim, layers, frozen }, ctx) {
      const { value, mutated } = await ctx.callTracked('freezeSummary', inputDim, layers, frozen);
      if (mutated.length > 0) {
        const names = mutated.map((i) => NAMES[i] ?? `#${i}`).join(', ');
        fail({ es: `freezeSummary modificó su argumento ${names}.`, en: `freezeSummary modified its argument ${names}.` });
      }
      ctx.expectClose(reference(inputDim, layers, frozen), value, { tolerance: EXACT });
    },
  }),
});
