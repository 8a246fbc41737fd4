import fc from 'fast-check';
import { arb, defineSpec, fail, property, type PropertyContext } from '../../../grader/spec/index.ts';
import { adam as reference, type AdamHyper } from '../../../reference/ch16-optimizers/adam.ts';

interface State {
  m: number[];
  v: number[];
  t: number;
}

const hyper: fc.Arbitrary<AdamHyper> = fc.record({
  lr: fc.constantFrom(0.001, 0.01, 0.1, 0.5),
  beta1: fc.constantFrom(0.9, 0.8, 0.5),
  beta2: fc.constantFrom(0.999, 0.99, 0.95),
  epsilon: fc.constantFrom(1e-8, 1e-7, 1e-3, 0.1, 1),
});

/** Parameters and a sequence of gradients for `steps` steps. */
function run(minSteps: number, maxSteps: number, hp: fc.Arbitrary<AdamHyper> = hyper) {
  return fc
    .record({ n: arb.dim(1, 5), steps: arb.dim(minSteps, maxSteps) })
    .chain(({ n, steps }) => fc.record({ params: arb.vector(n, arb.num(2)), grads: fc.array(arb.vector(n, arb.num(2)), { minLength: steps, maxLength: steps }), hp }));
}

const fresh = (n: number): State => ({ m: new Array<number>(n).fill(0), v: new Array<number>(n).fill(0), t: 0 });

function isVector(x: unknown, n: number): x is number[] {
  return Array.isArray(x) && x.length === n && x.every((e) => typeof e === 'number');
}

/** Checks the shape of what adamStep returned, so the next step can be chained. */
function asStep(received: unknown, n: number, step: number): { params: number[]; state: State } {
  const r = received as { params?: unknown; state?: { m?: unknown; v?: unknown; t?: unknown } } | null;
  const ok = r !== null && typeof r === 'object' && isVector(r.params, n) && typeof r.state === 'object' && r.state !== null && isVector(r.state.m, n) && isVector(r.state.v, n) && typeof r.state.t === 'number';
  if (!ok) {
    fail(
      {
        es: `En el paso ${step} adamStep debe devolver { params, state: { m, v, t } } con vectores de longitud ${n}.`,
        en: `At step ${step} adamStep must return { params, state: { m, v, t } } with vectors of length ${n}.`,
      },
      { received },
    );
  }
  return received as { params: number[]; state: State };
}

/** Runs the student's adamStep over the gradients, chaining the returned state. */
async function studentRun(ctx: PropertyContext, params: number[], grads: number[][], hp: AdamHyper, start: State) {
  const steps: { params: number[]; state: State }[] = [];
  let current = { params, state: start };
  for (const [k, g] of grads.entries()) {
    current = asStep(await ctx.call('adamStep', current.params, g, current.state, hp), params.length, k + 1);
    steps.push(current);
  }
  return steps;
}

const stepText = (k: number, start = 0) => ({ es: `θ tras el paso ${start + k + 1}`, en: `θ after step ${start + k + 1}` });

export default defineSpec({
  'matches-reference': property({
    arbitrary: run(2, 6),
    examples: {
      // ε = 1 after the square root: far from √(v̂ + ε), and it damps the first steps
      'large-epsilon': { params: [1, -2, 0.5], grads: [[0.5, -1, 2], [0.25, 0.5, -1.5], [-1, 0.75, 0]], hp: { lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1 } },
    },
    async check({ params, grads, hp }, ctx) {
      const expected = await reference(params, grads, hp);
      const steps = await studentRun(ctx, params, grads, hp, fresh(params.length));
      steps.forEach((s, k) => ctx.expectClose(expected.params[k], s.params, { what: stepText(k) }));
    },
  }),

  'resumes-from-state': property({
    arbitrary: run(1, 3).chain((r) =>
      fc.record({ r: fc.constant(r), warmup: fc.array(arb.vector(r.params.length, arb.num(2)), { minLength: 1, maxLength: 8 }) }),
    ),
    async check({ r: { params, grads, hp }, warmup }, ctx) {
      // the state after `warmup.length` steps comes from tf.train.adam itself
      const expected = await reference(params, [...warmup, ...grads], hp);
      const k = warmup.length - 1;
      const state: State = { m: expected.m[k]!, v: expected.v[k]!, t: warmup.length };
      const steps = await studentRun(ctx, expected.params[k]!, grads, hp, state);
      steps.forEach((s, i) => ctx.expectClose(expected.params[warmup.length + i], s.params, { what: stepText(i, warmup.length) }));
    },
  }),

  'first-step-sign': property({
    arbitrary: run(1, 1, hyper.map((hp) => ({ ...hp, epsilon: 1e-8 }))),
    async check({ params, grads, hp }, ctx) {
      const g = grads[0]!;
      const [step] = await studentRun(ctx, params, [g], hp, fresh(params.length));
      const moved = step!.params.map((p, i) => p - params[i]!);
      ctx.expectClose(
        g.map((gi) => -hp.lr * Math.sign(gi)),
        moved,
        {
          what: {
            es: `En el primer paso (m = v = 0, t = 0, ε = 1e-8) cada parámetro debe moverse −lr·signo(g) = −${hp.lr}·signo(g); θ' − θ`,
            en: `On the first step (m = v = 0, t = 0, ε = 1e-8) every parameter must move by −lr·sign(g) = −${hp.lr}·sign(g); θ' − θ`,
          },
        },
      );
    },
  }),

  'state-advanced': property({
    arbitrary: run(1, 4),
    async check({ params, grads, hp }, ctx) {
      const expected = await reference(params, grads, hp);
      const steps = await studentRun(ctx, params, grads, hp, fresh(params.length));
      for (const [k, s] of steps.entries()) {
        if (s.state.t !== k + 1) {
          fail(
            {
              es: `Tras ${k + 1} paso(s) desde t = 0, state.t debe valer ${k + 1} y vale ${s.state.t}.`,
              en: `After ${k + 1} step(s) from t = 0, state.t must be ${k + 1}, and it is ${s.state.t}.`,
            },
            { expected: k + 1, received: s.state.t },
          );
        }
        ctx.expectClose(expected.m[k], s.state.m, { what: { es: `m tras el paso ${k + 1}`, en: `m after step ${k + 1}` } });
        ctx.expectClose(expected.v[k], s.state.v, { what: { es: `v tras el paso ${k + 1}`, en: `v after step ${k + 1}` } });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: run(2, 2),
    async check({ params, grads, hp }, ctx) {
      const expected = await reference(params, grads, hp);
      let state = fresh(params.length);
      let current = params;
      for (const [k, g] of grads.entries()) {
        const { value, mutated } = await ctx.callTracked('adamStep', current, g, state, hp);
        if (mutated.length > 0) {
          const names = mutated.map((i) => ['params', 'grads', 'state', 'hp'][i] ?? `#${i}`).join(', ');
          fail({ es: `adamStep modificó su argumento ${names}.`, en: `adamStep modified its argument ${names}.` });
        }
        ({ params: current, state } = asStep(value, params.length, k + 1));
        ctx.expectClose(expected.params[k], current, { tolerance: { atol: 1e-4, rtol: 1e-4 }, what: stepText(k) });
      }
    },
  }),

  'gradient-scale-invariance': property({
    arbitrary: fc.record({ run: run(1, 4, hyper.map((hp) => ({ ...hp, epsilon: 1e-8 }))), c: fc.constantFrom(4, 16, 0.25) }),
    async check({ run: { params, grads, hp }, c }, ctx) {
      const plain = await studentRun(ctx, params, grads, hp, fresh(params.length));
      const expected = await reference(params, grads, hp);
      plain.forEach((s, k) => ctx.expectClose(expected.params[k], s.params, { tolerance: { atol: 1e-4, rtol: 1e-4 }, what: stepText(k) }));
      const scaled = await studentRun(ctx, params, grads.map((g) => g.map((x) => c * x)), hp, fresh(params.length));
      scaled.forEach((s, k) =>
        ctx.expectClose(plain[k]!.params, s.params, {
          what: {
            es: `Con ε ≈ 0, multiplicar todos los gradientes por ${c} no debe cambiar los pasos de Adam; θ tras el paso ${k + 1}`,
            en: `With ε ≈ 0, multiplying every gradient by ${c} must not change Adam's steps; θ after step ${k + 1}`,
          },
        }),
      );
    },
  }),
});
