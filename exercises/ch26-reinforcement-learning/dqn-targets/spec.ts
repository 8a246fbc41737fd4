import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch26-reinforcement-learning/dqn-targets.ts';

/** Q values on a coarse grid, so that argmax ties happen. */
const q = fc.integer({ min: -8, max: 8 }).map((k) => k / 4);

const minibatch = fc.record({ b: arb.dim(1, 6), nA: arb.dim(2, 4) }).chain(({ b, nA }) =>
  fc.record({
    rewards: arb.vector(b, arb.num(2)),
    dones: arb.vector(b, fc.integer({ min: 0, max: 3 }).map((k) => (k === 0 ? 1 : 0))),
    nextQOnline: arb.matrix(b, nA, q),
    nextQTarget: arb.matrix(b, nA, q),
    qValues: arb.matrix(b, nA, arb.num(4)),
    actions: arb.vector(b, fc.integer({ min: 0, max: nA - 1 })),
    targets: arb.vector(b, arb.num(4)),
    gamma: fc.constantFrom(0.9, 0.99, 1),
    delta: fc.constantFrom(undefined, 0.5, 1, 2),
  }),
);

export default defineSpec({
  'dqn-matches-reference': property({
    arbitrary: minibatch,
    async check({ rewards, dones, nextQTarget, gamma }, ctx) {
      ctx.expectClose(ref.dqnTargets(rewards, dones, nextQTarget, gamma), await ctx.call('dqnTargets', rewards, dones, nextQTarget, gamma), {
        what: { es: 'Los objetivos de DQN', en: 'The DQN targets' },
      });
    },
  }),

  'double-matches-reference': property({
    arbitrary: minibatch,
    examples: {
      // a tie in the online network's argmax (the lowest index, whose target value differs), and a terminal transition
      'online-argmax-tie': {
        rewards: [1, -0.5],
        dones: [0, 1],
        nextQOnline: [[1, 1, 0.5], [2, 0, 0]],
        nextQTarget: [[0.25, 2, 1], [1.5, 1, 0]],
        qValues: [[0, 0.5, 1], [1, -1, 0]],
        actions: [1, 0],
        targets: [0.5, 2],
        gamma: 0.9,
        delta: 1,
      },
    },
    async check({ rewards, dones, nextQOnline, nextQTarget, gamma }, ctx) {
      ctx.expectClose(
        ref.doubleDqnTargets(rewards, dones, nextQOnline, nextQTarget, gamma),
        await ctx.call('doubleDqnTargets', rewards, dones, nextQOnline, nextQTarget, gamma),
        { what: { es: 'Los objetivos de Double DQN', en: 'The Double DQN targets' } },
      );
    },
  }),

  'double-reduces-to-dqn': property({
    arbitrary: minibatch,
    async check({ rewards, dones, nextQTarget, gamma }, ctx) {
      const single = await ctx.call('dqnTargets', rewards, dones, nextQTarget, gamma);
      const double = await ctx.call('doubleDqnTargets', rewards, dones, nextQTarget, nextQTarget, gamma);
      ctx.expectClose(single, double, {
        what: { es: 'doubleDqnTargets con nextQOnline = nextQTarget frente a dqnTargets', en: 'doubleDqnTargets with nextQOnline = nextQTarget versus dqnTargets' },
      });
    },
  }),

  'huber-matches-reference': property({
    arbitrary: minibatch,
    async check({ qValues, actions, targets, delta }, ctx) {
      const received = delta === undefined ? await ctx.call('huberTdLoss', qValues, actions, targets) : await ctx.call('huberTdLoss', qValues, actions, targets, delta);
      ctx.expectClose(ref.huberTdLoss(qValues, actions, targets, delta ?? 1), received, {
        what: { es: `huberTdLoss(…, δ = ${delta ?? 'por defecto'})`, en: `huberTdLoss(…, δ = ${delta ?? 'default'})` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: minibatch,
    async check({ rewards, dones, nextQOnline, nextQTarget, qValues, actions, targets, gamma }, ctx) {
      const calls: [string, unknown[]][] = [
        ['dqnTargets', [rewards, dones, nextQTarget, gamma]],
        ['doubleDqnTargets', [rewards, dones, nextQOnline, nextQTarget, gamma]],
        ['huberTdLoss', [qValues, actions, targets, 1]],
      ];
      for (const [fn, args] of calls) {
        const { mutated } = await ctx.callTracked(fn, ...args);
        if (mutated.length > 0) fail({ es: `${fn} modificó sus argumentos.`, en: `${fn} modified its arguments.` });
      }
    },
  }),
});
