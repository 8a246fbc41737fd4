import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch25-audio-signals/mel-filterbank.ts';

const bank = fc.record({
  numFilters: arb.dim(1, 6),
  fftLength: fc.constantFrom(16, 32, 64),
  sampleRate: fc.constantFrom(8000, 16000),
  fMin: fc.constantFrom(0, 100, 300),
  fMaxFraction: fc.constantFrom(0.5, 0.75, 1),
}).map(({ fMaxFraction, ...r }) => ({ ...r, fMax: (r.sampleRate / 2) * fMaxFraction }));

export default defineSpec({
  'mel-scale': property({
    arbitrary: fc.integer({ min: 0, max: 8000 }),
    async check(hz, ctx) {
      const mel = await ctx.call('hzToMel', hz);
      ctx.expectClose(ref.hzToMel(hz), mel, { what: { es: `hzToMel(${hz})`, en: `hzToMel(${hz})` } });
      ctx.expectClose(hz, await ctx.call('melToHz', mel), {
        tolerance: { atol: 1e-6, rtol: 1e-9 },
        what: { es: `melToHz(hzToMel(${hz}))`, en: `melToHz(hzToMel(${hz}))` },
      });
    },
  }),

  'filterbank-matches-reference': property({
    arbitrary: bank,
    async check({ numFilters, fftLength, sampleRate, fMin, fMax }, ctx) {
      ctx.expectClose(ref.melFilterbank(numFilters, fftLength, sampleRate, fMin, fMax), await ctx.call('melFilterbank', numFilters, fftLength, sampleRate, fMin, fMax), {
        what: { es: `melFilterbank(${numFilters}, ${fftLength}, ${sampleRate}, ${fMin}, ${fMax})`, en: `melFilterbank(${numFilters}, ${fftLength}, ${sampleRate}, ${fMin}, ${fMax})` },
      });
    },
  }),

  'partition-of-unity': property({
    arbitrary: bank.filter((b) => b.numFilters >= 2),
    async check({ numFilters, fftLength, sampleRate, fMin, fMax }, ctx) {
      const filters = (await ctx.call('melFilterbank', numFilters, fftLength, sampleRate, fMin, fMax)) as number[][];
      if (!Array.isArray(filters) || filters.length !== numFilters) fail({ es: `Se esperaban ${numFilters} filtros.`, en: `${numFilters} filters were expected.` });
      const toHz = (m: number) => 700 * (10 ** (m / 2595) - 1);
      const lo = 2595 * Math.log10(1 + fMin / 700);
      const hi = 2595 * Math.log10(1 + fMax / 700);
      const firstCentre = toHz(lo + (hi - lo) / (numFilters + 1));
      const lastCentre = toHz(lo + ((hi - lo) * numFilters) / (numFilters + 1));
      for (let k = 0; k <= fftLength / 2; k++) {
        const f = (k * sampleRate) / fftLength;
        if (f < firstCentre + 1e-6 || f > lastCentre - 1e-6) continue;
        const total = filters.reduce((s, row) => s + (row[k] as number), 0);
        ctx.expectClose(1, total, { what: { es: `La suma de los filtros en el bin ${k} (${f} Hz)`, en: `The filters' sum at bin ${k} (${f} Hz)` } });
      }
    },
  }),

  'log-mel-matches-reference': property({
    arbitrary: bank.chain((b) =>
      fc.record({ frames: arb.dim(1, 4) }).chain(({ frames }) =>
        fc.record({ b: fc.constant(b), power: arb.matrix(frames, b.fftLength / 2 + 1, fc.oneof(fc.constant(0), arb.numIn(0, 4))) }),
      ),
    ),
    examples: {
      // a silent frame: every mel energy is 0 and the 1e-6 keeps the log finite
      'silence': { b: { numFilters: 3, fftLength: 16, sampleRate: 8000, fMin: 0, fMax: 4000 }, power: [[0, 0, 0, 0, 0, 0, 0, 0, 0]] },
    },
    async check({ b, power }, ctx) {
      const filters = ref.melFilterbank(b.numFilters, b.fftLength, b.sampleRate, b.fMin, b.fMax);
      ctx.expectClose(ref.logMelSpectrogram(power, filters), await ctx.call('logMelSpectrogram', power, filters), {
        what: { es: 'El log-espectrograma mel', en: 'The log-mel spectrogram' },
      });
      const silence = power.map((row) => row.map(() => 0));
      ctx.expectClose(ref.logMelSpectrogram(silence, filters), await ctx.call('logMelSpectrogram', silence, filters), {
        what: { es: 'El log-espectrograma mel del silencio', en: 'The log-mel spectrogram of silence' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: bank.chain((b) => fc.record({ b: fc.constant(b), power: arb.matrix(2, b.fftLength / 2 + 1, arb.numIn(0, 4)) })),
    async check({ b, power }, ctx) {
      const filters = ref.melFilterbank(b.numFilters, b.fftLength, b.sampleRate, b.fMin, b.fMax);
      const { mutated } = await ctx.callTracked('logMelSpectrogram', power, filters);
      if (mutated.length > 0) fail({ es: 'logMelSpectrogram modificó sus argumentos.', en: 'logMelSpectrogram modified its arguments.' });
    },
  }),
});
