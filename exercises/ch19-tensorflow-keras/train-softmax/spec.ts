import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { trainSoftmax as reference, type Trained } from '../../../reference/ch19-tensorflow-keras/train-softmax.ts';

/** A small classification problem with random labels and initial weights; lr small enough for a monotone descent. */
const problem = fc
  .record({ n: arb.dim(1, 6), d: arb.dim(1, 3), k: arb.dim(2, 3) })
  .chain(({ n, d, k }) =>
    fc.record({
      X: arb.matrix(n, d, arb.num(2)),
      labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      W0: arb.matrix(d, k, arb.num(1)),
      b0: arb.vector(k, arb.num(1)),
      lr: fc.constantFrom(0.05, 0.1, 0.25),
      epochs: fc.integer({ min: 1, max: 8 }),
    }),
  );

const asTrained = (value: unknown): Trained => {
  const v = value as Trained;
  const numbers = (a: unknown) => Array.isArray(a) && a.every((n) => typeof n === 'number');
  if (!v || !Array.isArray(v.W) || !v.W.every(numbers) || !numbers(v.b) || !numbers(v.losses)) {
    fail({ es: 'trainSoftmax debe devolver { W, b, losses } con números (W una matriz, b y losses vectores).', en: 'trainSoftmax must return { W, b, losses } holding numbers (W a matrix, b and losses vectors).' }, { received: value });
  }
  return v;
};

/** Three well separated clusters in 2-D: one point per corner of a triangle plus small offsets. */
const PERMUTATIONS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
/** The corners get their classes in a random order, so weights learned by hand for one order do not pass. */
const separable = fc
  .record({ offsets: fc.array(fc.tuple(arb.numIn(-0.5, 0.5), arb.numIn(-0.5, 0.5)), { minLength: 3, maxLength: 3 }), order: fc.constantFrom(...PERMUTATIONS) })
  .map(({ offsets, order }) => {
    const centers = [[3, 0], [-2, 2.5], [-2, -2.5]];
    const X: number[][] = [];
    const labels: number[] = [];
    centers.forEach((c, corner) => {
      for (const [dx, dy] of [[0, 0], ...offsets]) {
        X.push([c[0]! + dx!, c[1]! + dy!]);
        labels.push(order[corner]!);
      }
    });
    return { X, labels };
  });

export default defineSpec({
  'matches-reference': property({
    arbitrary: problem,
    examples: {
      // |logit| ≥ 1000 in both rows, one step of η = 0.1 keeps them there: exp(1000) = Infinity and exp(−1000) = 0,
      // so only a softmax shifted by the row maximum stays finite (the logits differ by 1, so −log p stays finite too)
      'large-logits': { X: [[1], [-1]], labels: [0, 1], W0: [[1000, 1001]], b0: [0, 0], lr: 0.1, epochs: 3 },
      // logits 800 apart in a row: shifted by the minimum (or not at all) exp(800) = Infinity and P is NaN; shifted by the
      // maximum P is one-hot on the label, the loss 0 and the gradient 0
      'wide-logits': { X: [[1], [-1]], labels: [1, 0], W0: [[0, 800]], b0: [0, 0], lr: 0.1, epochs: 2 },
    },
    async check({ X, labels, W0, b0, lr, epochs }, ctx) {
      const received = await ctx.call('trainSoftmax', X, labels, W0, b0, lr, epochs);
      ctx.expectClose(reference(X, labels, W0, b0, lr, epochs), received, {
        what: { es: `Tras ${epochs} épocas con η = ${lr}`, en: `After ${epochs} epochs with η = ${lr}` },
      });
    },
  }),

  'loss-decreases': property({
    arbitrary: problem,
    async check({ X, labels, W0, b0, epochs }, ctx) {
      // the cross-entropy is convex and smooth: with η = 0.1 (below 2/Lipschitz for these inputs) it never goes up
      const { losses } = asTrained(await ctx.call('trainSoftmax', X, labels, W0, b0, 0.1, epochs + 2));
      for (let e = 1; e < losses.length; e++) {
        if (!(losses[e]! <= losses[e - 1]! + 1e-12)) {
          fail({
            es: `La pérdida sube de la época ${e - 1} (${losses[e - 1]}) a la ${e} (${losses[e]}): el descenso de gradiente con η pequeño nunca la hace subir. ¿Restas el gradiente?`,
            en: `The loss goes up from epoch ${e - 1} (${losses[e - 1]}) to ${e} (${losses[e]}): gradient descent with a small η never increases it. Are you subtracting the gradient?`,
          });
        }
      }
    },
  }),

  'learns-separable-data': property({
    arbitrary: separable,
    async check({ X, labels }, ctx) {
      const zerosW = [
        [0, 0, 0],
        [0, 0, 0],
      ];
      const { W, b, losses } = asTrained(await ctx.call('trainSoftmax', X, labels, zerosW, [0, 0, 0], 0.5, 60));
      const wrong = X.filter((x, i) => {
        const z = [0, 1, 2].map((j) => x[0]! * (W[0]?.[j] ?? NaN) + x[1]! * (W[1]?.[j] ?? NaN) + (b[j] ?? NaN));
        return z.indexOf(Math.max(...z)) !== labels[i];
      }).length;
      const last = losses[losses.length - 1] ?? NaN;
      if (wrong > 0 || !(last < 0.1)) {
        fail({
          es: `Con tres grupos bien separados, 60 épocas con η = 0.5 desde pesos nulos deberían clasificar todo bien y bajar la pérdida de 0.1: fallan ${wrong} de ${X.length} y la última pérdida es ${last}.`,
          en: `With three well separated clusters, 60 epochs with η = 0.5 from zero weights should classify everything and bring the loss below 0.1: ${wrong} of ${X.length} are wrong and the last loss is ${last}.`,
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: problem,
    async check({ X, labels, W0, b0, lr, epochs }, ctx) {
      const { mutated } = await ctx.callTracked('trainSoftmax', X, labels, W0, b0, lr, epochs);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['X', 'labels', 'W0', 'b0', 'lr', 'epochs'][i] ?? `#${i}`).join(', ');
        fail({ es: `trainSoftmax modificó su argumento ${names}.`, en: `trainSoftmax modified its argument ${names}.` });
      }
    },
  }),
});
