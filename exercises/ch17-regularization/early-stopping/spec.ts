import fc from 'fast-check';
import { defineSpec, fail, property, type PropertyContext } from '../../../grader/spec/index.ts';
import { earlyStopping as reference, type EarlyStoppingOptions } from '../../../reference/ch17-regularization/early-stopping.ts';

const EXACT = { atol: 0, rtol: 0 };
const NAMES = ['history', 'opts'];

/** Values on a grid of eighths, so that ties and "improves by exactly minDelta" really happen. */
const eighth = (max: number) => fc.integer({ min: 0, max: max * 8 }).map((k) => k / 8);

/** A noisy validation-loss curve: a slow descent plus noise, sometimes flat, 1 to 14 epochs. */
const lossCurve = fc.oneof(
  { weight: 2, arbitrary: fc.array(eighth(3), { minLength: 1, maxLength: 14 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.integer({ min: -2, max: 3 }), { minLength: 1, maxLength: 14 })
      .map((steps) => steps.map((_, t) => 4 - t / 4 + steps[t]! / 8)),
  },
);

const options = (mode: 'min' | 'max') =>
  fc.record({
    patience: fc.integer({ min: 0, max: 4 }),
    minDelta: fc.constantFrom(0, 0, 0.125, 0.25, 0.5),
    mode: fc.constant(mode),
    restoreBestWeights: fc.boolean(),
  });

const minCase = fc.record({ history: lossCurve, opts: options('min') });
const maxCase = fc.record({ history: lossCurve.map((h) => h.map((v) => 5 - v)), opts: options('max') });

async function callAndCompare(ctx: PropertyContext, history: number[], opts: EarlyStoppingOptions) {
  const received = await ctx.call('earlyStopping', history, opts);
  ctx.expectClose(await reference(history, opts), received, { tolerance: EXACT });
  return received as { stoppedEpoch: number; bestEpoch: number; epochsRun: number; weightsEpoch: number };
}

export default defineSpec({
  'matches-reference-min': property({
    arbitrary: minCase,
    examples: {
      // patience 0: stop at the first epoch that does not improve; a tie is not an improvement
      'patience-zero-tie': { history: [3, 2, 2, 1], opts: { patience: 0, minDelta: 0, mode: 'min' as const, restoreBestWeights: true } },
      // improvements of exactly minDelta do not count
      'improvement-equal-to-min-delta': { history: [2, 1.75, 1.5, 1.25, 1], opts: { patience: 2, minDelta: 0.25, mode: 'min' as const, restoreBestWeights: false } },
      // always improving: it never stops (stoppedEpoch = −1)
      'never-stops': { history: [4, 3, 2.5, 2, 1.875], opts: { patience: 1, minDelta: 0, mode: 'min' as const, restoreBestWeights: true } },
      // nothing to train: no epoch improved, so bestEpoch (and, restoring, weightsEpoch) is −1 like stoppedEpoch
      'empty-history': { history: [] as number[], opts: { patience: 1, minDelta: 0, mode: 'min' as const, restoreBestWeights: true } },
    },
    async check({ history, opts }, ctx) {
      await callAndCompare(ctx, history, opts);
    },
  }),

  'matches-reference-max': property({
    arbitrary: maxCase,
    async check({ history, opts }, ctx) {
      await callAndCompare(ctx, history, opts);
    },
  }),

  'defaults': property({
    arbitrary: fc.record({ history: lossCurve, patience: fc.integer({ min: 0, max: 4 }) }),
    async check({ history, patience }, ctx) {
      const received = await ctx.call('earlyStopping', history, { patience });
      ctx.expectClose(await reference(history, { patience, minDelta: 0, mode: 'min', restoreBestWeights: false }), received, {
        tolerance: EXACT,
        what: { es: 'Solo con patience (minDelta = 0, mode = min, sin restaurar)', en: 'With patience only (minDelta = 0, mode = min, no restore)' },
      });
    },
  }),

  'future-epochs-do-not-matter': property({
    arbitrary: fc.record({ history: lossCurve, tail: fc.array(eighth(5), { minLength: 1, maxLength: 4 }), opts: options('min') }),
    async check({ history, tail, opts }, ctx) {
      const first = (await ctx.call('earlyStopping', history, opts)) as { epochsRun?: unknown };
      const run = first?.epochsRun;
      if (typeof run !== 'number' || !(run >= 1 && run <= history.length)) {
        fail({ es: `epochsRun debe estar entre 1 y ${history.length}; es ${String(run)}.`, en: `epochsRun must be between 1 and ${history.length}; it is ${String(run)}.` });
      }
      // Whatever the validation loss does after training has stopped cannot change the decision.
      const full = first as Record<string, unknown>;
      if (full.stoppedEpoch === -1) return;
      const stopped = history.slice(0, run as number);
      ctx.expectClose(first, await ctx.call('earlyStopping', stopped, opts), {
        tolerance: EXACT,
        what: { es: 'Con el historial cortado en la época de parada', en: 'With the history cut at the stopping epoch' },
      });
      ctx.expectClose(first, await ctx.call('earlyStopping', [...stopped, ...tail], opts), {
        tolerance: EXACT,
        what: { es: 'Con otras épocas añadidas después de la parada', en: 'With other epochs appended after the stop' },
      });
    },
  }),

  'shift-invariance': property({
    arbitrary: fc.record({ history: lossCurve, shift: fc.integer({ min: -16, max: 16 }).map((k) => k / 8), opts: options('min') }),
    async check({ history, shift, opts }, ctx) {
      const base = await ctx.call('earlyStopping', history, opts);
      const shifted = await ctx.call('earlyStopping', history.map((v) => v + shift), opts);
      ctx.expectClose(base, shifted, {
        tolerance: EXACT,
        what: { es: `Con toda la curva desplazada en ${shift}`, en: `With the whole curve shifted by ${shift}` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: minCase,
    async check({ history, opts }, ctx) {
      const { value, mutated } = await ctx.callTracked('earlyStopping', history, opts);
      if (mutated.length > 0) {
        const names = mutated.map((i) => NAMES[i] ?? `#${i}`).join(', ');
        fail({ es: `earlyStopping modificó su argumento ${names}.`, en: `earlyStopping modified its argument ${names}.` });
      }
      ctx.expectClose(await reference(history, opts), value, { tolerance: EXACT });
    },
  }),
});
