import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { clipGradNorm as reference } from '../../../reference/ch11-sequences-rnn/clip-grad-norm.ts';

/** 1–4 gradient matrices of their own shapes. */
const gradList = fc.array(
  fc.record({ r: arb.dim(1, 3), c: arb.dim(1, 4) }).chain(({ r, c }) => arb.matrix(r, c, arb.num(4))),
  { minLength: 1, maxLength: 4 },
);

const inputs = fc.record({ grads: gradList, maxNorm: fc.constantFrom(0.25, 0.5, 1, 2, 5, 50) });

const norm = (grads: number[][][]) => Math.sqrt(grads.flat(2).reduce((a, v) => a + v * v, 0));

/** The student's clipped gradients, checked to be a list of matrices shaped like `like`. */
function clippedOf(value: unknown, like: number[][][]): number[][][] {
  const grads = value !== null && typeof value === 'object' ? (value as { grads?: unknown }).grads : undefined;
  const sameShape =
    Array.isArray(grads) &&
    grads.length === like.length &&
    like.every((g, k) => Array.isArray(grads[k]) && grads[k].length === g.length && g.every((row, i) => Array.isArray(grads[k][i]) && grads[k][i].length === row.length && grads[k][i].every((v: unknown) => typeof v === 'number')));
  if (!sameShape) {
    fail({ es: 'clipGradNorm debe devolver { grads, totalNorm } con grads de las mismas formas que la entrada.', en: 'clipGradNorm must return { grads, totalNorm } with grads shaped like the input.' }, { received: value });
  }
  return grads as number[][][];
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: inputs,
    examples: {
      // ‖g‖ = 0: the 1e-6 keeps s = min(1, maxNorm / 1e-6) = 1, no 0/0
      'all-zero': { grads: [[[0, 0], [0, 0]], [[0]]], maxNorm: 1 },
    },
    async check({ grads, maxNorm }, ctx) {
      const received = await ctx.call('clipGradNorm', grads, maxNorm);
      ctx.expectClose(reference(grads, maxNorm), received);
    },
  }),

  'norm-at-most-max': property({
    arbitrary: inputs,
    async check({ grads, maxNorm }, ctx) {
      const clipped = clippedOf(await ctx.call('clipGradNorm', grads, maxNorm), grads);
      const after = norm(clipped);
      if (!(after <= maxNorm + 1e-9)) {
        fail({
          es: `Tras recortar, la norma global es ${after}, mayor que maxNorm = ${maxNorm} (antes era ${norm(grads)}).`,
          en: `After clipping the global norm is ${after}, above maxNorm = ${maxNorm} (it was ${norm(grads)} before).`,
        });
      }
    },
  }),

  'direction-preserved': property({
    arbitrary: inputs.filter(({ grads }) => grads.flat(2).some((v) => v !== 0)),
    async check({ grads, maxNorm }, ctx) {
      const clipped = clippedOf(await ctx.call('clipGradNorm', grads, maxNorm), grads);
      // one common factor s: clipped = s · grads for every element of every tensor
      const flatIn = grads.flat(2);
      const flatOut = clipped.flat(2);
      const k = flatIn.reduce((best, v, i) => (Math.abs(v) > Math.abs(flatIn[best]!) ? i : best), 0);
      const s = flatOut[k]! / flatIn[k]!;
      grads.forEach((g, t) =>
        g.forEach((row, i) =>
          row.forEach((v, j) => {
            const got = clipped[t]![i]![j]!;
            if (!(Math.abs(got - s * v) <= 1e-9 * (1 + Math.abs(v)))) {
              fail({
                es: `No todos los elementos se escalaron por el mismo factor: grads[${t}][${i}][${j}] pasó de ${v} a ${got}, pero otros elementos se multiplicaron por ${s}. El recorte por norma global usa UN factor para todos los tensores, así que la dirección del gradiente no cambia.`,
                en: `Not every element was scaled by the same factor: grads[${t}][${i}][${j}] went from ${v} to ${got}, but other elements were multiplied by ${s}. Global-norm clipping uses ONE factor for every tensor, so the gradient's direction does not change.`,
              });
            }
          }),
        ),
      );
      if (!(s > 0 && s <= 1 + 1e-12)) {
        fail({ es: `El factor común es ${s}; debe estar en (0, 1].`, en: `The common factor is ${s}; it must lie in (0, 1].` });
      }
    },
  }),

  'unchanged-below-threshold': property({
    arbitrary: gradList,
    async check(grads, ctx) {
      const maxNorm = 2 * norm(grads) + 1;
      const received = clippedOf(await ctx.call('clipGradNorm', grads, maxNorm), grads);
      ctx.expectClose(grads, received, {
        what: { es: `Con maxNorm = ${maxNorm} (mayor que la norma), los gradientes`, en: `With maxNorm = ${maxNorm} (above the norm), the gradients` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: inputs,
    async check({ grads, maxNorm }, ctx) {
      const { mutated } = await ctx.callTracked('clipGradNorm', grads, maxNorm);
      if (mutated.includes(0)) {
        fail({ es: 'clipGradNorm modificó grads: devuelve copias escaladas.', en: 'clipGradNorm modified grads: return scaled copies.' });
      }
    },
  }),
});
