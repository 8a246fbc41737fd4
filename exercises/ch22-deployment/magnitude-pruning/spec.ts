import fc from 'fast-check';
import { defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { magnitudePrune as reference, type Pruned } from '../../../reference/ch22-deployment/magnitude-pruning.ts';

/** Weights on a coarse grid of quarters in [−1, 1] (many ties in |w|), 1–3 layers of different sizes. */
const weight = fc.integer({ min: -4, max: 4 }).map((k) => k / 4 + 0);
const layers = fc.array(fc.array(weight, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 });
/** Sparsities that are binary fractions, so that ⌊s·n⌋ has no floating-point surprises. */
const sparsity = fc.constantFrom(0, 0.25, 0.5, 0.625, 0.75, 0.875, 1);
const input = fc.record({ layers, sparsity });

const asPruned = (value: unknown): Pruned => {
  const v = value as Pruned;
  if (!v || !Array.isArray(v.weights) || !Array.isArray(v.mask)) fail({ es: 'magnitudePrune debe devolver { weights, mask }.', en: 'magnitudePrune must return { weights, mask }.' });
  return v;
};

export default defineSpec({
  'matches-reference': property({
    arbitrary: input,
    async check({ layers: w, sparsity: s }, ctx) {
      const received = await ctx.call('magnitudePrune', w, s);
      ctx.expectClose(reference(w, s), received, { what: { es: `magnitudePrune(…, ${s})`, en: `magnitudePrune(…, ${s})` } });
    },
  }),

  'prunes-exactly-k': property({
    arbitrary: input,
    async check({ layers: w, sparsity: s }, ctx) {
      const { weights, mask } = asPruned(await ctx.call('magnitudePrune', w, s));
      const n = w.flat().length;
      const k = Math.floor(s * n);
      const pruned = mask.flat().filter((m) => m === 0).length;
      const consistent = w.every((layer, l) => layer.every((v, i) => weights[l]?.[i] === (mask[l]?.[i] === 0 ? 0 : v) && (mask[l]?.[i] === 0 || mask[l]?.[i] === 1)));
      if (pruned !== k || !consistent) {
        fail({
          es: `Con ${n} pesos y sparsity = ${s} hay que podar exactamente ⌊${s}·${n}⌋ = ${k} (máscara 0, peso 0) y dejar el resto intacto (máscara 1, peso original); tu máscara poda ${pruned}${consistent ? '' : ' y weights no cuadra con mask'}.`,
          en: `With ${n} weights and sparsity = ${s} exactly ⌊${s}·${n}⌋ = ${k} must be pruned (mask 0, weight 0) and the rest left untouched (mask 1, original weight); your mask prunes ${pruned}${consistent ? '' : ' and weights does not agree with mask'}.`,
        });
      }
    },
  }),

  'keeps-the-largest': property({
    arbitrary: input,
    async check({ layers: w, sparsity: s }, ctx) {
      const { mask } = asPruned(await ctx.call('magnitudePrune', w, s));
      const flat = w.flat();
      const m = mask.flat();
      const kept = flat.filter((_, i) => m[i] === 1).map(Math.abs);
      const gone = flat.filter((_, i) => m[i] === 0).map(Math.abs);
      if (kept.length > 0 && gone.length > 0 && Math.max(...gone) > Math.min(...kept)) {
        fail({
          es: `Se podó un peso de magnitud ${Math.max(...gone)} pero se conservó uno de magnitud ${Math.min(...kept)}: se podan los de menor |w| de toda la red.`,
          en: `A weight of magnitude ${Math.max(...gone)} was pruned but one of magnitude ${Math.min(...kept)} was kept: the smallest |w| of the whole network are pruned.`,
        });
      }
    },
  }),

  'higher-sparsity-prunes-more': property({
    arbitrary: fc.record({ layers, a: sparsity, b: sparsity }),
    async check({ layers: w, a, b }, ctx) {
      // with a fixed tie rule, the masks are nested: whatever is pruned at the lower sparsity is pruned at the higher one
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const low = asPruned(await ctx.call('magnitudePrune', w, lo)).mask.flat();
      const high = asPruned(await ctx.call('magnitudePrune', w, hi)).mask.flat();
      const index = low.findIndex((m, i) => m === 0 && high[i] !== 0);
      if (index >= 0) {
        fail({
          es: `El peso ${index} (en orden aplanado) se poda con sparsity = ${lo} pero no con ${hi}: subir la sparsity solo debe podar pesos adicionales. ¿Rompes los empates siempre igual?`,
          en: `Weight ${index} (in flattened order) is pruned at sparsity = ${lo} but not at ${hi}: raising the sparsity must only prune additional weights. Do you always break ties the same way?`,
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: input,
    async check({ layers: w, sparsity: s }, ctx) {
      const { mutated } = await ctx.callTracked('magnitudePrune', w, s);
      if (mutated.length > 0) fail({ es: 'magnitudePrune modificó layers (¿pusiste los ceros sobre los pesos originales?).', en: 'magnitudePrune modified layers (did you write the zeros over the original weights?).' });
    },
  }),
});
