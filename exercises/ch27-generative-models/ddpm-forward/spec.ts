import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch27-generative-models/ddpm-forward.ts';

const linear = fc.record({
  T: fc.integer({ min: 2, max: 40 }),
  betaStart: fc.constantFrom(1e-4, 1e-3, 0.01),
  betaEnd: fc.constantFrom(0.02, 0.05, 0.2),
});

/** β values a schedule could produce: small, on a grid, sometimes large. */
const betas = fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }).map((k) => k / 1000), fc.constantFrom(0.25, 0.5, 0.999)), { minLength: 1, maxLength: 30 });

const sampling = fc.record({ schedule: linear, d: arb.dim(1, 6) }).chain(({ schedule, d }) =>
  fc.record({
    schedule: fc.constant(schedule),
    t: fc.integer({ min: 1, max: schedule.T }),
    x0: arb.vector(d, arb.num(2)),
    eps: arb.vector(d, arb.num(3)),
  }),
);

export default defineSpec({
  'linear-schedule': property({
    arbitrary: linear,
    async check({ T, betaStart, betaEnd }, ctx) {
      const received = await ctx.call('linearBetas', T, betaStart, betaEnd);
      ctx.expectClose(ref.linearBetas(T, betaStart, betaEnd), received, { what: { es: `linearBetas(${T}, ${betaStart}, ${betaEnd})`, en: `linearBetas(${T}, ${betaStart}, ${betaEnd})` } });
    },
  }),

  'cosine-schedule': property({
    arbitrary: fc.record({ T: fc.integer({ min: 2, max: 40 }), s: fc.constantFrom(undefined, 0.008, 0.02, 0) }),
    async check({ T, s }, ctx) {
      const received = s === undefined ? await ctx.call('cosineBetas', T) : await ctx.call('cosineBetas', T, s);
      ctx.expectClose(ref.cosineBetas(T, s ?? 0.008), received, {
        what: { es: `cosineBetas(${T}${s === undefined ? '' : `, ${s}`})`, en: `cosineBetas(${T}${s === undefined ? '' : `, ${s}`})` },
      });
    },
  }),

  'alpha-bars': property({
    arbitrary: betas,
    async check(b, ctx) {
      const received = await ctx.call('alphaBars', b);
      ctx.expectClose(ref.alphaBars(b), received, { what: { es: 'ᾱ', en: 'ᾱ' } });
      const a = received as number[];
      a.forEach((v, i) => {
        if (!(v > 0 && v < 1) || (i > 0 && v > a[i - 1]!)) {
          fail({ es: `ᾱ_${i + 1} = ${v}: ᾱ debe estar en (0, 1) y no crecer con t.`, en: `ᾱ_${i + 1} = ${v}: ᾱ must lie in (0, 1) and never grow with t.` });
        }
      });
    },
  }),

  'q-sample': property({
    arbitrary: sampling,
    examples: {
      // t = 1 reads alphaBars[0] and t = T reads alphaBars[T − 1], the last one (alphaBars[T] does not exist)
      'first-step': { schedule: { T: 10, betaStart: 0.01, betaEnd: 0.2 }, t: 1, x0: [1.5, -2, 0.5], eps: [0.25, 1, -3] },
      'last-step': { schedule: { T: 40, betaStart: 0.01, betaEnd: 0.2 }, t: 40, x0: [1.5, -2, 0.5], eps: [0.25, 1, -3] },
    },
    async check({ schedule: { T, betaStart, betaEnd }, t, x0, eps }, ctx) {
      const bars = ref.alphaBars(ref.linearBetas(T, betaStart, betaEnd));
      const received = await ctx.call('qSample', x0, t, bars, eps);
      ctx.expectClose(ref.qSample(x0, t, bars, eps), received, { what: { es: `x_${t}`, en: `x_${t}` } });
    },
  }),

  'variance-preserving': property({
    arbitrary: sampling,
    examples: {
      // t = 1 reads alphaBars[0] and t = T reads alphaBars[T − 1], the last one (alphaBars[T] does not exist)
      'first-step': { schedule: { T: 10, betaStart: 0.01, betaEnd: 0.2 }, t: 1, x0: [1.5, -2, 0.5], eps: [0.25, 1, -3] },
      'last-step': { schedule: { T: 40, betaStart: 0.01, betaEnd: 0.2 }, t: 40, x0: [1.5, -2, 0.5], eps: [0.25, 1, -3] },
    },
    async check({ schedule: { T, betaStart, betaEnd }, t }, ctx) {
      const bars = ref.alphaBars(ref.linearBetas(T, betaStart, betaEnd));
      const a = ((await ctx.call('qSample', [1], t, bars, [0])) as number[])?.[0];
      const b = ((await ctx.call('qSample', [0], t, bars, [1])) as number[])?.[0];
      if (typeof a !== 'number' || typeof b !== 'number') fail({ es: 'qSample debe devolver un array de números.', en: 'qSample must return an array of numbers.' });
      ctx.expectClose(1, a * a + b * b, {
        what: { es: `a² + b² en t = ${t} (a = ${a}, b = ${b})`, en: `a² + b² at t = ${t} (a = ${a}, b = ${b})` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ s: sampling, b: betas }),
    async check({ s: { schedule: { T, betaStart, betaEnd }, t, x0, eps }, b }, ctx) {
      const bars = ref.alphaBars(ref.linearBetas(T, betaStart, betaEnd));
      const q = await ctx.callTracked('qSample', x0, t, bars, eps);
      if (q.mutated.length > 0) {
        const names = q.mutated.map((i) => ['x0', 't', 'alphaBars', 'eps'][i] ?? `#${i}`).join(', ');
        fail({ es: `qSample modificó ${names}.`, en: `qSample modified ${names}.` });
      }
      const a = await ctx.callTracked('alphaBars', b);
      if (a.mutated.includes(0)) fail({ es: 'alphaBars modificó betas.', en: 'alphaBars modified betas.' });
    },
  }),
});
