import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch05-training/lr-schedules.ts';

const lr = fc.constantFrom(0.1, 0.05, 0.01, 0.3, 1);

const step = fc.record({ lr0: lr, gamma: fc.constantFrom(0.1, 0.5, 0.9), stepSize: arb.dim(1, 6), count: arb.dim(1, 30) });

/** T is often shorter than count, so the tail after T is exercised. */
const cosine = fc.record({ lrMax: lr, lrMin: fc.constantFrom(0, 1e-4, 0.001), T: arb.dim(1, 20), count: arb.dim(1, 30) });

/** count covers a few periods of 2·stepSize. */
const cyclic = fc.record({ baseLr: fc.constantFrom(0.001, 0.01, 0), maxLr: fc.constantFrom(0.1, 0.05, 0.5), stepSize: arb.dim(1, 6), count: arb.dim(1, 40) });

function asArray(value: unknown, count: number, name: string): number[] {
  if (!Array.isArray(value) || value.length !== count) {
    fail(
      { es: `${name} debe devolver un array con ${count} tasas (una por paso).`, en: `${name} must return an array of ${count} rates (one per step).` },
      { received: value },
    );
  }
  return value as number[];
}

export default defineSpec({
  'step-matches-reference': property({
    arbitrary: step,
    examples: {
      // a single step: only t = 0, which is lr0
      'single-step': { lr0: 0.3, gamma: 0.5, stepSize: 1, count: 1 },
    },
    async check({ lr0, gamma, stepSize, count }, ctx) {
      ctx.expectClose(ref.stepDecay(lr0, gamma, stepSize, count), await ctx.call('stepDecay', lr0, gamma, stepSize, count));
    },
  }),

  'cosine-matches-reference': property({
    arbitrary: cosine,
    examples: {
      // steps past T stay at lrMin: the cosine must not climb back up
      'after-t': { lrMax: 0.1, lrMin: 0.001, T: 3, count: 9 },
    },
    async check({ lrMax, lrMin, T, count }, ctx) {
      ctx.expectClose(ref.cosineAnnealing(lrMax, lrMin, T, count), await ctx.call('cosineAnnealing', lrMax, lrMin, T, count));
    },
  }),

  'cosine-shape': property({
    arbitrary: cosine.map((c) => ({ ...c, count: c.T + 4 })),
    async check({ lrMax, lrMin, T, count }, ctx) {
      const lrs = asArray(await ctx.call('cosineAnnealing', lrMax, lrMin, T, count), count, 'cosineAnnealing');
      const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 + 1e-9 * Math.abs(b);
      if (!near(lrs[0]!, lrMax)) fail({ es: `La primera tasa debe ser lrMax = ${lrMax}; es ${lrs[0]}.`, en: `The first rate must be lrMax = ${lrMax}; it is ${lrs[0]}.` });
      for (let t = T; t < count; t++) {
        if (!near(lrs[t]!, lrMin)) {
          fail({
            es: `Desde t = T = ${T} la tasa debe quedarse en lrMin = ${lrMin}; en t = ${t} es ${lrs[t]}.`,
            en: `From t = T = ${T} on the rate must stay at lrMin = ${lrMin}; at t = ${t} it is ${lrs[t]}.`,
          });
        }
      }
      for (let t = 1; t <= T; t++) {
        if (!(lrs[t]! <= lrs[t - 1]! + 1e-12)) {
          fail({
            es: `Entre 0 y T la tasa no debe subir, pero pasa de ${lrs[t - 1]} (t = ${t - 1}) a ${lrs[t]} (t = ${t}).`,
            en: `Between 0 and T the rate must not increase, but it goes from ${lrs[t - 1]} (t = ${t - 1}) to ${lrs[t]} (t = ${t}).`,
          });
        }
      }
    },
  }),

  'cyclic-matches-reference': property({
    arbitrary: cyclic,
    examples: {
      'single-step': { baseLr: 0.01, maxLr: 0.1, stepSize: 2, count: 1 },
    },
    async check({ baseLr, maxLr, stepSize, count }, ctx) {
      ctx.expectClose(ref.triangularCyclic(baseLr, maxLr, stepSize, count), await ctx.call('triangularCyclic', baseLr, maxLr, stepSize, count));
    },
  }),

  'cyclic-shape': property({
    arbitrary: cyclic.map((c) => ({ ...c, count: 4 * c.stepSize + 1 })),
    async check({ baseLr, maxLr, stepSize, count }, ctx) {
      const lrs = asArray(await ctx.call('triangularCyclic', baseLr, maxLr, stepSize, count), count, 'triangularCyclic');
      const tol = 1e-9;
      lrs.forEach((v, t) => {
        if (!(v >= baseLr - tol && v <= maxLr + tol)) {
          fail({ es: `La tasa en t = ${t} es ${v}, fuera de [baseLr, maxLr] = [${baseLr}, ${maxLr}].`, en: `The rate at t = ${t} is ${v}, outside [baseLr, maxLr] = [${baseLr}, ${maxLr}].` });
        }
        if (t + 2 * stepSize < count && !(Math.abs(lrs[t + 2 * stepSize]! - v) <= tol)) {
          fail({
            es: `El periodo es 2·stepSize = ${2 * stepSize}, pero lr[${t}] = ${v} y lr[${t + 2 * stepSize}] = ${lrs[t + 2 * stepSize]}.`,
            en: `The period is 2·stepSize = ${2 * stepSize}, but lr[${t}] = ${v} and lr[${t + 2 * stepSize}] = ${lrs[t + 2 * stepSize]}.`,
          });
        }
      });
      if (!(Math.abs(lrs[stepSize]! - maxLr) <= tol && Math.abs(lrs[0]! - baseLr) <= tol)) {
        fail({
          es: `Cada ciclo empieza en baseLr (t = 0: ${lrs[0]}) y alcanza maxLr a mitad de ciclo (t = stepSize = ${stepSize}: ${lrs[stepSize]}).`,
          en: `Each cycle starts at baseLr (t = 0: ${lrs[0]}) and reaches maxLr half way (t = stepSize = ${stepSize}: ${lrs[stepSize]}).`,
        });
      }
    },
  }),

  'step-is-piecewise-constant': property({
    arbitrary: step.map((s) => ({ ...s, count: 3 * s.stepSize + 2 })),
    async check({ lr0, gamma, stepSize, count }, ctx) {
      const lrs = asArray(await ctx.call('stepDecay', lr0, gamma, stepSize, count), count, 'stepDecay');
      for (let t = 1; t < count; t++) {
        const expected = t % stepSize === 0 ? lrs[t - 1]! * gamma : lrs[t - 1]!;
        if (!(Math.abs(lrs[t]! - expected) <= 1e-12 + 1e-9 * Math.abs(expected))) {
          fail({
            es: `La tasa solo debe cambiar (multiplicándose por gamma) cuando t es múltiplo de stepSize = ${stepSize}; en t = ${t} pasa de ${lrs[t - 1]} a ${lrs[t]}.`,
            en: `The rate must only change (multiplied by gamma) when t is a multiple of stepSize = ${stepSize}; at t = ${t} it goes from ${lrs[t - 1]} to ${lrs[t]}.`,
          });
        }
      }
    },
  }),
});
