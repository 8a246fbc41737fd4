import fc from 'fast-check';
import { arb, defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import { gpipeSchedule as reference } from '../../../reference/ch29-large-scale/gpipe-schedule.ts';

const shapes = fc.record({ stages: arb.dim(1, 6), microbatches: arb.dim(1, 8) });
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

function field(received: unknown, name: string): unknown {
  return typeof received === 'object' && received !== null ? (received as Record<string, unknown>)[name] : undefined;
}

/** Step at which stage s runs micro-batch i in a T×K grid, or a description of what is wrong. */
function stepsOf(grid: unknown, K: number, M: number, label: string): number[][] | string {
  if (!Array.isArray(grid) || grid.some((row) => !Array.isArray(row) || row.length !== K)) return `${label}: se esperaba una matriz T×${K} / expected a T×${K} matrix`;
  const when: number[][] = Array.from({ length: M }, () => new Array<number>(K).fill(-1));
  for (let t = 0; t < grid.length; t++) {
    for (let s = 0; s < K; s++) {
      const i = (grid[t] as unknown[])[s];
      if (i === -1) continue;
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= M) return `${label}[${t}][${s}] = ${formatValue(i)}`;
      if (when[i]![s] !== -1) return `${label}: el micro-batch ${i} pasa dos veces por la etapa ${s} / micro-batch ${i} visits stage ${s} twice`;
      when[i]![s] = t;
    }
  }
  for (let i = 0; i < M; i++) for (let s = 0; s < K; s++) if (when[i]![s] === -1) return `${label}: falta el micro-batch ${i} en la etapa ${s} / micro-batch ${i} never visits stage ${s}`;
  return when;
}

export default defineSpec({
  'forward-grid': property({
    arbitrary: shapes,
    examples: { 'one-stage': { stages: 1, microbatches: 4 }, 'one-microbatch': { stages: 4, microbatches: 1 } },
    async check({ stages, microbatches }, ctx) {
      const received = await ctx.call('gpipeSchedule', stages, microbatches);
      ctx.expectClose(reference(stages, microbatches).forward, field(received, 'forward'), { what: { es: 'forward', en: 'forward' } });
    },
  }),

  'backward-grid': property({
    arbitrary: shapes,
    examples: { 'one-stage': { stages: 1, microbatches: 4 }, 'one-microbatch': { stages: 4, microbatches: 1 } },
    async check({ stages, microbatches }, ctx) {
      const received = await ctx.call('gpipeSchedule', stages, microbatches);
      ctx.expectClose(reference(stages, microbatches).backward, field(received, 'backward'), { what: { es: 'backward', en: 'backward' } });
    },
  }),

  'bubble-fraction': property({
    arbitrary: shapes,
    examples: { 'one-stage': { stages: 1, microbatches: 4 }, 'one-microbatch': { stages: 4, microbatches: 1 } },
    async check({ stages, microbatches }, ctx) {
      const received = await ctx.call('gpipeSchedule', stages, microbatches);
      ctx.expectClose(reference(stages, microbatches).bubbleFraction, field(received, 'bubbleFraction'), { what: { es: 'bubbleFraction', en: 'bubbleFraction' } });
    },
  }),

  'dependencies-respected': property({
    arbitrary: shapes,
    examples: { 'one-stage': { stages: 1, microbatches: 4 }, 'one-microbatch': { stages: 4, microbatches: 1 } },
    async check({ stages: K, microbatches: M }, ctx) {
      const received = await ctx.call('gpipeSchedule', K, M);
      const f = stepsOf(field(received, 'forward'), K, M, 'forward');
      const b = stepsOf(field(received, 'backward'), K, M, 'backward');
      if (typeof f === 'string') fail({ es: f, en: f });
      if (typeof b === 'string') fail({ es: b, en: b });
      const F = f as number[][];
      const B = b as number[][];
      for (let i = 0; i < M; i++) {
        for (let s = 0; s < K; s++) {
          const previous = s > 0 ? F[i]![s - 1]! : -1;
          if (s > 0 && !(F[i]![s]! > previous)) {
            fail({ es: `El forward del micro-batch ${i} llega a la etapa ${s} (paso ${F[i]![s]}) antes de salir de la ${s - 1} (paso ${previous}).`, en: `Micro-batch ${i}'s forward reaches stage ${s} (step ${F[i]![s]}) before leaving stage ${s - 1} (step ${previous}).` });
          }
          const needs = s < K - 1 ? B[i]![s + 1]! : F[i]![K - 1]!;
          if (!(B[i]![s]! > needs)) {
            fail({ es: `El backward del micro-batch ${i} en la etapa ${s} (paso ${B[i]![s]}) no puede ir antes que el paso ${needs}, del que depende.`, en: `Micro-batch ${i}'s backward at stage ${s} (step ${B[i]![s]}) cannot come before step ${needs}, which it depends on.` });
          }
          if (F.some((row) => row[s] === B[i]![s])) {
            fail({ es: `La etapa ${s} hace un forward y un backward en el mismo paso ${B[i]![s]}.`, en: `Stage ${s} runs a forward and a backward in the same step ${B[i]![s]}.` });
          }
        }
      }
      ctx.expectClose(reference(K, M), received, { tolerance: { atol: 1e-6, rtol: 1e-6 }, what: REFERENCE });
    },
  }),

  'more-microbatches-smaller-bubble': property({
    arbitrary: shapes,
    async check({ stages, microbatches }, ctx) {
      const few = field(await ctx.call('gpipeSchedule', stages, microbatches), 'bubbleFraction');
      const many = field(await ctx.call('gpipeSchedule', stages, 2 * microbatches), 'bubbleFraction');
      const ok = typeof few === 'number' && typeof many === 'number' && (stages === 1 ? few === 0 && many === 0 : many < few);
      if (!ok) {
        fail(
          {
            es: `Con K = ${stages} etapas, pasar de M = ${microbatches} a ${2 * microbatches} micro-batches debe reducir la burbuja (y con K = 1 no hay burbuja): ${formatValue(few)} → ${formatValue(many)}.`,
            en: `With K = ${stages} stages, going from M = ${microbatches} to ${2 * microbatches} micro-batches must shrink the bubble (and with K = 1 there is none): ${formatValue(few)} → ${formatValue(many)}.`,
          },
        );
      }
      ctx.expectClose(reference(stages, microbatches).bubbleFraction, few, { tolerance: { atol: 1e-6, rtol: 1e-6 }, what: REFERENCE });
    },
  }),
});
