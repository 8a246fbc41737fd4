import fc from 'fast-check';
import { arb, defineSpec, fail, formatValue, property } from '../../../grader/spec/index.ts';
import { dequantize as refDequantize, quantize as refQuantize, quantParams as refParams, type QuantParams } from '../../../reference/ch22-deployment/int8-quantization.ts';

/** True when v is within 1e-3 of a rounding tie k + 0.5 (float32 and float64 could round it differently). */
const nearTie = (v: number) => Math.abs(v - Math.floor(v) - 0.5) < 1e-3;

/** A calibration range [min, max] (possibly all positive or all negative), avoiding zero points that sit on a tie. */
const range = fc
  .record({ min: arb.numIn(-4, 4), width: arb.numIn(0, 6) })
  .map(({ min, width }) => ({ min, max: min + width }))
  .filter(({ min, max }) => {
    const lo = Math.min(min, 0);
    const hi = Math.max(max, 0);
    return hi === lo || !nearTie(lo / ((hi - lo) / 255));
  });

/** float64 parameters for a range, to feed quantize/dequantize */
function params(min: number, max: number): QuantParams {
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const scale = hi > lo ? (hi - lo) / 255 : 1;
  return { scale, zeroPoint: Math.min(127, Math.max(-128, -128 - Math.round(lo / scale))) };
}

/** Values around (and outside) the range with its parameters; no value sits on a rounding tie. */
const values = range.chain(({ min, max }) => {
  const p = params(min, max);
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  return fc.record({
    scale: fc.constant(p.scale),
    zeroPoint: fc.constant(p.zeroPoint),
    x: fc.array(arb.numIn(lo - 2, hi + 2).filter((v) => !nearTie(v / p.scale)), { minLength: 1, maxLength: 8 }),
    inside: fc.array(arb.numIn(lo, hi), { minLength: 1, maxLength: 8 }),
  });
});

export default defineSpec({
  'params-match-reference': property({
    arbitrary: range,
    examples: {
      // hi = lo: the statement fixes scale = 1 (no division by zero)
      'flat-range': { min: 0, max: 0 },
      // lo/s = −127.5 exactly: round half up gives z = −1 (half away from zero or to even give 0)
      'symmetric-range': { min: -1, max: 1 },
    },
    async check({ min, max }, ctx) {
      const received = await ctx.call('quantParams', min, max);
      ctx.expectClose(refParams(min, max), received, { what: { es: `quantParams(${min}, ${max})`, en: `quantParams(${min}, ${max})` } });
    },
  }),

  'quantize-matches-reference': property({
    arbitrary: values,
    examples: {
      // x/s exactly on k + ½ (s = 1): ⌊v + 0.5⌋ rounds every tie up, also the negative ones
      'rounding-ties': { scale: 1, zeroPoint: 0, x: [0.5, -0.5, 1.5, -2.5, 2.5], inside: [0] },
      // far outside the range: clamp to [−128, 127]
      saturation: { scale: 1, zeroPoint: 0, x: [200, -300, 127.25, -128.25], inside: [0] },
    },
    async check({ scale, zeroPoint, x }, ctx) {
      const received = await ctx.call('quantize', x, scale, zeroPoint);
      ctx.expectClose(refQuantize(x, scale, zeroPoint), received, {
        what: { es: `quantize con scale = ${scale}, zeroPoint = ${zeroPoint}`, en: `quantize with scale = ${scale}, zeroPoint = ${zeroPoint}` },
      });
    },
  }),

  'dequantize-matches-reference': property({
    arbitrary: values.chain((v) => fc.record({ scale: fc.constant(v.scale), zeroPoint: fc.constant(v.zeroPoint), q: fc.array(fc.integer({ min: -128, max: 127 }), { minLength: 1, maxLength: 8 }) })),
    async check({ scale, zeroPoint, q }, ctx) {
      const received = await ctx.call('dequantize', q, scale, zeroPoint);
      ctx.expectClose(refDequantize(q, scale, zeroPoint), received, {
        what: { es: `dequantize con scale = ${scale}, zeroPoint = ${zeroPoint}`, en: `dequantize with scale = ${scale}, zeroPoint = ${zeroPoint}` },
      });
    },
  }),

  'zero-is-exact': property({
    arbitrary: range,
    examples: { 'flat-range': { min: 0, max: 0 } },
    async check({ min, max }, ctx) {
      const p = (await ctx.call('quantParams', min, max)) as QuantParams;
      const z = p?.zeroPoint;
      if (typeof z !== 'number' || !Number.isInteger(z) || z < -128 || z > 127) {
        fail({ es: `El zeroPoint de [${min}, ${max}] es ${formatValue(z)}: tiene que ser un entero de [−128, 127].`, en: `The zeroPoint for [${min}, ${max}] is ${formatValue(z)}: it must be an integer in [−128, 127].` });
      }
      const q = (await ctx.call('quantize', [0], p.scale, z)) as number[];
      const back = (await ctx.call('dequantize', q, p.scale, z)) as number[];
      if (!Array.isArray(back) || back[0] !== 0) {
        fail({
          es: `Con el rango [${min}, ${max}], 0 → q = ${formatValue(Array.isArray(q) ? q[0] : q)} → ${formatValue(Array.isArray(back) ? back[0] : back)}: el cero debe recuperarse EXACTAMENTE (q = zeroPoint). ¿Amplías el rango para que contenga el 0 y redondeas el punto cero?`,
          en: `With the range [${min}, ${max}], 0 → q = ${formatValue(Array.isArray(q) ? q[0] : q)} → ${formatValue(Array.isArray(back) ? back[0] : back)}: zero must come back EXACTLY (q = zeroPoint). Do you extend the range to contain 0 and round the zero point?`,
        });
      }
    },
  }),

  'round-trip-error': property({
    arbitrary: range.chain(({ min, max }) => fc.record({ min: fc.constant(min), max: fc.constant(max), x: fc.array(arb.numIn(min, max), { minLength: 1, maxLength: 8 }) })),
    async check({ min, max, x }, ctx) {
      const p = (await ctx.call('quantParams', min, max)) as QuantParams | null;
      if (p === null || typeof p !== 'object' || typeof p.scale !== 'number' || typeof p.zeroPoint !== 'number') {
        fail({ es: `quantParams(${min}, ${max}) debe devolver { scale, zeroPoint } con dos números.`, en: `quantParams(${min}, ${max}) must return { scale, zeroPoint } holding two numbers.` }, { received: p });
      }
      const q = await ctx.call('quantize', x, p.scale, p.zeroPoint);
      if (!Array.isArray(q) || q.length !== x.length || q.some((v) => !Number.isInteger(v) || v < -128 || v > 127)) {
        fail(
          { es: `quantize debe devolver un entero de [−128, 127] por cada valor (${x.length}), y devolvió ${formatValue(q)}.`, en: `quantize must return one integer in [−128, 127] per value (${x.length}), and it returned ${formatValue(q)}.` },
          { received: q },
        );
      }
      const back = (await ctx.call('dequantize', q, p.scale, p.zeroPoint)) as number[];
      // the bound is half of the right step (the reference's scale), so a too-coarse scale does not excuse a larger error
      const half = (refParams(min, max).scale * (1 + 1e-6)) / 2;
      x.forEach((v, i) => {
        const err = Math.abs((Array.isArray(back) && typeof back[i] === 'number' ? back[i] : NaN) - v);
        if (!(err <= half + 1e-9)) {
          fail({
            es: `${v} está dentro de [${min}, ${max}] pero vuelve como ${formatValue(Array.isArray(back) ? back[i] : back)} (error ${err}); el error de redondeo no puede pasar de medio paso, scale/2 = ${half}.`,
            en: `${v} is inside [${min}, ${max}] but comes back as ${formatValue(Array.isArray(back) ? back[i] : back)} (error ${err}); the rounding error cannot exceed half a step, scale/2 = ${half}.`,
          });
        }
      });
    },
  }),

  'no-mutation': property({
    arbitrary: values,
    async check({ scale, zeroPoint, x }, ctx) {
      const a = await ctx.callTracked('quantize', x, scale, zeroPoint);
      const q = Array.isArray(a.value) ? (a.value as number[]).slice() : [0];
      const b = await ctx.callTracked('dequantize', q, scale, zeroPoint);
      if (a.mutated.length + b.mutated.length > 0) fail({ es: 'quantize o dequantize modificó su array de entrada.', en: 'quantize or dequantize modified its input array.' });
    },
  }),
});
