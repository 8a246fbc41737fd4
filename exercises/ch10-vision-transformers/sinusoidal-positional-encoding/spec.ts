import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { sinusoidalPositionalEncoding as reference } from '../../../reference/ch10-vision-transformers/sinusoidal-positional-encoding.ts';

const sizes = fc.record({ length: arb.dim(1, 12), dModel: arb.dim(1, 10), base: fc.constantFrom(10000, 100, 10) });

/** The student's table as number[][], or a failure that says what came back instead. */
function asTable(value: unknown, length: number, dModel: number): number[][] {
  const ok = Array.isArray(value) && value.length === length && value.every((r) => Array.isArray(r) && r.length === dModel && r.every((v) => typeof v === 'number'));
  if (!ok) {
    fail({ es: `Se esperaba una matriz ${length}×${dModel} de números.`, en: `Expected a ${length}×${dModel} matrix of numbers.` }, { received: value });
  }
  return value as number[][];
}

const dot = (a: number[], b: number[]) => a.reduce((acc, v, k) => acc + v * b[k]!, 0);

export default defineSpec({
  'matches-reference': property({
    arbitrary: sizes,
    examples: {
      // odd d: the last column (even) carries only its sine
      'odd-d': { length: 4, dModel: 5, base: 10000 },
    },
    async check({ length, dModel, base }, ctx) {
      const received = await ctx.call('sinusoidalPositionalEncoding', length, dModel, base);
      ctx.expectClose(reference(length, dModel, base), received);
    },
  }),

  'default-base': property({
    arbitrary: sizes,
    async check({ length, dModel }, ctx) {
      const received = await ctx.call('sinusoidalPositionalEncoding', length, dModel);
      ctx.expectClose(reference(length, dModel, 10000), received, {
        what: { es: 'Sin tercer argumento (base = 10000)', en: 'Without a third argument (base = 10000)' },
      });
    },
  }),

  'position-zero': property({
    arbitrary: sizes,
    async check({ length, dModel, base }, ctx) {
      const table = asTable(await ctx.call('sinusoidalPositionalEncoding', length, dModel, base), length, dModel);
      const expected = Array.from({ length: dModel }, (_, j) => (j % 2 === 0 ? 0 : 1));
      ctx.expectClose(expected, table[0], {
        what: { es: 'La fila pos = 0 (sin 0 = 0 en columnas pares, cos 0 = 1 en impares)', en: 'Row pos = 0 (sin 0 = 0 in even columns, cos 0 = 1 in odd ones)' },
      });
    },
  }),

  'pairs-on-unit-circle': property({
    arbitrary: sizes.filter(({ dModel }) => dModel >= 2),
    async check({ length, dModel, base }, ctx) {
      const table = asTable(await ctx.call('sinusoidalPositionalEncoding', length, dModel, base), length, dModel);
      for (let pos = 0; pos < length; pos++) {
        for (let j = 0; j + 1 < dModel; j += 2) {
          const r2 = table[pos]![j]! ** 2 + table[pos]![j + 1]! ** 2;
          if (!(Math.abs(r2 - 1) <= 1e-6)) {
            fail({
              es: `En pos = ${pos}, columnas (${j}, ${j + 1}): PE² + PE² = ${r2}, no 1. Cada par (2i, 2i+1) debe ser (sin θ, cos θ) del MISMO ángulo θ = pos / base^(2i/d).`,
              en: `At pos = ${pos}, columns (${j}, ${j + 1}): PE² + PE² = ${r2}, not 1. Every pair (2i, 2i+1) must be (sin θ, cos θ) of the SAME angle θ = pos / base^(2i/d).`,
            });
          }
        }
      }
    },
  }),

  'relative-position': property({
    arbitrary: sizes.filter(({ length }) => length >= 3),
    async check({ length, dModel, base }, ctx) {
      const table = asTable(await ctx.call('sinusoidalPositionalEncoding', length, dModel, base), length, dModel);
      // with whole (sin, cos) pairs, PE[p]·PE[p+k] = Σ cos(k·ω_i): it depends on the offset k only
      const even = dModel - (dModel % 2);
      const head = (row: number[]) => row.slice(0, even);
      for (let k = 1; k < length; k++) {
        const expected = dot(head(table[0]!), head(table[k]!));
        for (let p = 1; p + k < length; p++) {
          const got = dot(head(table[p]!), head(table[p + k]!));
          if (!(Math.abs(got - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
            fail({
              es: `Sobre las columnas emparejadas (0…${even - 1}), PE[${p}]·PE[${p + k}] = ${got} pero PE[0]·PE[${k}] = ${expected}: con pares (sin, cos) de la misma frecuencia, el producto escalar entre dos posiciones solo depende de su distancia (${k}).`,
              en: `Over the paired columns (0…${even - 1}), PE[${p}]·PE[${p + k}] = ${got} but PE[0]·PE[${k}] = ${expected}: with (sin, cos) pairs of one frequency, the dot product of two positions depends only on their distance (${k}).`,
            });
          }
        }
      }
    },
  }),
});
