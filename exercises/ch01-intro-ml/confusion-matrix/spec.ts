import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { classificationScores as refScores, confusionMatrix as refConfusion } from '../../../reference/ch01-intro-ml/confusion-matrix.ts';

/** K classes and N labelled predictions (small K so that some classes go unpredicted). */
const labelled = fc.record({ k: arb.dim(2, 4), n: arb.dim(1, 12) }).chain(({ k, n }) =>
  fc.record({
    k: fc.constant(k),
    yTrue: arb.vector(n, fc.integer({ min: 0, max: k - 1 })),
    yPred: arb.vector(n, fc.integer({ min: 0, max: k - 1 })),
  }),
);

/** A K×K matrix of counts, with zeros often enough to leave empty rows and columns. */
const counts = arb.dim(2, 4).chain((k) => arb.matrix(k, k, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 }))));

const AVERAGES = ['macro', 'micro', 'weighted'] as const;

/** Class 0 never predicted (empty column), class 1 without examples (empty row). */
const NEVER_PREDICTED_AND_EMPTY = [
  [0, 2, 1],
  [0, 0, 0],
  [0, 1, 3],
];
/** Class 1 is predicted and present but never right: P₁ = R₁ = 0, so F1₁ = 0/0. */
const ZERO_P_AND_R = [
  [2, 1, 0],
  [3, 0, 1],
  [0, 0, 4],
];

function scoresProperty(average: (typeof AVERAGES)[number]) {
  return property({
    arbitrary: counts,
    examples: { 'never-predicted-and-empty-class': NEVER_PREDICTED_AND_EMPTY, 'f1-of-zero-precision-and-recall': ZERO_P_AND_R },
    async check(cm, ctx) {
      const received = await ctx.call('classificationScores', cm, average);
      ctx.expectClose(refScores(cm, average), received, {
        what: { es: `classificationScores(cm, '${average}')`, en: `classificationScores(cm, '${average}')` },
      });
    },
  });
}

export default defineSpec({
  'confusion-matches-reference': property({
    arbitrary: labelled,
    async check({ k, yTrue, yPred }, ctx) {
      const received = await ctx.call('confusionMatrix', yTrue, yPred, k);
      ctx.expectClose(refConfusion(yTrue, yPred, k), received);
    },
  }),

  'rows-are-true-classes': property({
    arbitrary: labelled,
    async check({ k, yTrue, yPred }, ctx) {
      const cm = (await ctx.call('confusionMatrix', yTrue, yPred, k)) as number[][];
      if (!Array.isArray(cm) || cm.length !== k) {
        fail({ es: `confusionMatrix debe devolver ${k} filas.`, en: `confusionMatrix must return ${k} rows.` }, { received: cm });
      }
      for (let i = 0; i < k; i++) {
        const row = cm[i];
        const sum = Array.isArray(row) ? row.reduce((a: number, b: number) => a + b, 0) : NaN;
        const support = yTrue.filter((y) => y === i).length;
        if (sum !== support) {
          fail(
            {
              es: `La fila ${i} suma ${sum}, pero hay ${support} ejemplos reales de la clase ${i}: las filas deben ser la clase real.`,
              en: `Row ${i} sums to ${sum}, but there are ${support} examples whose true class is ${i}: rows must be the true class.`,
            },
            { expected: support, received: sum },
          );
        }
      }
    },
  }),

  'macro-matches-reference': scoresProperty('macro'),
  'micro-matches-reference': scoresProperty('micro'),
  'weighted-matches-reference': scoresProperty('weighted'),

  'empty-class-is-zero': property({
    arbitrary: fc.record({ cm: counts, average: fc.constantFrom(...AVERAGES) }).map(({ cm, average }) => {
      // class 0 is never predicted (empty column) and class 1 never occurs (empty row)
      const k = cm.length;
      const m = cm.map((row) => [...row]);
      for (let i = 0; i < k; i++) m[i]![0] = 0;
      m[1] = new Array<number>(k).fill(0);
      return { cm: m, average };
    }),
    examples: {
      'never-predicted-and-empty-class': { cm: NEVER_PREDICTED_AND_EMPTY, average: 'macro' as const },
      'f1-of-zero-precision-and-recall': { cm: ZERO_P_AND_R, average: 'weighted' as const },
    },
    async check({ cm, average }, ctx) {
      const received = (await ctx.call('classificationScores', cm, average)) as Record<string, unknown>;
      for (const key of ['precision', 'recall', 'f1']) {
        const v = received?.[key];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          fail(
            {
              es: `Con una clase nunca predicha o sin ejemplos, ${key} (${average}) vale ${String(v)}: las divisiones 0/0 deben contar como 0.`,
              en: `With a class never predicted or without examples, ${key} (${average}) is ${String(v)}: 0/0 divisions must count as 0.`,
            },
            { received: v },
          );
        }
      }
      ctx.expectClose(refScores(cm, average), received);
    },
  }),

  'no-mutation': property({
    arbitrary: fc.tuple(labelled, counts),
    async check([{ k, yTrue, yPred }, cm], ctx) {
      const a = await ctx.callTracked('confusionMatrix', yTrue, yPred, k);
      const b = await ctx.callTracked('classificationScores', cm, 'weighted');
      const names = [
        ...a.mutated.map((i) => ['yTrue', 'yPred', 'numClasses'][i] ?? `#${i}`),
        ...b.mutated.map((i) => ['cm', 'average'][i] ?? `#${i}`),
      ];
      if (names.length > 0) fail({ es: `Se modificó el argumento ${names.join(', ')}.`, en: `The argument ${names.join(', ')} was modified.` });
    },
  }),

  'micro-equals-accuracy': property({
    arbitrary: labelled,
    async check({ k, yTrue, yPred }, ctx) {
      const cm = refConfusion(yTrue, yPred, k);
      const received = (await ctx.call('classificationScores', cm, 'micro')) as Scores;
      const accuracy = yTrue.filter((y, i) => y === yPred[i]).length / yTrue.length;
      ctx.expectClose({ precision: accuracy, recall: accuracy, f1: accuracy }, received, {
        what: { es: 'En monoetiqueta, precisión, recall y F1 micro valen la exactitud', en: 'In single-label problems micro precision, recall and F1 equal the accuracy' },
      });
    },
  }),
});

interface Scores {
  precision: number;
  recall: number;
  f1: number;
}
