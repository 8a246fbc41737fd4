import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { frameSignal as reference } from '../../../reference/ch25-audio-signals/framing.ts';

const framing = fc
  .record({ length: arb.dim(0, 14), frameLength: arb.dim(1, 6), hop: arb.dim(1, 6), padEnd: fc.boolean() })
  .chain(({ length, ...rest }) => fc.record({ signal: arb.vector(length, arb.num(2).filter((v) => v !== 0)) }).map((r) => ({ ...r, ...rest })));

export default defineSpec({
  'matches-reference': property({
    arbitrary: framing,
    examples: {
      // L < N without padding: not a single complete frame; an empty signal gives [] also with padding
      'shorter-than-frame': { signal: [1, -0.5], frameLength: 4, hop: 2, padEnd: false },
      'empty-signal': { signal: [], frameLength: 3, hop: 1, padEnd: true },
    },
    async check({ signal, frameLength, hop, padEnd }, ctx) {
      const received = await ctx.call('frameSignal', signal, frameLength, hop, padEnd);
      ctx.expectClose(reference(signal, frameLength, hop, padEnd), received, {
        what: { es: `frameSignal(…, N = ${frameLength}, H = ${hop}, padEnd = ${padEnd})`, en: `frameSignal(…, N = ${frameLength}, H = ${hop}, padEnd = ${padEnd})` },
      });
    },
  }),

  'frame-count': property({
    arbitrary: framing,
    async check({ signal, frameLength, hop, padEnd }, ctx) {
      const received = await ctx.call('frameSignal', signal, frameLength, hop, padEnd);
      const n = signal.length;
      const expected = padEnd ? Math.ceil(n / hop) : n >= frameLength ? Math.floor((n - frameLength) / hop) + 1 : 0;
      const count = Array.isArray(received) ? received.length : NaN;
      if (count !== expected) {
        fail(
          {
            es: `Con L = ${n} muestras, N = ${frameLength}, H = ${hop} y padEnd = ${padEnd} deben salir ${expected} tramas, no ${count}.`,
            en: `With L = ${n} samples, N = ${frameLength}, H = ${hop} and padEnd = ${padEnd} there must be ${expected} frames, not ${count}.`,
          },
          { expected, received: count },
        );
      }
    },
  }),

  'hop-equals-length': property({
    arbitrary: framing,
    async check({ signal, frameLength }, ctx) {
      const received = await ctx.call('frameSignal', signal, frameLength, frameLength, true);
      const frames = Math.ceil(signal.length / frameLength);
      const expected = [...signal, ...new Array<number>(frames * frameLength - signal.length).fill(0)];
      const flat = Array.isArray(received) ? (received as unknown[]).flat() : received;
      ctx.expectClose(expected, flat, {
        what: { es: `Las tramas concatenadas (H = N = ${frameLength}, con relleno)`, en: `The concatenated frames (H = N = ${frameLength}, padded)` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: framing,
    async check({ signal, frameLength, hop, padEnd }, ctx) {
      const { mutated } = await ctx.callTracked('frameSignal', signal, frameLength, hop, padEnd);
      if (mutated.includes(0)) fail({ es: 'frameSignal modificó la señal que recibió.', en: 'frameSignal modified the signal it received.' });
    },
  }),
});
