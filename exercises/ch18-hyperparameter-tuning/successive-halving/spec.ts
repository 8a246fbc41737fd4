import fc from 'fast-check';
import { defineSpec, fail, formatValue, property } from '../../../grader/spec/index.ts';
import { hyperbandBrackets as refBrackets, successiveHalving as refHalving, type Rung } from '../../../reference/ch18-hyperparameter-tuning/successive-halving.ts';

/** Loss curves with many ties (quarters in [0, 2]): n configurations × R budgets, plus r0 ≤ R and η. */
const curves = fc
  .record({ n: fc.integer({ min: 1, max: 10 }), R: fc.integer({ min: 1, max: 12 }), eta: fc.constantFrom(2, 3), r0: fc.constantFrom(1, 1, 2) })
  .filter(({ R, r0 }) => r0 <= R)
  .chain(({ n, R, eta, r0 }) =>
    fc.record({
      losses: fc.array(fc.array(fc.integer({ min: 0, max: 8 }).map((k) => k / 4), { minLength: R, maxLength: R }), { minLength: n, maxLength: n }),
      r0: fc.constant(r0),
      eta: fc.constant(eta),
    }),
  );

/** R = c·η^k, often an exact power of η (where ⌊log R / log η⌋ in floating point can come out one short). */
const hyperband = fc.oneof(
  {
    arbitrary: fc
      .record({ eta: fc.constantFrom(2, 3, 4, 10), k: fc.integer({ min: 0, max: 4 }), c: fc.constantFrom(1, 1, 1, 2, 5) })
      .map(({ eta, k, c }) => ({ eta, R: c * eta ** Math.min(k, eta === 10 ? 3 : 4) })),
    weight: 3,
  },
  // R = 1000, η = 10: Math.log(1000) / Math.log(10) = 2.9999999999999996, drawn often enough that every seed meets it
  { arbitrary: fc.constant({ eta: 10, R: 1000 }), weight: 1 },
);

const asResult = (value: unknown): { rungs: Rung[]; winner: number } => {
  const v = value as { rungs?: unknown; winner?: unknown };
  const wellFormed = (r: unknown) => r !== null && typeof r === 'object' && typeof (r as Rung).budget === 'number' && Array.isArray((r as Rung).configs);
  if (!v || !Array.isArray(v.rungs) || !v.rungs.every(wellFormed)) {
    fail({ es: 'successiveHalving debe devolver { rungs, winner }, con cada ronda { budget, configs }.', en: 'successiveHalving must return { rungs, winner }, each rung being { budget, configs }.' }, { received: value });
  }
  return v as { rungs: Rung[]; winner: number };
};

export default defineSpec({
  'halving-matches-reference': property({
    arbitrary: curves,
    examples: {
      // ties in a rung: the lower index goes through
      'tied-losses': {
        losses: [
          [1, 1, 0.5, 0.5],
          [0.5, 0.75, 0.5, 0.25],
          [0.5, 0.75, 0.5, 0.25],
          [1, 0.5, 0.5, 0.5],
          [0.5, 1, 1, 1],
        ],
        r0: 1,
        eta: 2,
      },
    },
    async check({ losses, r0, eta }, ctx) {
      const received = await ctx.call('successiveHalving', losses, r0, eta);
      ctx.expectClose(refHalving(losses, r0, eta), received, { what: { es: 'successiveHalving', en: 'successiveHalving' } });
    },
  }),

  'rungs-shrink-by-eta': property({
    arbitrary: curves,
    async check({ losses, r0, eta }, ctx) {
      const { rungs, winner } = asResult(await ctx.call('successiveHalving', losses, r0, eta));
      const R = losses[0]!.length;
      const n = losses.length;
      // how many rungs there are depends only on n, r0, η and R, not on the losses
      const count = refHalving(losses, r0, eta).rungs.length;
      if (rungs.length !== count) {
        fail({
          es: `Con ${n} configuraciones, r0 = ${r0}, η = ${eta} y R = ${R} debe haber ${count} ronda(s) (el presupuesto r0·η^i crece mientras no pase de R, y se para antes si solo queda una configuración); hay ${rungs.length}.`,
          en: `With ${n} configurations, r0 = ${r0}, η = ${eta} and R = ${R} there must be ${count} rung(s) (the budget r0·η^i grows while it does not exceed R, stopping early once a single configuration is left); there are ${rungs.length}.`,
        });
      }
      const first = rungs[0]!.configs;
      if (first.length !== n || !Array.from({ length: n }, (_, c) => c).every((c) => first.includes(c))) {
        fail({ es: `La ronda 0 debe evaluar las ${n} configuraciones; evalúa ${formatValue(first)}.`, en: `Rung 0 must evaluate all ${n} configurations; it evaluates ${formatValue(first)}.` });
      }
      let previous: number[] | undefined;
      rungs.forEach((rung, i) => {
        const where = { es: `Ronda ${i}`, en: `Rung ${i}` };
        if (rung.budget !== r0 * eta ** i || rung.budget > R) {
          fail({ es: `${where.es}: el presupuesto es ${rung.budget} y debería ser r0·η^${i} = ${r0 * eta ** i} (≤ R = ${R}).`, en: `${where.en}: the budget is ${rung.budget} but should be r0·η^${i} = ${r0 * eta ** i} (≤ R = ${R}).` });
        }
        if (previous) {
          const size = Math.max(1, Math.floor(previous.length / eta));
          if (rung.configs.length !== size || rung.configs.some((c) => !previous!.includes(c))) {
            fail({
              es: `${where.es}: de ${previous.length} configuraciones deben pasar ⌊${previous.length}/${eta}⌋ = ${size}, todas de la ronda anterior; llegan ${formatValue(rung.configs)}.`,
              en: `${where.en}: out of ${previous.length} configurations ⌊${previous.length}/${eta}⌋ = ${size} must go on, all from the previous rung; got ${formatValue(rung.configs)}.`,
            });
          }
        }
        previous = rung.configs;
      });
      if (!previous || !previous.includes(winner)) {
        fail({ es: `El ganador (${winner}) tiene que estar en la última ronda.`, en: `The winner (${winner}) must be in the last rung.` });
      }
    },
  }),

  'dominant-config-wins': property({
    arbitrary: curves.chain((input) => fc.record({ input: fc.constant(input), star: fc.integer({ min: 0, max: input.losses.length - 1 }) })),
    async check({ input: { losses, r0, eta }, star }, ctx) {
      // make `star` strictly the best at every budget: it must survive every rung and win
      const boosted = losses.map((row, c) => (c === star ? row.map(() => -1) : row));
      const { rungs, winner } = asResult(await ctx.call('successiveHalving', boosted, r0, eta));
      const lost = rungs.findIndex((rung) => !rung.configs.includes(star));
      if (winner !== star || lost >= 0) {
        fail({
          es: `La configuración ${star} tiene la menor pérdida en todos los presupuestos, pero ${lost >= 0 ? `desaparece en la ronda ${lost}` : `el ganador es ${winner}`}. ¿Estás quedándote con las de MENOR pérdida?`,
          en: `Configuration ${star} has the lowest loss at every budget, but ${lost >= 0 ? `it is gone at rung ${lost}` : `the winner is ${winner}`}. Are you keeping the LOWEST losses?`,
        });
      }
    },
  }),

  'hyperband-matches-reference': property({
    arbitrary: hyperband,
    examples: {
      // exact powers of η where ⌊log R / log η⌋ in floating point comes out one short (2.9999999999999996)
      'exact-power': { eta: 10, R: 1000 },
    },
    async check({ R, eta }, ctx) {
      const received = await ctx.call('hyperbandBrackets', R, eta);
      ctx.expectClose(refBrackets(R, eta), received, { what: { es: `hyperbandBrackets(${R}, ${eta})`, en: `hyperbandBrackets(${R}, ${eta})` } });
    },
  }),

  'no-mutation': property({
    arbitrary: curves,
    async check({ losses, r0, eta }, ctx) {
      const { mutated } = await ctx.callTracked('successiveHalving', losses, r0, eta);
      if (mutated.length > 0) fail({ es: 'successiveHalving modificó losses (¿ordenaste la tabla en su sitio?).', en: 'successiveHalving modified losses (did you sort the table in place?).' });
    },
  }),
});
