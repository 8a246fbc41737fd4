import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { ppoClip as reference } from '../../../reference/ch26-reinforcement-learning/ppo-clip.ts';

type Result = { loss: number; dLogpNew: number[]; clipFraction: number };

/**
 * Log-probabilities on a grid of eighths in [−4, 0], so log-ratios are multiples of 1/8 and never
 * land on ln(1 ± ε) for these ε (no ties at the clipping boundary).
 */
const batches = fc.record({ n: arb.dim(1, 6) }).chain(({ n }) =>
  fc.record({
    logpNew: arb.vector(n, arb.numIn(-4, 0)),
    logpOld: arb.vector(n, arb.numIn(-4, 0)),
    advantages: arb.vector(n, arb.num(2)),
    clipEps: fc.constantFrom(0.1, 0.2, 0.3),
  }),
);

/** Mostly ratios near 1 (log-ratio within ±0.5), where some samples are clipped and some are not. */
const nearOnPolicy = fc.record({ n: arb.dim(2, 6) }).chain(({ n }) =>
  fc.record({ logpOld: arb.vector(n, arb.numIn(-3, -1)), shift: arb.vector(n, arb.numIn(-0.5, 0.5)), advantages: arb.vector(n, arb.num(2)), clipEps: fc.constantFrom(0.1, 0.2, 0.3) }).map((c) => ({
    logpNew: c.logpOld.map((v, i) => v + c.shift[i]!),
    logpOld: c.logpOld,
    advantages: c.advantages,
    clipEps: c.clipEps,
  })),
);

const cases = fc.oneof(batches, nearOnPolicy);

/** An input; an edge case on the clipping boundary also carries the result the statement fixes there. */
type Case = { logpNew: number[]; logpOld: number[]; advantages: number[]; clipEps: number; exact?: Result };

/**
 * Ratios exactly on the boundary, r = 1 ± ε, with ε = 0.25: exp(ln 1.25) and exp(ln 0.75) round-trip
 * exactly in double precision and 1.25 − 1 = 0.25 = 1 − 0.75, so r − 1, the ratio itself, the log-ratio
 * and log1p(±ε) all sit on the boundary whichever way a correct solution compares them. The interval
 * [1 − ε, 1 + ε] is closed: such a ratio is not clipped (clipFraction does not count it) and its sample
 * keeps the gradient −r·Â/N. The float32 reference cannot decide a tie this close (its exp rounds to
 * either side), so the statement's values are given here: the five samples contribute r·Â (or the
 * clipped 1.25·1 for the last, r = e^0.5) = 2.5, −1.5, −1.25, 1, 1.25.
 */
const ON_BOUNDARY: Case = {
  logpNew: [Math.log(1.25), Math.log(0.75), Math.log(1.25), 0, 0.5],
  logpOld: [0, 0, 0, 0, 0],
  advantages: [2, -2, -1, 1, 1],
  clipEps: 0.25,
  exact: { loss: -0.4, dLogpNew: [-0.5, 0.3, 0.25, -0.2, 0], clipFraction: 0.2 },
};
const expected = ({ logpNew, logpOld, advantages, clipEps, exact }: Case): Result => exact ?? reference(logpNew, logpOld, advantages, clipEps);

function result(v: unknown, n: number): Result {
  const r = v as Partial<Result> | null;
  if (r === null || typeof r !== 'object' || typeof r.loss !== 'number' || typeof r.clipFraction !== 'number' || !Array.isArray(r.dLogpNew) || r.dLogpNew.length !== n) {
    fail(
      {
        es: `ppoClip debe devolver { loss, dLogpNew, clipFraction }: dos números y un arreglo de ${n} gradientes (uno por muestra).`,
        en: `ppoClip must return { loss, dLogpNew, clipFraction }: two numbers and an array of ${n} gradients (one per sample).`,
      },
      { received: v },
    );
  }
  return r as Result;
}

export default defineSpec({
  'loss-matches-reference': property<Case>({
    arbitrary: cases,
    examples: { 'ratio-at-clip-boundary': ON_BOUNDARY },
    async check(input, ctx) {
      const { logpNew, logpOld, advantages, clipEps } = input;
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), logpNew.length);
      ctx.expectClose(expected(input).loss, r.loss, { what: { es: `loss con ε = ${clipEps}`, en: `loss with ε = ${clipEps}` } });
    },
  }),

  'gradient-matches-reference': property<Case>({
    arbitrary: cases,
    examples: { 'ratio-at-clip-boundary': ON_BOUNDARY },
    async check(input, ctx) {
      const { logpNew, logpOld, advantages, clipEps } = input;
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), logpNew.length);
      ctx.expectClose(expected(input).dLogpNew, r.dLogpNew, {
        what: { es: `dLogpNew con ε = ${clipEps}`, en: `dLogpNew with ε = ${clipEps}` },
      });
    },
  }),

  'clip-fraction': property<Case>({
    arbitrary: cases,
    examples: { 'ratio-at-clip-boundary': ON_BOUNDARY },
    async check(input, ctx) {
      const { logpNew, logpOld, advantages, clipEps } = input;
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), logpNew.length);
      ctx.expectClose(expected(input).clipFraction, r.clipFraction, {
        what: { es: `clipFraction con ε = ${clipEps}`, en: `clipFraction with ε = ${clipEps}` },
      });
    },
  }),

  'unclipped-limit': property({
    arbitrary: batches,
    async check({ logpNew, logpOld, advantages }, ctx) {
      // with a huge ε nothing is clipped: the loss is the plain importance-weighted surrogate −mean(r·A)
      const n = logpNew.length;
      const rA = logpNew.map((lp, t) => Math.exp(lp - logpOld[t]!) * advantages[t]!);
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, 1000), n);
      ctx.expectClose({ loss: -rA.reduce((a, b) => a + b, 0) / n, dLogpNew: rA.map((v) => -v / n), clipFraction: 0 }, r, {
        what: {
          es: 'Con ε = 1000 no se recorta nada: loss = −media(r·A), dLogpNew = −r·A/N y clipFraction = 0',
          en: 'With ε = 1000 nothing is clipped: loss = −mean(r·A), dLogpNew = −r·A/N and clipFraction = 0',
        },
      });
    },
  }),

  'pessimistic-bound': property({
    arbitrary: cases,
    async check({ logpNew, logpOld, advantages, clipEps }, ctx) {
      const n = logpNew.length;
      const unclipped = -logpNew.reduce((a, lp, t) => a + Math.exp(lp - logpOld[t]!) * advantages[t]!, 0) / n;
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), n);
      if (!(r.loss >= unclipped - 1e-9)) {
        fail(
          {
            es: `El objetivo recortado es una cota pesimista: su pérdida nunca es menor que la del objetivo sin recortar, −media(r·A) = ${unclipped.toFixed(6)}; la tuya es ${r.loss}. ¿Usas max en vez de min?`,
            en: `The clipped objective is a pessimistic bound: its loss is never below the unclipped one, −mean(r·A) = ${unclipped.toFixed(6)}; yours is ${r.loss}. Do you use max instead of min?`,
          },
          { expected: `≥ ${unclipped}`, received: r.loss },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    async check({ logpNew, logpOld, advantages, clipEps }, ctx) {
      const { value, mutated } = await ctx.callTracked('ppoClip', logpNew, logpOld, advantages, clipEps);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['logpNew', 'logpOld', 'advantages', 'clipEps'][i] ?? `#${i}`).join(', ');
        fail({ es: `ppoClip modificó su argumento ${names}.`, en: `ppoClip modified its argument ${names}.` });
      }
      ctx.expectClose(reference(logpNew, logpOld, advantages, clipEps), result(value, logpNew.length));
    },
  }),
});
