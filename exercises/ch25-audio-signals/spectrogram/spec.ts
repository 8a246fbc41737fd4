import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { hannWindow as refHann, magnitudeSpectrogram as reference } from '../../../reference/ch25-audio-signals/spectrogram.ts';

const evenLength = fc.constantFrom(4, 6, 8, 16);

const signals = fc
  .record({ frameLength: evenLength, hop: arb.dim(1, 8), extra: arb.dim(0, 10) })
  .chain(({ frameLength, hop, extra }) => fc.record({ signal: arb.vector(frameLength + extra, arb.num(2)) }).map(({ signal }) => ({ signal, frameLength, hop })));

export default defineSpec({
  'matches-reference': property({
    arbitrary: signals,
    examples: {
      // the signal is exactly one frame long: one row, not zero
      'one-frame': { signal: [0.5, -1, 1.5, 0.25, -0.75, 2], frameLength: 6, hop: 4 },
      // 4 + 3·2 = 10 samples: the last complete frame ends exactly at the last sample (start + N = length is kept)
      'last-frame-ends-at-end': { signal: [1, -0.5, 0.25, 2, -1.5, 0.75, 0, 1.25, -2, 0.5], frameLength: 4, hop: 2 },
      // 8 + 5 = 13 samples with H = 3: frames at 0 and 3, and the 2 samples left after them do not make a frame
      'incomplete-tail-dropped': { signal: [1, 0.5, -0.5, -1, 0.25, 1.5, -2, 0.75, 1, -0.25, 0.5, 2, -1], frameLength: 8, hop: 3 },
    },
    async check({ signal, frameLength, hop }, ctx) {
      const received = await ctx.call('magnitudeSpectrogram', signal, frameLength, hop);
      ctx.expectClose(reference(signal, frameLength, hop), received, {
        what: { es: `|X(m, k)| con N = ${frameLength}, H = ${hop}`, en: `|X(m, k)| with N = ${frameLength}, H = ${hop}` },
      });
    },
  }),

  'hann-window': property({
    arbitrary: fc.constantFrom(2, 4, 6, 8, 10, 16, 32),
    async check(length, ctx) {
      const received = await ctx.call('hannWindow', length);
      ctx.expectClose(refHann(length), received, { what: { es: `hannWindow(${length})`, en: `hannWindow(${length})` } });
    },
  }),

  'pure-tone-peak': property({
    arbitrary: fc.record({ frameLength: fc.constantFrom(8, 16), frames: arb.dim(1, 3), amplitude: fc.constantFrom(0.5, 1, 3) }).chain((r) =>
      fc.record({ k0: fc.integer({ min: 2, max: r.frameLength / 2 - 2 }) }).map(({ k0 }) => ({ ...r, k0 })),
    ),
    async check({ frameLength, frames, amplitude, k0 }, ctx) {
      // k0 in [2, N/2 − 2]: the window's side lobes (A·N/8 at k0 ± 1) never reach bin 0 or N/2
      const signal = Array.from({ length: frameLength * frames }, (_, n) => amplitude * Math.cos((2 * Math.PI * k0 * n) / frameLength));
      const received = (await ctx.call('magnitudeSpectrogram', signal, frameLength, frameLength)) as number[][];
      if (!Array.isArray(received) || received.length !== frames) {
        fail({ es: `Se esperaban ${frames} tramas.`, en: `${frames} frames were expected.` }, { received });
      }
      received.forEach((row, m) => {
        const peak = row.indexOf(Math.max(...row));
        if (peak !== k0) {
          fail(
            {
              es: `En la trama ${m} de un tono de ${k0} ciclos por trama (N = ${frameLength}) el máximo está en el bin ${peak}, no en ${k0}.`,
              en: `In frame ${m} of a tone with ${k0} cycles per frame (N = ${frameLength}) the maximum is at bin ${peak}, not ${k0}.`,
            },
            { expected: k0, received: peak },
          );
        }
        // with a periodic Hann window the tone's bin holds amplitude·N/4
        ctx.expectClose((amplitude * frameLength) / 4, row[k0], {
          tolerance: { atol: 1e-6, rtol: 1e-6 },
          what: { es: `|X(${m}, ${k0})| (debe ser A·N/4)`, en: `|X(${m}, ${k0})| (must be A·N/4)` },
        });
      });
    },
  }),

  parseval: property({
    arbitrary: evenLength.chain((n) => arb.vector(n, arb.num(2))),
    async check(x, ctx) {
      const mags = (await ctx.call('dftMagnitude', x)) as number[];
      const n = x.length;
      if (!Array.isArray(mags) || mags.length !== n / 2 + 1) {
        fail({ es: `dftMagnitude debe devolver N/2 + 1 = ${n / 2 + 1} valores.`, en: `dftMagnitude must return N/2 + 1 = ${n / 2 + 1} values.` }, { received: mags });
      }
      const energy = x.reduce((s, v) => s + v * v, 0);
      const spectral = mags.reduce((s, v, k) => s + (k === 0 || k === n / 2 ? 1 : 2) * v * v, 0) / n;
      ctx.expectClose(energy, spectral, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: 'La energía espectral (|X₀|² + 2Σ|X_k|² + |X_{N/2}|²) / N', en: 'The spectral energy (|X₀|² + 2Σ|X_k|² + |X_{N/2}|²) / N' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: signals,
    async check({ signal, frameLength, hop }, ctx) {
      const { mutated } = await ctx.callTracked('magnitudeSpectrogram', signal, frameLength, hop);
      if (mutated.includes(0)) fail({ es: 'magnitudeSpectrogram modificó la señal.', en: 'magnitudeSpectrogram modified the signal.' });
      const dft = await ctx.callTracked('dftMagnitude', signal.slice(0, frameLength));
      if (dft.mutated.includes(0)) fail({ es: 'dftMagnitude modificó su argumento.', en: 'dftMagnitude modified its argument.' });
    },
  }),
});
