import fc from 'fast-check';
import { arb, defineSpec, fail, property, type PropertyContext } from '../../../grader/spec/index.ts';
import { sgdMomentum as reference, type MomentumHyper } from '../../../reference/ch16-optimizers/sgd-momentum.ts';

interface Step {
  params: number[];
  state: { velocity: number[] };
}

const hyper: fc.Arbitrary<MomentumHyper> = fc.record({
  lr: fc.constantFrom(0.01, 0.1, 0.25, 0.5),
  momentum: fc.constantFrom(0.5, 0.9, 0.99),
  nesterov: fc.boolean(),
});

function run(minSteps: number, maxSteps: number, hp: fc.Arbitrary<MomentumHyper> = hyper) {
  return fc
    .record({ n: arb.dim(1, 5), steps: arb.dim(minSteps, maxSteps) })
    .chain(({ n, steps }) => fc.record({ params: arb.vector(n, arb.num(2)), grads: fc.array(arb.vector(n, arb.num(2)), { minLength: steps, maxLength: steps }), hp }));
}

const zeros = (n: number) => ({ velocity: new Array<number>(n).fill(0) });

function isVector(x: unknown, n: number): x is number[] {
  return Array.isArray(x) && x.length === n && x.every((e) => typeof e === 'number');
}

function asStep(received: unknown, n: number, step: number): Step {
  const r = received as { params?: unknown; state?: { velocity?: unknown } } | null;
  if (!(r !== null && typeof r === 'object' && isVector(r.params, n) && typeof r.state === 'object' && r.state !== null && isVector(r.state.velocity, n))) {
    fail(
      {
        es: `En el paso ${step} sgdMomentumStep debe devolver { params, state: { velocity } } con vectores de longitud ${n}.`,
        en: `At step ${step} sgdMomentumStep must return { params, state: { velocity } } with vectors of length ${n}.`,
      },
      { received },
    );
  }
  return received as Step;
}

async function studentRun(ctx: PropertyContext, params: number[], grads: number[][], hp: MomentumHyper): Promise<Step[]> {
  const steps: Step[] = [];
  let current: Step = { params, state: zeros(params.length) };
  for (const [k, g] of grads.entries()) {
    current = asStep(await ctx.call('sgdMomentumStep', current.params, g, current.state, hp), params.length, k + 1);
    steps.push(current);
  }
  return steps;
}

const mode = (hp: MomentumHyper) => (hp.nesterov ? 'Nesterov' : 'clásico / classic');

export default defineSpec({
  'matches-reference': property({
    arbitrary: run(2, 6),
    async check({ params, grads, hp }, ctx) {
      const expected = await reference(params, grads, hp);
      const steps = await studentRun(ctx, params, grads, hp);
      steps.forEach((s, k) =>
        ctx.expectClose(expected.params[k], s.params, { what: { es: `θ tras el paso ${k + 1} (${mode(hp)})`, en: `θ after step ${k + 1} (${mode(hp)})` } }),
      );
    },
  }),

  'velocity-state': property({
    arbitrary: run(1, 4),
    examples: {
      // μ = 0 is allowed: the velocity is then just the last gradient (and is still returned)
      'zero-momentum': { params: [1, -2], grads: [[0.5, 1], [-1, 0.25]], hp: { lr: 0.1, momentum: 0, nesterov: false } },
      'zero-momentum-nesterov': { params: [0.5], grads: [[2], [-0.75], [1]], hp: { lr: 0.5, momentum: 0, nesterov: true } },
    },
    async check({ params, grads, hp }, ctx) {
      const expected = await reference(params, grads, hp);
      const steps = await studentRun(ctx, params, grads, hp);
      steps.forEach((s, k) =>
        ctx.expectClose(expected.velocity[k], s.state.velocity, {
          what: { es: `La velocidad v = μ·v + g tras el paso ${k + 1} (sin lr)`, en: `The velocity v = μ·v + g after step ${k + 1} (no lr)` },
        }),
      );
    },
  }),

  'first-step': property({
    arbitrary: run(1, 1),
    async check({ params, grads, hp }, ctx) {
      const g = grads[0]!;
      const [step] = await studentRun(ctx, params, [g], hp);
      const scale = hp.nesterov ? 1 + hp.momentum : 1;
      ctx.expectClose(
        params.map((p, i) => p - hp.lr * scale * g[i]!),
        step!.params,
        {
          what: hp.nesterov
            ? { es: `Con v = 0, el primer paso de Nesterov es θ − lr·(1 + μ)·g = θ − ${hp.lr}·${scale}·g`, en: `From v = 0, Nesterov's first step is θ − lr·(1 + μ)·g = θ − ${hp.lr}·${scale}·g` }
            : { es: `Con v = 0, el primer paso clásico es θ − lr·g = θ − ${hp.lr}·g`, en: `From v = 0, the classic first step is θ − lr·g = θ − ${hp.lr}·g` },
        },
      );
    },
  }),

  'zero-momentum-is-sgd': property({
    arbitrary: run(1, 4, fc.record({ lr: fc.constantFrom(0.01, 0.1, 0.5), momentum: fc.constant(0), nesterov: fc.boolean() })),
    async check({ params, grads, hp }, ctx) {
      const steps = await studentRun(ctx, params, grads, hp);
      let theta = params;
      steps.forEach((s, k) => {
        theta = theta.map((p, i) => p - hp.lr * grads[k]![i]!);
        ctx.expectClose(theta, s.params, {
          what: { es: `Con μ = 0 debe ser SGD simple, θ − lr·g; θ tras el paso ${k + 1}`, en: `With μ = 0 it must be plain SGD, θ − lr·g; θ after step ${k + 1}` },
        });
      });
    },
  }),

  'no-mutation': property({
    arbitrary: run(2, 2),
    async check({ params, grads, hp }, ctx) {
      const expected = await reference(params, grads, hp);
      let current: Step = { params, state: zeros(params.length) };
      for (const [k, g] of grads.entries()) {
        const { value, mutated } = await ctx.callTracked('sgdMomentumStep', current.params, g, current.state, hp);
        if (mutated.length > 0) {
          const names = mutated.map((i) => ['params', 'grads', 'state', 'hp'][i] ?? `#${i}`).join(', ');
          fail({ es: `sgdMomentumStep modificó su argumento ${names}.`, en: `sgdMomentumStep modified its argument ${names}.` });
        }
        current = asStep(value, params.length, k + 1);
        ctx.expectClose(expected.params[k], current.params, { tolerance: { atol: 1e-5, rtol: 1e-4 }, what: { es: `θ tras el paso ${k + 1}`, en: `θ after step ${k + 1}` } });
      }
    },
  }),

  'constant-gradient': property({
    arbitrary: fc.record({ n: arb.dim(1, 4), steps: arb.dim(1, 8) }).chain(({ n, steps }) =>
      fc.record({ params: arb.vector(n, arb.num(2)), g: arb.vector(n, arb.num(2)), steps: fc.constant(steps), hp: hyper }),
    ),
    async check({ params, g, steps, hp }, ctx) {
      const trajectory = await studentRun(ctx, params, Array.from({ length: steps }, () => g), hp);
      // a geometric series: after k equal gradients, v = g·(1 − μ^k)/(1 − μ)
      const factor = (1 - hp.momentum ** steps) / (1 - hp.momentum);
      ctx.expectClose(g.map((x) => x * factor), trajectory[steps - 1]!.state.velocity, {
        what: {
          es: `Tras ${steps} gradientes iguales la velocidad debe ser g·(1 − μ^${steps})/(1 − μ) = ${factor.toPrecision(5)}·g`,
          en: `After ${steps} equal gradients the velocity must be g·(1 − μ^${steps})/(1 − μ) = ${factor.toPrecision(5)}·g`,
        },
      });
    },
  }),
});
