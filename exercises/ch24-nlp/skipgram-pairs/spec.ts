import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { cosineSimilarity as refCosine, skipgramPairs as refPairs } from '../../../reference/ch24-nlp/skipgram-pairs.ts';

const word = fc.constantFrom('el', 'gato', 'come', 'pescado', 'y', 'duerme', 'la', 'siesta');
const sentences = fc.record({ tokens: fc.array(word, { minLength: 0, maxLength: 9 }), window: fc.integer({ min: 1, max: 4 }) });

const vectors = arb.dim(1, 6).chain((d) => fc.record({ a: arb.vector(d, arb.num(3)), b: arb.vector(d, arb.num(3)) }));

export default defineSpec({
  'pairs-match-reference': property({
    arbitrary: sentences,
    examples: {
      // a window wider than the sentence: every other word is context, none is padding
      'window-wider-than-sentence': { tokens: ['el', 'gato', 'come'], window: 4 },
      'empty-sentence': { tokens: [], window: 2 },
    },
    async check({ tokens, window }, ctx) {
      const received = await ctx.call('skipgramPairs', tokens, window);
      ctx.expectClose(refPairs(tokens, window), received, { what: { es: `Los pares con k = ${window}`, en: `The pairs with k = ${window}` } });
    },
  }),

  'pair-count': property({
    arbitrary: sentences,
    async check({ tokens, window }, ctx) {
      const received = await ctx.call('skipgramPairs', tokens, window);
      if (!Array.isArray(received)) fail({ es: 'skipgramPairs debe devolver un array de pares.', en: 'skipgramPairs must return an array of pairs.' });
      const n = tokens.length;
      let expected = 0;
      for (let t = 0; t < n; t++) expected += Math.min(t, window) + Math.min(n - 1 - t, window);
      if (received.length !== expected) {
        fail(
          {
            es: `Con n = ${n} palabras y k = ${window} deben salir ${expected} pares, no ${received.length}.`,
            en: `With n = ${n} words and k = ${window} there must be ${expected} pairs, not ${received.length}.`,
          },
          { expected, received: received.length },
        );
      }
      const balance = new Map<string, number>();
      for (const pair of received as unknown[]) {
        const [a, b] = pair as [string, string];
        balance.set(`${a}→${b}`, (balance.get(`${a}→${b}`) ?? 0) + 1);
        balance.set(`${b}→${a}`, (balance.get(`${b}→${a}`) ?? 0) - 1);
      }
      for (const [key, v] of balance) {
        if (v !== 0) {
          fail({
            es: `Los pares no son simétricos: ${key} aparece ${v > 0 ? 'más' : 'menos'} veces que el par inverso.`,
            en: `The pairs are not symmetric: ${key} appears ${v > 0 ? 'more' : 'fewer'} times than its reverse.`,
          });
        }
      }
    },
  }),

  'cosine-matches-reference': property({
    arbitrary: vectors.filter(({ a, b }) => a.some((v) => v !== 0) && b.some((v) => v !== 0)),
    examples: {
      // a zero vector: the cosine is defined as 0 (no 0/0)
      'zero-vector': { a: [0, 0, 0], b: [1, -2, 0.5] },
    },
    async check({ a, b }, ctx) {
      const received = await ctx.call('cosineSimilarity', a, b);
      ctx.expectClose(refCosine(a, b), received, { what: { es: 'cos(a, b)', en: 'cos(a, b)' } });
    },
  }),

  'cosine-invariants': property({
    arbitrary: fc.record({ v: vectors, c: fc.constantFrom(-3, -0.5, 0.25, 2, 8) }).filter(({ v }) => v.a.some((x) => x !== 0) && v.b.some((x) => x !== 0)),
    async check({ v: { a, b }, c }, ctx) {
      const scaledA = a.map((x) => c * x);
      ctx.expectClose(Math.sign(c), await ctx.call('cosineSimilarity', a, scaledA), {
        what: { es: `cos(a, ${c}·a)`, en: `cos(a, ${c}·a)` },
      });
      const original = (await ctx.call('cosineSimilarity', a, b)) as number;
      ctx.expectClose(original, await ctx.call('cosineSimilarity', a, b.map((x) => Math.abs(c) * x)), {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: `cos(a, ${Math.abs(c)}·b) frente a cos(a, b)`, en: `cos(a, ${Math.abs(c)}·b) versus cos(a, b)` },
      });
      ctx.expectClose(0, await ctx.call('cosineSimilarity', a, a.map(() => 0)), {
        what: { es: 'cos(a, 0)', en: 'cos(a, 0)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ s: sentences, v: vectors }),
    async check({ s: { tokens, window }, v: { a, b } }, ctx) {
      const pairs = await ctx.callTracked('skipgramPairs', tokens, window);
      if (pairs.mutated.includes(0)) fail({ es: 'skipgramPairs modificó tokens.', en: 'skipgramPairs modified tokens.' });
      const cos = await ctx.callTracked('cosineSimilarity', a, b);
      if (cos.mutated.length > 0) fail({ es: 'cosineSimilarity modificó sus vectores.', en: 'cosineSimilarity modified its vectors.' });
    },
  }),
});
