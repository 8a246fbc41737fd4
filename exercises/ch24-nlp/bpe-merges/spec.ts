import fc from 'fast-check';
import { defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { encodeBpe as refEncode, learnBpe as refLearn } from '../../../reference/ch24-nlp/bpe-merges.ts';

/** Words over a tiny alphabet, so that pairs repeat, ties happen and merged symbols nest. */
const word = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));

const table = fc
  .uniqueArray(word, { minLength: 1, maxLength: 5 })
  .chain((words) => fc.tuple(fc.constant(words), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: words.length, maxLength: words.length })))
  .map(([words, counts]) => Object.fromEntries(words.map((w, i) => [w, counts[i]!])) as Record<string, number>);

const training = fc.record({ wordCounts: table, numMerges: fc.integer({ min: 1, max: 8 }) });

/** Tables where a merged symbol sits next to the start of a later pair ("cc c</w>" is not the pair ("cc", "</w>")). */
const traps = fc.constantFrom<{ wordCounts: Record<string, number>; numMerges: number }>(
  { wordCounts: { aba: 1, baac: 1, aa: 1 }, numMerges: 3 },
  { wordCounts: { cc: 1, ccc: 1 }, numMerges: 5 },
  { wordCounts: { bba: 1, aa: 1, aaab: 1 }, numMerges: 4 },
);

export default defineSpec({
  'merges-match-reference': property({
    arbitrary: fc.oneof({ arbitrary: training, weight: 5 }, { arbitrary: traps, weight: 1 }),
    examples: {
      // more merges asked for than possible: it stops once every word is a single symbol
      'runs-out-of-pairs': { wordCounts: { ab: 2, c: 1 }, numMerges: 6 },
      // after (a, <), (/, w), (/w, >) the pairs (a<, /w>) and (a, </w>) both spell "a</w>" but are different pairs (3 each, not 6)
      'end-marker-text': { wordCounts: { 'a<': 3, 'a</w>a': 3 }, numMerges: 5 },
    },
    async check({ wordCounts, numMerges }, ctx) {
      const received = await ctx.call('learnBpe', wordCounts, numMerges);
      ctx.expectClose(refLearn(wordCounts, numMerges), received, { what: { es: `Las fusiones (numMerges = ${numMerges})`, en: `The merges (numMerges = ${numMerges})` } });
    },
  }),

  'encode-matches-reference': property({
    arbitrary: fc.record({ t: training, word }),
    examples: {
      // a word with a symbol never seen in training stays in single characters there
      'unseen-word': { t: { wordCounts: { ab: 3, ba: 1 }, numMerges: 3 }, word: 'cabc' },
    },
    async check({ t: { wordCounts, numMerges }, word }, ctx) {
      const merges = refLearn(wordCounts, numMerges);
      // a training word written twice repeats every pair: each merge must apply to all occurrences
      const twice = Object.keys(wordCounts)[0]!.repeat(2);
      for (const w of [word, twice]) {
        const received = await ctx.call('encodeBpe', w, merges);
        ctx.expectClose(refEncode(w, merges), received, { what: { es: `encodeBpe("${w}", …)`, en: `encodeBpe("${w}", …)` } });
      }
    },
  }),

  'encode-concatenates': property({
    arbitrary: fc.record({ t: training, word }),
    async check({ t: { wordCounts, numMerges }, word }, ctx) {
      const received = await ctx.call('encodeBpe', word, refLearn(wordCounts, numMerges));
      const joined = Array.isArray(received) ? received.join('') : String(received);
      if (joined !== `${word}</w>`) {
        fail(
          { es: `Los símbolos unidos dan "${joined}", no "${word}</w>".`, en: `The joined symbols give "${joined}", not "${word}</w>".` },
          { expected: `${word}</w>`, received: joined },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ t: training, word }),
    async check({ t: { wordCounts, numMerges }, word }, ctx) {
      const learned = await ctx.callTracked('learnBpe', wordCounts, numMerges);
      if (learned.mutated.includes(0)) fail({ es: 'learnBpe modificó wordCounts.', en: 'learnBpe modified wordCounts.' });
      const encoded = await ctx.callTracked('encodeBpe', word, refLearn(wordCounts, numMerges));
      if (encoded.mutated.includes(1)) fail({ es: 'encodeBpe modificó merges.', en: 'encodeBpe modified merges.' });
    },
  }),
});
