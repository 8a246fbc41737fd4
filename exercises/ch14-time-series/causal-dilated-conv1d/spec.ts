import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { causalConv1d as reference } from '../../../reference/ch14-time-series/causal-dilated-conv1d.ts';

const problems = fc.record({ t: arb.dim(1, 9), cin: arb.dim(1, 2), cout: arb.dim(1, 2), k: arb.dim(1, 3), d: arb.dim(1, 3) }).chain(({ t, cin, cout, k, d }) =>
  fc.record({
    x: arb.matrix(t, cin, arb.num(2)),
    kernel: arb.tensor3(k, cin, cout, arb.numIn(-1, 1)),
    bias: arb.vector(cout, arb.numIn(-1, 1)),
    dilation: fc.constant(d),
  }),
);

export default defineSpec({
  'matches-reference': property({
    arbitrary: problems,
    examples: {
      // (k − 1)·d = 4 > T − 1 = 2: the earliest taps of every output fall on the left zero padding
      'taps-before-start': { x: [[1], [-2], [0.5]], kernel: [[[1]], [[-1]], [[2]]], bias: [0.25], dilation: 2 },
    },
    async check({ x, kernel, bias, dilation }, ctx) {
      const received = await ctx.call('causalConv1d', x, kernel, bias, dilation);
      ctx.expectClose(reference(x, kernel, bias, dilation), received);
    },
  }),

  causality: property({
    arbitrary: problems
      .filter(({ x }) => x.length >= 2)
      .chain((p) => fc.record({ p: fc.constant(p), cut: fc.integer({ min: 0, max: p.x.length - 2 }), noise: arb.matrix(p.x.length, p.x[0]!.length, arb.num(2)) })),
    async check({ p, cut, noise }, ctx) {
      const { x, kernel, bias, dilation } = p;
      // change every input after `cut` (by a non-zero amount)
      const future = x.map((row, t) => (t > cut ? row.map((v, c) => v + noise[t]![c]! + 1) : row.slice()));
      const before = await ctx.call('causalConv1d', x, kernel, bias, dilation);
      const after = await ctx.call('causalConv1d', future, kernel, bias, dilation);
      const prefix = (v: unknown) => (Array.isArray(v) ? v.slice(0, cut + 1) : v);
      ctx.expectClose(prefix(before), prefix(after), {
        what: {
          es: `Cambiar x[t] para t > ${cut} cambió tus salidas y[0…${cut}]: una convolución causal no puede mirar al futuro`,
          en: `Changing x[t] for t > ${cut} changed your outputs y[0…${cut}]: a causal convolution cannot look into the future`,
        },
      });
    },
  }),

  'impulse-response': property({
    arbitrary: problems.filter(({ kernel, x }) => kernel.length >= 2 && x.length >= 4).chain((p) => fc.record({ p: fc.constant(p), s: fc.integer({ min: 0, max: p.x.length - 1 }) })),
    async check({ p, s }, ctx) {
      const { x, kernel, dilation } = p;
      const k = kernel.length;
      const cin = x[0]!.length;
      const cout = kernel[0]![0]!.length;
      // a unit impulse at time s in channel 0, no bias: tap j shows up at t = s + (k − 1 − j)·d
      const impulse = x.map((_, t) => Array.from({ length: cin }, (_, c) => (t === s && c === 0 ? 1 : 0)));
      const zeros = new Array<number>(cout).fill(0);
      const received = await ctx.call('causalConv1d', impulse, kernel, zeros, dilation);
      const expected = x.map((_, t) => {
        const lag = t - s;
        const j = k - 1 - lag / dilation;
        return Number.isInteger(j) && j >= 0 && j < k ? kernel[j]![0]!.slice() : zeros.slice();
      });
      const ok = Array.isArray(received) && received.length === expected.length && expected.every((row, t) => Array.isArray(received[t]) && row.every((v, o) => { const r = (received[t] as unknown[])[o]; return typeof r === 'number' && Math.abs(v - r) <= 1e-9; }));
      if (!ok) {
        fail(
          {
            es: `Con un impulso unidad en t = ${s} (canal 0), k = ${k} y d = ${dilation}, el tap j del kernel debería aparecer en la salida en t = ${s} + (k − 1 − j)·d, es decir, el tap k − 1 en t = ${s}, el tap k − 2 en t = ${s + dilation}, … Tu respuesta al impulso no sigue ese patrón (¿kernel invertido o dilatación ignorada?).`,
            en: `With a unit impulse at t = ${s} (channel 0), k = ${k} and d = ${dilation}, kernel tap j should show up in the output at t = ${s} + (k − 1 − j)·d, that is, tap k − 1 at t = ${s}, tap k − 2 at t = ${s + dilation}, … Your impulse response does not follow that pattern (flipped kernel or ignored dilation?).`,
          },
          { expected, received },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: problems,
    async check({ x, kernel, bias, dilation }, ctx) {
      const { mutated } = await ctx.callTracked('causalConv1d', x, kernel, bias, dilation);
      if (mutated.length > 0) {
        const names = mutated.map((k) => ['x', 'kernel', 'bias', 'dilation'][k] ?? `#${k}`).join(', ');
        fail({ es: `causalConv1d modificó su argumento ${names}.`, en: `causalConv1d modified its argument ${names}.` });
      }
    },
  }),
});
