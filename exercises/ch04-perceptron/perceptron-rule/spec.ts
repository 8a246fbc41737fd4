import fc from 'fast-check';
import { arb, defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import * as reference from '../../../reference/ch04-perceptron/perceptron-rule.ts';

type Label = 0 | 1;
interface Trained {
  w: number[];
  b: number;
  errors: number[];
}

/** Fails with a readable message unless `value` looks like { w: number[d], b: number, errors: number[] }. */
function asTrained(value: unknown, d: number): Trained {
  const v = value as Partial<Trained> | null;
  const ok =
    v !== null && typeof v === 'object' && Array.isArray(v.w) && v.w.length === d && v.w.every((n) => typeof n === 'number') &&
    typeof v.b === 'number' && Array.isArray(v.errors) && v.errors.every((n) => typeof n === 'number');
  if (!ok) {
    fail(
      { es: `trainPerceptron debe devolver { w, b, errors } con w de longitud d = ${d}, b un número y errors un array de números.`, en: `trainPerceptron must return { w, b, errors } with w of length d = ${d}, b a number and errors an array of numbers.` },
      { received: value },
    );
  }
  return v as Trained;
}

const dot = (a: number[], b: number[]) => a.reduce((acc, v, i) => acc + v * b[i]!, 0);
/** Trusted prediction used by invariants (exact on the grid of eighths). */
const classify = (w: number[], b: number, x: number[]): Label => (dot(w, x) + b >= 0 ? 1 : 0);

/** Learning rates that are powers of two keep every update exact in float32 and float64. */
const learningRate = fc.constantFrom(1, 0.5, 0.25, 2);
const label = fc.constantFrom<Label>(0, 1);

/** Random w, b, x of the same length d. */
const randomAffine = arb.dim(1, 4).chain((d) => fc.record({ w: arb.vector(d, arb.num(2)), b: arb.num(2), x: arb.vector(d, arb.num(2)) }));

/** w, b, x with w·x + b = 0 exactly: the boundary, where the convention is ŷ = 1. */
const onBoundary = fc.oneof(
  randomAffine.map(({ w, x }) => ({ w, b: -dot(w, x) + 0, x })),
  arb.dim(1, 4).chain((d) => fc.record({ w: arb.vector(d, arb.num(2)), b: fc.constant(0), x: fc.constant(new Array<number>(d).fill(0)) })),
);

const affine = fc.oneof({ arbitrary: randomAffine, weight: 3 }, { arbitrary: onBoundary, weight: 1 });

/** Any labels: the data may be non-separable, so training may use up every epoch. */
const randomTraining = fc
  .record({ n: arb.dim(1, 6), d: arb.dim(1, 3) })
  .chain(({ n, d }) => fc.record({ X: arb.matrix(n, d, arb.num(2)), y: fc.array(label, { minLength: n, maxLength: n }) }));

/**
 * Linearly separable data with margin: labels from a hyperplane w*·x + b* whose first weight is
 * nonzero; a point closer than 0.5 to it is pushed along x₀ so that |w*·x + b*| ≥ 0.5 for all.
 */
const separableTraining = fc
  .record({
    d: arb.dim(1, 3),
    n: arb.dim(2, 8),
    w0: fc.constantFrom(-2, -1, 1, 2),
  })
  .chain(({ d, n, w0 }) =>
    fc.record({ rest: arb.vector(d - 1, fc.integer({ min: -2, max: 2 })), bStar: arb.numIn(-1, 1), X: arb.matrix(n, d, arb.num(2)) }).map(({ rest, bStar, X }) => {
      const wStar = [w0, ...rest];
      const y: Label[] = [];
      const points = X.map((row) => {
        const x = [...row];
        if (Math.abs(dot(wStar, x) + bStar) < 0.5) x[0] = x[0]! + Math.sign(w0);
        y.push(dot(wStar, x) + bStar >= 0 ? 1 : 0);
        return x;
      });
      return { X: points, y };
    }),
  );

const training = fc.record({
  data: fc.oneof(randomTraining, separableTraining),
  lr: learningRate,
  epochs: arb.dim(1, 8),
});

export default defineSpec({
  'predict-matches-reference': property({
    arbitrary: affine,
    async check({ w, b, x }, ctx) {
      const received = await ctx.call('predict', w, b, x);
      ctx.expectClose(reference.predict(w, b, x), received, { what: { es: `predict(w, b, x) con w·x + b = ${dot(w, x) + b}`, en: `predict(w, b, x) with w·x + b = ${dot(w, x) + b}` } });
    },
  }),

  'predict-boundary': property({
    arbitrary: onBoundary,
    examples: {
      // w·x + b = 0 with x ≠ 0: a point on the hyperplane is class 1
      'on-hyperplane': { w: [1, -1], b: 0.5, x: [1.5, 2] },
    },
    async check({ w, b, x }, ctx) {
      const received = await ctx.call('predict', w, b, x);
      if (received !== 1) {
        fail(
          { es: `En la frontera (w·x + b = 0 exactamente) predict debe devolver 1 y devolvió ${formatValue(received)}.`, en: `On the boundary (w·x + b = 0 exactly) predict must return 1 but returned ${formatValue(received)}.` },
          { expected: 1, received },
        );
      }
    },
  }),

  'step-matches-reference': property({
    arbitrary: fc.record({ point: affine, y: label, lr: learningRate }),
    examples: {
      // on the hyperplane with label 0: ŷ = 1 is a mistake, so the rule subtracts η·x
      'on-hyperplane': { point: { w: [1, -1], b: 0.5, x: [1.5, 2] }, y: 0 as const, lr: 0.5 },
    },
    async check({ point: { w, b, x }, y, lr }, ctx) {
      const received = await ctx.call('perceptronStep', w, b, x, y, lr);
      ctx.expectClose(reference.perceptronStep(w, b, x, y, lr), received, {
        what: { es: `perceptronStep con y = ${y}, ŷ = ${classify(w, b, x)}, lr = ${lr}`, en: `perceptronStep with y = ${y}, ŷ = ${classify(w, b, x)}, lr = ${lr}` },
      });
    },
  }),

  'step-no-update-when-correct': property({
    arbitrary: fc.record({ point: affine, lr: learningRate }),
    async check({ point: { w, b, x }, lr }, ctx) {
      const y = classify(w, b, x); // the sample is already classified correctly
      const received = await ctx.call('perceptronStep', w, b, x, y, lr);
      ctx.expectClose({ w, b }, received, {
        what: {
          es: `La muestra ya estaba bien clasificada (y = ŷ = ${y}), así que { w, b } no debía cambiar`,
          en: `The sample was already classified correctly (y = ŷ = ${y}), so { w, b } should not change`,
        },
      });
    },
  }),

  'train-matches-reference': property({
    arbitrary: training,
    async check({ data: { X, y }, lr, epochs }, ctx) {
      const received = await ctx.call('trainPerceptron', X, y, { lr, epochs });
      ctx.expectClose(reference.trainPerceptron(X, y, { lr, epochs }), received, {
        what: { es: `trainPerceptron con lr = ${lr}, epochs = ${epochs}`, en: `trainPerceptron with lr = ${lr}, epochs = ${epochs}` },
      });
    },
  }),

  'train-converges': property({
    arbitrary: fc.record({ data: separableTraining, lr: learningRate }),
    async check({ data: { X, y }, lr }, ctx) {
      // 1000 epochs is above the convergence theorem's bound (R/γ)² + 1 for these data sets.
      const epochs = 1000;
      const received = asTrained(await ctx.call('trainPerceptron', X, y, { lr, epochs }), X[0]!.length);
      const wrong = X.map((x, n) => ({ n, x })).filter(({ n, x }) => classify(received.w, received.b, x) !== y[n]);
      if (wrong.length > 0) {
        const { n, x } = wrong[0]!;
        fail({
          es: `Con datos linealmente separables y ${epochs} épocas, el perceptrón entrenado debería clasificar bien todas las muestras, pero falla ${wrong.length} (p. ej. la muestra ${n}: x = [${x.join(', ')}], y = ${y[n]}, w·x + b = ${dot(received.w, x) + received.b}).`,
          en: `On linearly separable data with ${epochs} epochs the trained perceptron should classify every sample correctly, but it gets ${wrong.length} wrong (e.g. sample ${n}: x = [${x.join(', ')}], y = ${y[n]}, w·x + b = ${dot(received.w, x) + received.b}).`,
        });
      }
      const last = received.errors[received.errors.length - 1];
      if (last !== 0) {
        fail(
          { es: `El entrenamiento converge, así que el último elemento de errors debe ser 0 y es ${formatValue(last)}.`, en: `Training converges, so the last entry of errors must be 0 but it is ${formatValue(last)}.` },
          { expected: 0, received: last },
        );
      }
    },
  }),

  'train-stopping-rule': property({
    arbitrary: training,
    async check({ data: { X, y }, lr, epochs }, ctx) {
      const { errors } = asTrained(await ctx.call('trainPerceptron', X, y, { lr, epochs }), X[0]!.length);
      const setting = { es: `(N = ${X.length}, epochs = ${epochs}, errors = [${errors.join(', ')}])`, en: `(N = ${X.length}, epochs = ${epochs}, errors = [${errors.join(', ')}])` };
      if (errors.length < 1 || errors.length > epochs) {
        fail({ es: `errors debe tener entre 1 y epochs elementos, uno por época ejecutada ${setting.es}.`, en: `errors must have between 1 and epochs entries, one per epoch run ${setting.en}.` });
      }
      const bad = errors.findIndex((e) => !Number.isInteger(e) || e < 0 || e > X.length);
      if (bad >= 0) {
        fail({ es: `errors[${bad}] debe ser un entero entre 0 y N ${setting.es}.`, en: `errors[${bad}] must be an integer between 0 and N ${setting.en}.` });
      }
      const early = errors.slice(0, -1).indexOf(0);
      if (early >= 0) {
        fail({ es: `La época ${early} no tuvo errores, así que el entrenamiento debía parar ahí ${setting.es}.`, en: `Epoch ${early} had no errors, so training should have stopped there ${setting.en}.` });
      }
      if (errors.length < epochs && errors[errors.length - 1] !== 0) {
        fail({ es: `Paró antes de epochs sin haber tenido una época sin errores ${setting.es}.`, en: `It stopped before epochs without a clean epoch ${setting.en}.` });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ point: affine, y: label, lr: learningRate, data: fc.oneof(randomTraining, separableTraining) }),
    async check({ point: { w, b, x }, y, lr, data }, ctx) {
      const calls: [string, unknown[], string[]][] = [
        ['predict', [w, b, x], ['w', 'b', 'x']],
        ['perceptronStep', [w, b, x, y, lr], ['w', 'b', 'x', 'y', 'lr']],
        ['trainPerceptron', [data.X, data.y, { lr, epochs: 3 }], ['X', 'y', 'opts']],
      ];
      for (const [fn, args, names] of calls) {
        const { mutated } = await ctx.callTracked(fn, ...args);
        if (mutated.length > 0) {
          const which = mutated.map((i) => names[i] ?? `#${i}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${which}.`, en: `${fn} modified its argument ${which}.` });
        }
      }
    },
  }),

  'train-lr-scaling': property({
    arbitrary: fc.record({ data: fc.oneof(randomTraining, separableTraining), epochs: arb.dim(1, 8), scale: fc.constantFrom(0.5, 0.25, 4) }),
    async check({ data: { X, y }, epochs, scale }, ctx) {
      const base = asTrained(await ctx.call('trainPerceptron', X, y, { lr: 1, epochs }), X[0]!.length);
      const scaled = await ctx.call('trainPerceptron', X, y, { lr: scale, epochs });
      const expected = { w: base.w.map((v) => v * scale), b: base.b * scale, errors: base.errors };
      ctx.expectClose(expected, scaled, {
        what: {
          es: `Partiendo de ceros, entrenar con lr = ${scale} debe dar ${scale}·(w, b) del entrenamiento con lr = 1 y los mismos errors`,
          en: `Starting from zeros, training with lr = ${scale} must give ${scale}·(w, b) of training with lr = 1 and the same errors`,
        },
      });
    },
  }),
});
