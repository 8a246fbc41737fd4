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
  'loss-matches-reference': property({
    arbitrary: cases,
    async check({ logpNew, logpOld, advantages, clipEps }, ctx) {
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), logpNew.length);
      ctx.expectClose(reference(logpNew, logpOld, advantages, clipEps).loss, r.loss, { what: { es: `loss con ε = ${clipEps}`, en: `loss with ε = ${clipEps}` } });
    },
  }),

  'gradient-matches-reference': property({
    arbitrary: cases,
    async check({ logpNew, logpOld, advantages, clipEps }, ctx) {
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), logpNew.length);
      ctx.expectClose(reference(logpNew, logpOld, advantages, clipEps).dLogpNew, r.dLogpNew, {
        what: { es: `dLogpNew con ε = ${clipEps}`, en: `dLogpNew with ε = ${clipEps}` },
      });
    },
  }),

  'clip-fraction': property({
    arbitrary: cases,
    async check({ logpNew, logpOld, advantages, clipEps }, ctx) {
      const r = result(await ctx.call('ppoClip', logpNew, logpOld, advantages, clipEps), logpNew.length);
      ctx.expectClose(reference(logpNew, logpOld, advantages, clipEps).clipFraction, r.clipFraction, {
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
