import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { discountedReturns as refReturns, gae as refGae } from '../../../reference/ch26-reinforcement-learning/returns-and-gae.ts';

/** A done flag: 1 about a quarter of the time, so batches hold several episodes. */
const done = fc.integer({ min: 0, max: 3 }).map((k) => (k === 0 ? 1 : 0));

const batch = fc.integer({ min: 1, max: 8 }).chain((t) =>
  fc.record({
    rewards: arb.vector(t, arb.num(2)),
    values: arb.vector(t, arb.num(2)),
    dones: arb.vector(t, done),
    gamma: fc.constantFrom(0.5, 0.9, 0.99, 1),
    lambda: fc.constantFrom(0, 0.5, 0.95, 1),
    lastValue: arb.num(2).filter((v) => v !== 0),
  }),
);

export default defineSpec({
  'returns-match-reference': property({
    arbitrary: batch,
    examples: {
      // the batch ends with a finished episode: lastValue must not count (and an episode ends at the first step too)
      'done-at-last-step': { rewards: [1, 0.5, -1], values: [0.5, 0.25, 1], dones: [1, 0, 1], gamma: 0.9, lambda: 0.95, lastValue: 2 },
    },
    async check({ rewards, dones, gamma, lastValue }, ctx) {
      const received = await ctx.call('discountedReturns', rewards, dones, gamma, lastValue);
      ctx.expectClose(refReturns(rewards, dones, gamma, lastValue), received, { what: { es: 'Los retornos G', en: 'The returns G' } });
    },
  }),

  'gae-matches-reference': property({
    arbitrary: batch,
    examples: {
      'done-at-last-step': { rewards: [1, 0.5, -1], values: [0.5, 0.25, 1], dones: [1, 0, 1], gamma: 0.9, lambda: 0.95, lastValue: 2 },
    },
    async check({ rewards, values, dones, gamma, lambda, lastValue }, ctx) {
      const received = await ctx.call('gae', rewards, values, dones, gamma, lambda, lastValue);
      ctx.expectClose(refGae(rewards, values, dones, gamma, lambda, lastValue), received, { what: { es: 'gae(…)', en: 'gae(…)' } });
    },
  }),

  'gae-lambda-limits': property({
    arbitrary: batch,
    async check({ rewards, values, dones, gamma, lastValue }, ctx) {
      const t = rewards.length;
      const zero = (await ctx.call('gae', rewards, values, dones, gamma, 0, lastValue)) as { advantages: number[] };
      const deltas = rewards.map((r, i) => r + gamma * (1 - dones[i]!) * (i + 1 < t ? values[i + 1]! : lastValue) - values[i]!);
      ctx.expectClose(deltas, zero?.advantages, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: 'Con λ = 0, las ventajas (deberían ser los errores TD δ_t)', en: 'With λ = 0, the advantages (they should be the TD errors δ_t)' },
      });
      const one = (await ctx.call('gae', rewards, values, dones, gamma, 1, lastValue)) as { advantages: number[] };
      const g = (await ctx.call('discountedReturns', rewards, dones, gamma, lastValue)) as number[];
      if (!Array.isArray(g) || g.length !== t) fail({ es: 'discountedReturns debe devolver T números.', en: 'discountedReturns must return T numbers.' }, { received: g });
      ctx.expectClose(
        g.map((x, i) => x - values[i]!),
        one?.advantages,
        {
          tolerance: { atol: 1e-9, rtol: 1e-9 },
          what: {
            es: 'Con λ = 1, las ventajas (deberían ser discountedReturns(…) − values)',
            en: 'With λ = 1, the advantages (they should be discountedReturns(…) − values)',
          },
        },
      );
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    async check({ rewards, values, dones, gamma, lambda, lastValue }, ctx) {
      const a = await ctx.callTracked('gae', rewards, values, dones, gamma, lambda, lastValue);
      if (a.mutated.length > 0) {
        const names = a.mutated.map((i) => ['rewards', 'values', 'dones'][i] ?? `#${i}`).join(', ');
        fail({ es: `gae modificó su argumento ${names}.`, en: `gae modified its argument ${names}.` });
      }
      const b = await ctx.callTracked('discountedReturns', rewards, dones, gamma, lastValue);
      if (b.mutated.length > 0) {
        const names = b.mutated.map((i) => ['rewards', 'dones'][i] ?? `#${i}`).join(', ');
        fail({ es: `discountedReturns modificó su argumento ${names}.`, en: `discountedReturns modified its argument ${names}.` });
      }
    },
  }),

  'episode-split': property({
    arbitrary: fc.record({ first: batch, second: batch }),
    async check({ first, second }, ctx) {
      const d1 = [...first.dones.slice(0, -1), 1];
      const whole = await ctx.call('discountedReturns', [...first.rewards, ...second.rewards], [...d1, ...second.dones], first.gamma, second.lastValue);
      const a = (await ctx.call('discountedReturns', first.rewards, d1, first.gamma, 0)) as number[];
      const b = (await ctx.call('discountedReturns', second.rewards, second.dones, first.gamma, second.lastValue)) as number[];
      if (!Array.isArray(a) || !Array.isArray(b)) fail({ es: 'discountedReturns debe devolver un array.', en: 'discountedReturns must return an array.' });
      ctx.expectClose([...a, ...b], whole, {
        what: {
          es: 'Los retornos del lote [episodio que termina con done; otro episodio] frente a calcular cada episodio por separado',
          en: 'The returns of the batch [episode ending with done; another episode] versus computing each episode on its own',
        },
      });
    },
  }),
});
