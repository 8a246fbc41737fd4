import fc from 'fast-check';
import { defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import { maxParameters as referenceMax, zeroMemory as reference } from '../../../reference/ch29-large-scale/zero-memory.ts';

/** Ψ: a toy count or 1M..200B parameters. */
const params = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 200_000 }).map((k) => k * 1_000_000));
/** N_d: usual powers of two and odd counts. */
const gpus = fc.oneof(fc.constantFrom(1, 2, 4, 8, 16, 64, 256, 1024), fc.integer({ min: 1, max: 100 }));
const stage = fc.integer({ min: 0, max: 3 });
const optimizerBytes = fc.constantFrom(12, 16, 8, 4);
/** memory of real accelerators, in bytes */
const memory = fc.constantFrom(16, 24, 32, 40, 80, 141).map((gib) => gib * 2 ** 30);

const setting = fc.record({ params, gpus, stage, optimizerBytes });

function totalOf(received: unknown): unknown {
  return typeof received === 'object' && received !== null ? (received as Record<string, unknown>)['total'] : undefined;
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: setting,
    examples: { 'one-gpu': { params: 1000, gpus: 1, stage: 3, optimizerBytes: 12 } },
    async check({ params, gpus, stage, optimizerBytes }, ctx) {
      const received = await ctx.call('zeroMemory', params, gpus, stage, optimizerBytes);
      ctx.expectClose(reference(params, gpus, stage, optimizerBytes), received);
    },
  }),

  'default-optimizer-bytes': property({
    arbitrary: setting,
    async check({ params, gpus, stage }, ctx) {
      const received = await ctx.call('zeroMemory', params, gpus, stage);
      ctx.expectClose(reference(params, gpus, stage, 12), received, {
        what: { es: 'zeroMemory sin optimizerBytes (K = 12)', en: 'zeroMemory without optimizerBytes (K = 12)' },
      });
    },
  }),

  'stages-save-memory': property({
    arbitrary: setting,
    examples: { 'one-gpu': { params: 1000, gpus: 1, stage: 3, optimizerBytes: 12 } },
    async check({ params, gpus, optimizerBytes }, ctx) {
      const totals: number[] = [];
      for (let s = 0; s <= 3; s++) {
        const t = totalOf(await ctx.call('zeroMemory', params, gpus, s, optimizerBytes));
        if (typeof t !== 'number') fail({ es: 'zeroMemory debe devolver un objeto con total numérico.', en: 'zeroMemory must return an object with a numeric total.' }, { received: t });
        totals.push(t);
      }
      for (let s = 1; s <= 3; s++) {
        if (!(totals[s]! <= totals[s - 1]! * (1 + 1e-12))) {
          fail(
            {
              es: `Con N_d = ${gpus}, la etapa ${s} usa más memoria (${totals[s]}) que la ${s - 1} (${totals[s - 1]}): cada etapa particiona algo más, nunca menos.`,
              en: `With N_d = ${gpus}, stage ${s} uses more memory (${totals[s]}) than stage ${s - 1} (${totals[s - 1]}): each stage partitions something more, never less.`,
            },
            { expected: `≤ ${totals[s - 1]}`, received: totals[s] },
          );
        }
      }
      ctx.expectClose(reference(params, gpus, 0, optimizerBytes).total, totals[0], {
        what: { es: 'Además, comparado con la referencia, el total de la etapa 0', en: 'Also, compared with the reference, the stage-0 total' },
      });
      ctx.expectClose(totals[0]! / gpus, totals[3]!, {
        what: {
          es: 'La etapa 3 lo particiona todo: su total debe ser el de la etapa 0 dividido entre N_d; total(3)',
          en: 'Stage 3 partitions everything: its total must be stage 0’s divided by N_d; total(3)',
        },
      });
    },
  }),

  'max-parameters-matches': property({
    arbitrary: fc.record({ memory, gpus, stage, optimizerBytes }),
    async check({ memory, gpus, stage, optimizerBytes }, ctx) {
      const received = await ctx.call('maxParameters', memory, gpus, stage, optimizerBytes);
      ctx.expectClose(referenceMax(memory, gpus, stage, optimizerBytes), received, {
        what: { es: 'maxParameters', en: 'maxParameters' },
      });
    },
  }),

  'max-parameters-fits': property({
    arbitrary: fc.record({ memory, gpus, stage, optimizerBytes }),
    async check({ memory, gpus, stage, optimizerBytes }, ctx) {
      const best = await ctx.call('maxParameters', memory, gpus, stage, optimizerBytes);
      if (typeof best !== 'number' || !Number.isInteger(best) || best < 0) {
        fail(
          { es: `maxParameters debe devolver un número entero de parámetros ≥ 0, no ${formatValue(best)}.`, en: `maxParameters must return a whole number of parameters ≥ 0, not ${formatValue(best)}.` },
          { received: best },
        );
      }
      const fits = totalOf(await ctx.call('zeroMemory', best, gpus, stage, optimizerBytes)) as number;
      const oneMore = totalOf(await ctx.call('zeroMemory', best + 1, gpus, stage, optimizerBytes)) as number;
      if (!(fits <= memory * (1 + 1e-12) && oneMore > memory * (1 - 1e-12))) {
        fail(
          {
            es: `Con ${memory} bytes, maxParameters devolvió ${best}, pero según tu zeroMemory Ψ = ${best} ocupa ${fits} bytes y Ψ = ${best + 1} ocupa ${oneMore}: debe ser el mayor Ψ que cabe.`,
            en: `With ${memory} bytes, maxParameters returned ${best}, but by your zeroMemory Ψ = ${best} takes ${fits} bytes and Ψ = ${best + 1} takes ${oneMore}: it must be the largest Ψ that fits.`,
          },
          { received: best },
        );
      }
    },
  }),
});
