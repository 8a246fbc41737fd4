import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { qLearningUpdate as refQ, sarsaUpdate as refSarsa } from '../../../reference/ch26-reinforcement-learning/td-updates.ts';

/** A Q table and one transition (s, a, r, s', a'); s' may equal s. */
const transition = fc.record({ nS: arb.dim(1, 4), nA: arb.dim(2, 4) }).chain(({ nS, nA }) =>
  fc.record({
    q: arb.matrix(nS, nA, arb.num(2)),
    s: fc.integer({ min: 0, max: nS - 1 }),
    a: fc.integer({ min: 0, max: nA - 1 }),
    r: arb.num(2),
    sNext: fc.integer({ min: 0, max: nS - 1 }),
    aNext: fc.integer({ min: 0, max: nA - 1 }),
    done: fc.boolean(),
    alpha: fc.constantFrom(0.1, 0.25, 0.5, 1),
    gamma: fc.constantFrom(0.5, 0.9, 0.99, 1),
  }),
);

export default defineSpec({
  'q-learning-matches-reference': property({
    arbitrary: transition,
    examples: {
      // s' = s and a is the greedy action there: the target is read from the input table, before the update
      'self-loop': { q: [[1, 0.5], [0, 2]], s: 1, a: 1, r: 0.5, sNext: 1, aNext: 1, done: false, alpha: 0.5, gamma: 0.9 },
    },
    async check({ q, s, a, r, sNext, done, alpha, gamma }, ctx) {
      const received = await ctx.call('qLearningUpdate', q, s, a, r, sNext, done, alpha, gamma);
      ctx.expectClose(refQ(q, s, a, r, sNext, done, alpha, gamma), received, { what: { es: 'La tabla Q actualizada', en: 'The updated Q table' } });
    },
  }),

  'sarsa-matches-reference': property({
    arbitrary: transition,
    examples: {
      'self-loop': { q: [[1, 0.5], [0, 2]], s: 1, a: 1, r: 0.5, sNext: 1, aNext: 1, done: false, alpha: 0.5, gamma: 0.9 },
    },
    async check({ q, s, a, r, sNext, aNext, done, alpha, gamma }, ctx) {
      const received = await ctx.call('sarsaUpdate', q, s, a, r, sNext, aNext, done, alpha, gamma);
      ctx.expectClose(refSarsa(q, s, a, r, sNext, aNext, done, alpha, gamma), received, { what: { es: 'La tabla Q actualizada', en: 'The updated Q table' } });
    },
  }),

  'max-versus-taken': property({
    arbitrary: fc.record({ t: transition, greedy: fc.boolean() }),
    async check({ t, greedy }, ctx) {
      const { q, s, a, r, sNext, alpha, gamma } = t;
      const row = q[sNext]!;
      const best = Math.max(...row);
      const aNext = greedy ? row.indexOf(best) : t.aNext;
      const viaQ = (await ctx.call('qLearningUpdate', q, s, a, r, sNext, false, alpha, gamma)) as number[][];
      const viaSarsa = (await ctx.call('sarsaUpdate', q, s, a, r, sNext, aNext, false, alpha, gamma)) as number[][];
      const difference = viaSarsa?.[s]?.[a];
      const base = viaQ?.[s]?.[a];
      if (typeof difference !== 'number' || typeof base !== 'number') {
        fail({ es: 'Las dos funciones deben devolver una tabla |S|×|A| de números.', en: 'Both functions must return an |S|×|A| table of numbers.' });
      }
      ctx.expectClose(alpha * gamma * (row[aNext]! - best), difference - base, {
        what: {
          es: `sarsaUpdate(…, a' = ${aNext})[s][a] − qLearningUpdate(…)[s][a]${greedy ? " con a' voraz" : ''}`,
          en: `sarsaUpdate(…, a' = ${aNext})[s][a] − qLearningUpdate(…)[s][a]${greedy ? " with a greedy a'" : ''}`,
        },
      });
    },
  }),

  'terminal-target': property({
    arbitrary: transition,
    async check({ q, s, a, r, sNext, aNext, alpha, gamma }, ctx) {
      const expected = q[s]![a]! + alpha * (r - q[s]![a]!);
      const viaQ = (await ctx.call('qLearningUpdate', q, s, a, r, sNext, true, alpha, gamma)) as number[][];
      ctx.expectClose(expected, viaQ?.[s]?.[a], { what: { es: 'qLearningUpdate con done = true, en [s][a]', en: 'qLearningUpdate with done = true, at [s][a]' } });
      const viaSarsa = (await ctx.call('sarsaUpdate', q, s, a, r, sNext, aNext, true, alpha, gamma)) as number[][];
      ctx.expectClose(expected, viaSarsa?.[s]?.[a], { what: { es: 'sarsaUpdate con done = true, en [s][a]', en: 'sarsaUpdate with done = true, at [s][a]' } });
    },
  }),

  'no-mutation': property({
    arbitrary: transition,
    async check({ q, s, a, r, sNext, aNext, done, alpha, gamma }, ctx) {
      const viaQ = await ctx.callTracked('qLearningUpdate', q, s, a, r, sNext, done, alpha, gamma);
      if (viaQ.mutated.includes(0)) fail({ es: 'qLearningUpdate modificó la tabla q que recibió.', en: 'qLearningUpdate modified the q table it received.' });
      const viaSarsa = await ctx.callTracked('sarsaUpdate', q, s, a, r, sNext, aNext, done, alpha, gamma);
      if (viaSarsa.mutated.includes(0)) fail({ es: 'sarsaUpdate modificó la tabla q que recibió.', en: 'sarsaUpdate modified the q table it received.' });
    },
  }),
});
