import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { clipByGlobalNorm as refClip, globalNorm as refNorm, sgdStep as refSgd, type Tree } from '../../../reference/ch21-jax/pytree-optax.ts';

const KEYS = ['dense1', 'dense2', 'kernel', 'bias', 'scale', 'embed'];

/** A parameter pytree: numbers, arrays and objects nested up to a few levels, with an object at the top. */
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arb.num(2),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('tree'), { minKeys: 1, maxKeys: 3 }),
  ),
}));
const params: fc.Arbitrary<Tree> = fc.dictionary(fc.constantFrom(...KEYS), tree, { minKeys: 1, maxKeys: 3 });

/** Another tree with exactly the same structure and fresh leaves. */
function like(structure: Tree): fc.Arbitrary<Tree> {
  if (typeof structure === 'number') return arb.num(2);
  if (Array.isArray(structure)) return fc.tuple(...structure.map(like)) as fc.Arbitrary<Tree>;
  const entries = Object.entries(structure).map(([k, v]) => [k, like(v)] as const);
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Tree>;
}

/** Edge cases (exercise.yaml `edgeCases`): a layer without parameters, an all-zero gradient, a norm exactly at maxNorm. */
const EMPTY: Tree = { dense1: { kernel: [1, -2], bias: [] }, scale: {} };
const EMPTY_GRADS: Tree = { dense1: { kernel: [0.5, 3], bias: [] }, scale: {} };
const ZERO: Tree = { dense1: { kernel: [0, 0], bias: 0 }, embed: [[0], [0]] };
const NORM_FIVE: Tree = { kernel: [3, 0], bias: 4 };

const pair = params.chain((p) => fc.record({ params: fc.constant(p), grads: like(p), lr: fc.constantFrom(0.5, 0.125, 0.01) }));
const clipInput = params.chain((g) => fc.record({ grads: fc.constant(g), maxNorm: fc.constantFrom<number>(0.5, 1, 2, 4, 8) }));

function leaves(t: unknown): number[] {
  if (typeof t === 'number') return [t];
  if (t && typeof t === 'object') return Object.values(t).flatMap(leaves);
  return [];
}

/** Where `received` does not have `expected`'s structure (arrays stay arrays, objects keep exactly their keys). */
function structureDiff(expected: Tree, received: unknown, path = 'root'): string | undefined {
  if (typeof expected === 'number') return typeof received === 'number' ? undefined : path;
  if (Array.isArray(expected)) {
    if (!Array.isArray(received) || received.length !== expected.length) return path;
    for (let i = 0; i < expected.length; i++) {
      const d = structureDiff(expected[i]!, received[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (!received || typeof received !== 'object' || Array.isArray(received)) return path;
  const keys = Object.keys(expected).sort();
  const got = Object.keys(received).sort();
  if (keys.join() !== got.join()) return path;
  for (const k of keys) {
    const d = structureDiff(expected[k]!, (received as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

export default defineSpec({
  'global-norm': property({
    arbitrary: params,
    examples: { 'empty-subtree': EMPTY, 'zero-gradient': ZERO },
    async check(grads, ctx) {
      const received = await ctx.call('globalNorm', grads);
      ctx.expectClose(refNorm(grads), received, { what: { es: 'globalNorm', en: 'globalNorm' } });
    },
  }),

  'clip-matches-reference': property({
    arbitrary: clipInput,
    examples: { 'zero-gradient': { grads: ZERO, maxNorm: 1 }, 'norm-equals-max-norm': { grads: NORM_FIVE, maxNorm: 5 } },
    async check({ grads, maxNorm }, ctx) {
      const received = await ctx.call('clipByGlobalNorm', grads, maxNorm);
      ctx.expectClose(refClip(grads, maxNorm), received, { what: { es: `clipByGlobalNorm(…, ${maxNorm})`, en: `clipByGlobalNorm(…, ${maxNorm})` } });
    },
  }),

  'clip-bounds-norm': property({
    arbitrary: clipInput,
    examples: { 'zero-gradient': { grads: ZERO, maxNorm: 0.5 }, 'norm-equals-max-norm': { grads: NORM_FIVE, maxNorm: 5 } },
    async check({ grads, maxNorm }, ctx) {
      const before = Math.sqrt(leaves(grads).reduce((s, g) => s + g * g, 0));
      const after = Math.sqrt(leaves(await ctx.call('clipByGlobalNorm', grads, maxNorm)).reduce((s, g) => s + g * g, 0));
      const expected = Math.min(before, maxNorm);
      if (!(Math.abs(after - expected) <= 1e-9 + 1e-9 * expected)) {
        fail({
          es: `La norma global pasa de ${before} a ${after}; con maxNorm = ${maxNorm} debería quedar en min(${before}, ${maxNorm}) = ${expected}.`,
          en: `The global norm goes from ${before} to ${after}; with maxNorm = ${maxNorm} it should end at min(${before}, ${maxNorm}) = ${expected}.`,
        });
      }
    },
  }),

  'sgd-matches-reference': property({
    arbitrary: pair,
    examples: { 'empty-subtree': { params: EMPTY, grads: EMPTY_GRADS, lr: 0.5 } },
    async check({ params: p, grads, lr }, ctx) {
      const received = await ctx.call('sgdStep', p, grads, lr);
      ctx.expectClose(refSgd(p, grads, lr), received, { what: { es: `sgdStep(…, lr = ${lr})`, en: `sgdStep(…, lr = ${lr})` } });
    },
  }),

  'keeps-structure': property({
    arbitrary: pair,
    examples: { 'empty-subtree': { params: EMPTY, grads: EMPTY_GRADS, lr: 0.125 } },
    async check({ params: p, grads, lr }, ctx) {
      for (const [name, out] of [
        ['sgdStep', await ctx.call('sgdStep', p, grads, lr)],
        ['clipByGlobalNorm', await ctx.call('clipByGlobalNorm', grads, 1)],
      ] as const) {
        const where = structureDiff(p, out);
        if (where) {
          fail({
            es: `${name} no devuelve un pytree con la misma estructura: difiere en ${where} (los arrays siguen siendo arrays, los objetos conservan exactamente sus claves).`,
            en: `${name} does not return a pytree with the same structure: it differs at ${where} (arrays stay arrays, objects keep exactly their keys).`,
          });
        }
      }
    },
  }),

  'no-mutation': property({
    arbitrary: pair,
    async check({ params: p, grads, lr }, ctx) {
      const sgd = await ctx.callTracked('sgdStep', p, grads, lr);
      const clip = await ctx.callTracked('clipByGlobalNorm', grads, 0.5);
      const names = [...sgd.mutated.map((i) => `sgdStep: ${['params', 'grads', 'lr'][i]}`), ...clip.mutated.map((i) => `clipByGlobalNorm: ${['grads', 'maxNorm'][i]}`)];
      if (names.length > 0) fail({ es: `Se modificaron argumentos (${names.join('; ')}): en JAX los pytrees son inmutables.`, en: `Arguments were modified (${names.join('; ')}): in JAX pytrees are immutable.` });
    },
  }),
});
