import fc from 'fast-check';
import { arb, defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import { magnitudePrune as reference } from '../../../reference/ch31-responsible-ai/magnitude-pruning.ts';

interface Case {
  layers: number[][];
  sparsity: number;
}

/** 1..4 layers of 1..8 weights on a coarse grid (many ties in |w|, including +w/−w), sparsity in eighths. */
const cases: fc.Arbitrary<Case> = fc.record({
  layers: fc.array(fc.integer({ min: 1, max: 8 }).chain((n) => arb.vector(n, arb.num(1))), { minLength: 1, maxLength: 4 }),
  sparsity: fc.constantFrom(0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1),
});

const scope = fc.constantFrom('global' as const, 'layer' as const);
const TOL = { atol: 0, rtol: 0 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

/** Zeros a correct pruning leaves: per pruning unit (the network or each layer), max(zeros already there, k). */
function expectedZeros(layers: number[][], sparsity: number, where: 'global' | 'layer'): { k: number; zeros: number } {
  const units = where === 'global' ? [layers.flat()] : layers;
  let k = 0;
  let zeros = 0;
  for (const w of units) {
    const ku = Math.floor(sparsity * w.length);
    k += ku;
    zeros += Math.max(ku, w.filter((v) => v === 0).length); // zero weights have the smallest |w|: pruned first
  }
  return { k, zeros };
}

export default defineSpec({
  'global-matches-reference': property({
    arbitrary: cases,
    examples: {
      // |w| = 0.25 four times (w and −w): the earlier ones (earlier layer, lower index) go first
      'ties-by-position': { layers: [[0.5, -0.25, 0.25], [-0.5, 0.25, 1]], sparsity: 0.5 },
    },
    async check({ layers, sparsity }, ctx) {
      const received = await ctx.call('magnitudePrune', layers, sparsity, 'global');
      ctx.expectClose(reference(layers, sparsity, 'global'), received);
    },
  }),

  'layer-matches-reference': property({
    arbitrary: cases,
    examples: {
      'ties-by-position': { layers: [[0.5, -0.25, 0.25], [-0.5, 0.25, 1]], sparsity: 0.5 },
    },
    async check({ layers, sparsity }, ctx) {
      const received = await ctx.call('magnitudePrune', layers, sparsity, 'layer');
      ctx.expectClose(reference(layers, sparsity, 'layer'), received);
    },
  }),

  'exact-sparsity': property({
    arbitrary: fc.tuple(cases, scope),
    async check([{ layers, sparsity }, where], ctx) {
      const received = await ctx.call('magnitudePrune', layers, sparsity, where);
      const flat = layers.flat();
      const out = Array.isArray(received) ? (received as unknown[]).flat() : [];
      const zerosBefore = flat.filter((w) => w === 0).length;
      const zerosAfter = out.filter((w) => w === 0).length;
      const { k, zeros } = expectedZeros(layers, sparsity, where);
      if (out.length !== flat.length || zerosAfter !== zeros) {
        fail(
          {
            es: `Con s = ${sparsity} y alcance '${where}' hay que podar exactamente ${k} pesos, así que el resultado debe tener ${zeros} ceros (la entrada tenía ${zerosBefore}), pero tiene ${zerosAfter}. Con empates en |w|, un umbral «|w| ≤ t» poda de más.`,
            en: `With s = ${sparsity} and scope '${where}' exactly ${k} weights must be pruned, so the result must have ${zeros} zeros (the input had ${zerosBefore}), but it has ${zerosAfter}. With ties in |w|, a threshold "|w| ≤ t" prunes too many.`,
          },
          { expected: zeros, received: zerosAfter },
        );
      }
      ctx.expectClose(reference(layers, sparsity, where), received, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'keeps-largest': property({
    arbitrary: cases,
    async check({ layers, sparsity }, ctx) {
      const received = await ctx.call('magnitudePrune', layers, sparsity, 'global');
      const flat = layers.flat();
      const out = Array.isArray(received) ? (received as unknown[]).flat() : [];
      const removed = flat.filter((w, i) => out[i] === 0 && w !== 0).map(Math.abs);
      const kept = flat.filter((w, i) => out[i] !== 0).map(Math.abs);
      const changed = flat.findIndex((w, i) => out[i] !== 0 && out[i] !== w);
      if (changed >= 0) {
        fail({ es: `Un peso que se conserva no debe cambiar: la posición ${changed} valía ${flat[changed]} y devuelves ${formatValue(out[changed])}.`, en: `A kept weight must not change: position ${changed} was ${flat[changed]} and you return ${formatValue(out[changed])}.` });
      }
      if (removed.length > 0 && kept.length > 0 && Math.max(...removed) > Math.min(...kept)) {
        fail(
          {
            es: `Podaste un peso con |w| = ${Math.max(...removed)} y conservaste uno con |w| = ${Math.min(...kept)}: se podan los de MENOR magnitud (valor absoluto, no el valor con signo).`,
            en: `You pruned a weight with |w| = ${Math.max(...removed)} and kept one with |w| = ${Math.min(...kept)}: the SMALLEST magnitudes go (absolute value, not the signed value).`,
          },
        );
      }
      ctx.expectClose(reference(layers, sparsity, 'global'), received, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.tuple(cases, scope),
    async check([{ layers, sparsity }, where], ctx) {
      const { value, mutated } = await ctx.callTracked('magnitudePrune', layers, sparsity, where);
      if (mutated.length > 0) {
        fail({ es: 'magnitudePrune modificó layers: devuelve capas nuevas.', en: 'magnitudePrune modified layers: return new layers.' });
      }
      ctx.expectClose(reference(layers, sparsity, where), value, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
