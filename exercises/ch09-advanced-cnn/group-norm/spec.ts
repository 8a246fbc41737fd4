import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { groupNorm as reference } from '../../../reference/ch09-advanced-cnn/group-norm.ts';

/** An H×W×C map with C = G·k, per-channel gamma/beta and an eps. */
const inputs = fc
  .record({ h: arb.dim(1, 4), w: arb.dim(1, 4), groups: arb.dim(1, 3), k: arb.dim(1, 3) })
  .chain(({ h, w, groups, k }) =>
    fc.record({
      x: arb.tensor3(h, w, groups * k, arb.num(4)),
      groups: fc.constant(groups),
      gamma: arb.vector(groups * k, arb.numIn(-2, 2)),
      beta: arb.vector(groups * k, arb.num(2)),
      eps: fc.constantFrom(1e-5, 1e-3, 0.5),
    }),
  );

/** The statement's edge cases, run first on every grading. */
const edges = {
  // G = 1: one group over the whole 2×2×4 map (layer norm), per-channel gamma and beta
  'one-group': {
    x: [[[1, -2, 0.5, 3], [2.5, 0, -1, 1]], [[-3, 1.5, 2, -0.5], [0.25, -1.5, 4, 1]]],
    groups: 1,
    gamma: [1, -0.5, 2, 0.75],
    beta: [0, 1, -1, 0.5],
    eps: 1e-3,
  },
  // G = C = 3: every channel normalized over its own 2×1 values (instance norm)
  'group-per-channel': {
    x: [[[1, -2, 0.5]], [[3, 2, 0.25]]],
    groups: 3,
    gamma: [1.5, -1, 0.5],
    beta: [0.25, 0, -2],
    eps: 1e-5,
  },
  // a 1×1 map with G = C = 4: one value per group (S = 1, σ² = 0), so y = beta
  'single-value-groups': {
    x: [[[2, -1.5, 0.75, 3]]],
    groups: 4,
    gamma: [1, -2, 0.5, 1.25],
    beta: [0.5, -1, 0, 2],
    eps: 1e-5,
  },
};

/** Mean and biased variance of a list of numbers. */
function stats(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length };
}

/** The values of channels [from, to) of an H×W×C map, as one list. */
function channelValues(x: number[][][], from: number, to: number): number[] {
  return x.flatMap((row) => row.flatMap((pixel) => pixel.slice(from, to)));
}

/** The student's output as an H×W×C map of numbers shaped like `x`, or a failure that says so. */
function asMapLike(value: unknown, x: number[][][]): number[][][] {
  const [h, w, c] = [x.length, x[0]!.length, x[0]![0]!.length];
  const ok =
    Array.isArray(value) &&
    value.length === h &&
    value.every((row) => Array.isArray(row) && row.length === w && row.every((pixel) => Array.isArray(pixel) && pixel.length === c && pixel.every((v) => typeof v === 'number')));
  if (!ok) fail({ es: `groupNorm debe devolver un arreglo ${h}×${w}×${c} de números (la forma de x).`, en: `groupNorm must return an ${h}×${w}×${c} array of numbers (the shape of x).` }, { received: value });
  return value as number[][][];
}

/** Checks that channels [from, to) of `y` have mean 0 and mean square σ²/(σ²+eps), σ² taken from `x`. */
function expectNormalized(x: number[][][], y: number[][][], from: number, to: number, eps: number, label: { es: string; en: string }): void {
  const before = stats(channelValues(x, from, to));
  const after = stats(channelValues(y, from, to));
  const target = before.variance / (before.variance + eps);
  if (!(Math.abs(after.mean) <= 1e-6 && Math.abs(after.variance - target) <= 1e-6)) {
    fail(
      {
        es: `${label.es}: tras normalizar (gamma = 1, beta = 0) la media es ${after.mean} y la varianza ${after.variance}; deberían ser 0 y σ²/(σ²+eps) = ${target}.`,
        en: `${label.en}: after normalizing (gamma = 1, beta = 0) the mean is ${after.mean} and the variance ${after.variance}; they should be 0 and σ²/(σ²+eps) = ${target}.`,
      },
      { expected: { mean: 0, variance: target }, received: after },
    );
  }
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: inputs,
    examples: edges,
    async check({ x, groups, gamma, beta, eps }, ctx) {
      const received = await ctx.call('groupNorm', x, groups, gamma, beta, eps);
      ctx.expectClose(reference(x, groups, gamma, beta, eps), received);
    },
  }),

  'default-eps': property({
    arbitrary: inputs,
    examples: { 'single-value-groups': edges['single-value-groups'] },
    async check({ x, groups, gamma, beta }, ctx) {
      const received = await ctx.call('groupNorm', x, groups, gamma, beta);
      ctx.expectClose(reference(x, groups, gamma, beta, 1e-5), received, {
        what: { es: 'groupNorm sin eps', en: 'groupNorm without eps' },
      });
      // a constant map has σ² = 0: only eps keeps the division finite
      const flat = x.map((row) => row.map((pixel) => pixel.map(() => 0.5)));
      const constant = await ctx.call('groupNorm', flat, groups, gamma, beta);
      ctx.expectClose(reference(flat, groups, gamma, beta, 1e-5), constant, {
        what: { es: 'groupNorm sin eps sobre un mapa constante (σ² = 0)', en: 'groupNorm without eps on a constant map (σ² = 0)' },
      });
    },
  }),

  'layer-and-instance-norm': property({
    arbitrary: inputs.filter(({ x }) => x.length * x[0]!.length >= 2),
    async check({ x, eps }, ctx) {
      const c = x[0]![0]!.length;
      const ones = new Array<number>(c).fill(1);
      const zeros = new Array<number>(c).fill(0);
      const layer = asMapLike(await ctx.call('groupNorm', x, 1, ones, zeros, eps), x);
      expectNormalized(x, layer, 0, c, eps, { es: 'Con G = 1 (layer norm)', en: 'With G = 1 (layer norm)' });
      const instance = asMapLike(await ctx.call('groupNorm', x, c, ones, zeros, eps), x);
      for (let ch = 0; ch < c; ch++) {
        expectNormalized(x, instance, ch, ch + 1, eps, { es: `Con G = C (instance norm), canal ${ch}`, en: `With G = C (instance norm), channel ${ch}` });
      }
    },
  }),

  'groups-are-independent': property({
    arbitrary: inputs.filter(({ groups }) => groups >= 2),
    async check({ x, groups, gamma, beta, eps }, ctx) {
      const whole = (await ctx.call('groupNorm', x, groups, gamma, beta, eps)) as number[][][];
      const size = gamma.length / groups;
      for (let g = 0; g < groups; g++) {
        const [from, to] = [g * size, (g + 1) * size];
        const slice = x.map((row) => row.map((pixel) => pixel.slice(from, to)));
        const alone = await ctx.call('groupNorm', slice, 1, gamma.slice(from, to), beta.slice(from, to), eps);
        const part = Array.isArray(whole) ? whole.map((row) => (Array.isArray(row) ? row.map((pixel) => (Array.isArray(pixel) ? pixel.slice(from, to) : pixel)) : row)) : whole;
        ctx.expectClose(alone, part, {
          what: {
            es: `Los canales ${from}…${to - 1} (grupo ${g}) deberían salir igual que normalizando solo esos canales con G = 1`,
            en: `Channels ${from}…${to - 1} (group ${g}) should come out as when normalizing only those channels with G = 1`,
          },
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: inputs,
    async check({ x, groups, gamma, beta, eps }, ctx) {
      const { mutated } = await ctx.callTracked('groupNorm', x, groups, gamma, beta, eps);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'groups', 'gamma', 'beta', 'eps'][i] ?? `#${i}`).join(', ');
        fail({ es: `groupNorm modificó su argumento ${names}.`, en: `groupNorm modified its argument ${names}.` });
      }
    },
  }),
});
