import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { bestTrial as refBest, sampleConfigs as refSample, type Param } from '../../../reference/ch18-hyperparameter-tuning/random-search.ts';

/** A uniform draw in [0, 1) on a grid of 1/64 (exact in float32). */
const draw = fc.integer({ min: 0, max: 63 }).map((k) => k / 64);

const uniform = fc
  .record({ low: arb.numIn(-4, 4), width: arb.numIn(0.125, 4) })
  .map(({ low, width }): Omit<Param & { kind: 'uniform' }, 'name'> => ({ kind: 'uniform', low, high: low + width }));
const logUniform = fc
  .record({ e: fc.integer({ min: -5, max: 0 }), span: fc.integer({ min: 1, max: 4 }) })
  .map(({ e, span }): Omit<Param & { kind: 'log-uniform' }, 'name'> => ({ kind: 'log-uniform', low: 10 ** e, high: 10 ** (e + span) }));
const integer = fc
  .record({ low: fc.integer({ min: -3, max: 8 }), width: fc.integer({ min: 0, max: 6 }) })
  .map(({ low, width }): Omit<Param & { kind: 'int' }, 'name'> => ({ kind: 'int', low, high: low + width }));
const choice = fc
  .oneof(fc.subarray(['sgd', 'adam', 'rmsprop', 'adamw'], { minLength: 1 }), fc.subarray([16, 32, 64, 128, 256], { minLength: 1 }))
  .map((options): Omit<Param & { kind: 'choice' }, 'name'> => ({ kind: 'choice', options }));

/** A search space with 1–4 named parameters of any kind, and 1–5 rows of draws. */
const search = fc
  .array(fc.oneof(uniform, logUniform, integer, choice), { minLength: 1, maxLength: 4 })
  .map((params) => params.map((p, i) => ({ name: `h${i}`, ...p }) as Param))
  .chain((space) => fc.record({ space: fc.constant(space), draws: fc.array(arb.vector(space.length, draw), { minLength: 1, maxLength: 5 }) }));

export default defineSpec({
  'matches-reference': property({
    arbitrary: search,
    examples: {
      // u = 0 and the largest u < 1: both ends of every range, the top integer and the last option included
      'draw-extremes': {
        space: [
          { name: 'h0', kind: 'int', low: -2, high: 3 },
          { name: 'h1', kind: 'log-uniform', low: 1e-5, high: 0.1 },
          { name: 'h2', kind: 'choice', options: ['sgd', 'adam', 'rmsprop'] },
          { name: 'h3', kind: 'uniform', low: -1, high: 1.5 },
        ],
        draws: [
          [0, 0, 0, 0],
          [63 / 64, 63 / 64, 63 / 64, 63 / 64],
        ],
      },
    },
    async check({ space, draws }, ctx) {
      const received = await ctx.call('sampleConfigs', space, draws);
      ctx.expectClose(refSample(space, draws), received, { what: { es: 'Las configuraciones', en: 'The configurations' } });
    },
  }),

  'log-uniform-is-geometric': property({
    arbitrary: logUniform,
    async check({ low, high }, ctx) {
      const space: Param[] = [{ name: 'lr', kind: 'log-uniform', low, high }];
      const received = (await ctx.call('sampleConfigs', space, [[0], [0.25], [0.5], [0.75]])) as { lr: number }[];
      if (!Array.isArray(received) || received.length !== 4) fail({ es: 'sampleConfigs debe devolver una configuración por fila.', en: 'sampleConfigs must return one configuration per row.' });
      const values = received.map((c) => c?.lr);
      // equal steps in u must multiply the value by the same factor (high/low)^(1/4)
      const expected = [0, 0.25, 0.5, 0.75].map((u) => low * (high / low) ** u);
      ctx.expectClose(expected, values, {
        what: {
          es: `lr log-uniforme en [${low}, ${high}] con u = 0, 1/4, 1/2, 3/4 (u = 1/2 debe dar la media geométrica ${Math.sqrt(low * high).toPrecision(4)})`,
          en: `log-uniform lr in [${low}, ${high}] with u = 0, 1/4, 1/2, 3/4 (u = 1/2 must give the geometric mean ${Math.sqrt(low * high).toPrecision(4)})`,
        },
      });
    },
  }),

  'int-covers-range-evenly': property({
    arbitrary: integer,
    async check({ low, high }, ctx) {
      const n = high - low + 1;
      // a draw just inside both ends of each of the n equal cells of [0, 1), plus the extremes 0 and 63/64
      const edge = 1e-9;
      const draws = [...Array.from({ length: n }, (_, k) => [[k / n + edge], [(k + 1) / n - edge]]).flat(), [0], [63 / 64]];
      const received = (await ctx.call('sampleConfigs', [{ name: 'layers', kind: 'int', low, high }], draws)) as { layers: number }[];
      const expected = [...Array.from({ length: n }, (_, k) => [low + k, low + k]).flat(), low, high];
      ctx.expectClose(
        expected,
        Array.isArray(received) ? received.map((c) => c?.layers) : received,
        {
          what: {
            es: `Entero en [${low}, ${high}] con sorteos justo dentro de los dos bordes de cada uno de ${n} tramos iguales de [0, 1) y luego u = 0, 63/64`,
            en: `Integer in [${low}, ${high}] with draws just inside both ends of each of ${n} equal cells of [0, 1), then u = 0, 63/64`,
          },
        },
      );
    },
  }),

  'best-trial': property({
    arbitrary: fc.record({ scores: fc.array(fc.integer({ min: 0, max: 3 }).map((k) => k / 4), { minLength: 1, maxLength: 8 }), mode: fc.constantFrom('min' as const, 'max' as const) }),
    examples: {
      // ties for the best score: the lowest index wins
      'best-tie': { scores: [0.5, 0.25, 0.75, 0.25], mode: 'min' as const },
    },
    async check({ scores, mode }, ctx) {
      const received = await ctx.call('bestTrial', scores, mode);
      ctx.expectClose(refBest(scores, mode), received, { what: { es: `bestTrial(…, '${mode}')`, en: `bestTrial(…, '${mode}')` } });
    },
  }),

  'no-mutation': property({
    arbitrary: search,
    async check({ space, draws }, ctx) {
      const { mutated } = await ctx.callTracked('sampleConfigs', space, draws);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['space', 'draws'][i] ?? `#${i}`).join(', ');
        fail({ es: `sampleConfigs modificó su argumento ${names}.`, en: `sampleConfigs modified its argument ${names}.` });
      }
    },
  }),
});
