import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { ctcGreedyDecode, ctcLoss } from '../../../reference/ch25-audio-signals/ctc-loss.ts';

/** Log-softmax rows from k/8 logits. */
const logSoftmaxRows = (T: number, C: number) =>
  arb.matrix(T, C, arb.num(3)).map((rows) =>
    rows.map((z) => {
      const m = Math.max(...z);
      const lse = m + Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0));
      return z.map((v) => v - lse);
    }),
  );

/**
 * T ≤ 5 steps, C ≤ 3 symbols (the reference enumerates all C^T paths), a blank anywhere in 0…C−1
 * and a label short enough to fit (L ≤ (T − 1)/2 always has an alignment), repeats included.
 */
const cases = fc.record({ T: arb.dim(1, 5), C: arb.dim(2, 3) }).chain(({ T, C }) =>
  fc.integer({ min: 0, max: C - 1 }).chain((blank) =>
    fc.record({
      logProbs: logSoftmaxRows(T, C),
      blank: fc.constant(blank),
      label: fc.array(fc.integer({ min: 0, max: C - 2 }).map((i) => (i >= blank ? i + 1 : i)), { maxLength: Math.floor((T - 1) / 2) }),
    }),
  ),
);

/** Rows with a clear maximum (no ties), for the greedy decoder. */
const decodeCases = fc.record({ T: arb.dim(1, 8), C: arb.dim(2, 4) }).chain(({ T, C }) =>
  fc.record({
    best: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: T, maxLength: T }),
    logProbs: logSoftmaxRows(T, C),
    blank: fc.integer({ min: 0, max: C - 1 }),
  }).map(({ best, logProbs, blank }) => ({ logProbs: logProbs.map((row, t) => row.map((v, c) => (c === best[t] ? Math.max(...row) + 1 : v))), blank })),
);

export default defineSpec({
  'loss-matches-reference': property({
    arbitrary: cases,
    examples: {
      // a repeated letter with no slack (T = 2L − 1 + 1 blank): the blank between them is compulsory, a single path
      'repeated-label-tight': { logProbs: [[-0.6931471805599453, -0.6931471805599453], [-0.6931471805599453, -0.6931471805599453], [-0.6931471805599453, -0.6931471805599453]], label: [1, 1], blank: 0 },
      // L = T: no room for any blank
      'label-fills-every-step': { logProbs: [[-1.3862943611198906, -0.6931471805599453, -1.3862943611198906], [-1.3862943611198906, -1.3862943611198906, -0.6931471805599453]], label: [1, 2], blank: 0 },
      // every alignment of [1, 2] has log-probability −1200 or below, so adding them as e^a + e^b
      // underflows to 0 (a loss of Infinity); the blank's −1200 against a label's −400 puts 800
      // between two α terms, so a log-add that factors out the smaller term overflows (e^800)
      'very-negative-log-probs': { logProbs: [[-1200, -400, -400, 0], [-1200, -400, -400, 0], [-1200, -400, -400, 0]], label: [1, 2], blank: 0 },
    },
    async check({ logProbs, label, blank }, ctx) {
      const received = await ctx.call('ctcLoss', logProbs, label, blank);
      ctx.expectClose(ctcLoss(logProbs, label, blank), received, {
        what: { es: `ctcLoss con la etiqueta [${label}] y blank ${blank}`, en: `ctcLoss with label [${label}] and blank ${blank}` },
      });
    },
  }),

  'empty-label': property({
    arbitrary: cases,
    async check({ logProbs, blank }, ctx) {
      // only the all-blank path collapses to []: the loss is −Σ_t log p_t(blank)
      const expected = -logProbs.reduce((a, row) => a + row[blank]!, 0);
      ctx.expectClose(expected, await ctx.call('ctcLoss', logProbs, [], blank), {
        what: { es: 'Con la etiqueta vacía solo vale el camino todo blank: −Σ_t log p_t(blank)', en: 'With the empty label only the all-blank path counts: −Σ_t log p_t(blank)' },
      });
    },
  }),

  'greedy-decode': property({
    arbitrary: decodeCases,
    examples: {
      // every step's best symbol is the blank: the transcription is empty
      'all-blank': { logProbs: [[-0.25, -2, -3], [-0.5, -1.5, -2.5]], blank: 0 },
    },
    async check({ logProbs, blank }, ctx) {
      const received = await ctx.call('ctcGreedyDecode', logProbs, blank);
      const expected = ctcGreedyDecode(logProbs, blank);
      if (!Array.isArray(received) || received.length !== expected.length || received.some((c, i) => c !== expected[i])) {
        fail(
          {
            es: `El mejor camino es [${logProbs.map((r) => r.indexOf(Math.max(...r)))}] con blank ${blank}: al fusionar repeticiones y quitar los blank queda [${expected}], y devolviste ${JSON.stringify(received)}.`,
            en: `The best path is [${logProbs.map((r) => r.indexOf(Math.max(...r)))}] with blank ${blank}: merging repeats and dropping blanks leaves [${expected}], and you returned ${JSON.stringify(received)}.`,
          },
          { expected, received },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    async check({ logProbs, label, blank }, ctx) {
      const { value, mutated } = await ctx.callTracked('ctcLoss', logProbs, label, blank);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['logProbs', 'label', 'blank'][i] ?? `#${i}`).join(', ');
        fail({ es: `ctcLoss modificó su argumento ${names}.`, en: `ctcLoss modified its argument ${names}.` });
      }
      ctx.expectClose(ctcLoss(logProbs, label, blank), value);
    },
  }),
});
