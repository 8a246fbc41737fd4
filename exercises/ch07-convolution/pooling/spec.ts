import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { avgPool2d, maxPool2d, type PoolOptions } from '../../../reference/ch07-convolution/pooling.ts';

type Padding = 'valid' | 'same';
type Pair = number | [number, number];
type Fn = 'maxPool2d' | 'avgPool2d';

const pairOf = (x: Pair): [number, number] => (typeof x === 'number' ? [x, x] : x);
const sizes: fc.Arbitrary<Pair> = fc.oneof(arb.dim(1, 3), fc.tuple(arb.dim(1, 3), arb.dim(1, 3)));

/** Values on a coarse grid half of the time, so that windows often hold ties. */
const value = fc.oneof(arb.num(2), fc.integer({ min: -2, max: 2 }).map((k) => k / 2 + 0));

const cases = fc
  .record({ pool: sizes, stride: fc.option(sizes, { nil: undefined }), padding: fc.constantFrom<Padding>('valid', 'same'), c: arb.dim(1, 3) })
  .chain((s) => {
    const [ph, pw] = pairOf(s.pool);
    const min = (k: number) => (s.padding === 'valid' ? k : 1);
    return fc.record({ h: arb.dim(min(ph), 6), w: arb.dim(min(pw), 6) }).chain(({ h, w }) =>
      fc.record({
        input: arb.tensor3(h, w, s.c, value),
        pool: fc.constant(s.pool),
        opts: fc.constant<PoolOptions>(s.stride === undefined ? { padding: s.padding } : { stride: s.stride, padding: s.padding }),
      }),
    );
  });

function describeShape(value: unknown): string {
  const dims: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    dims.push(v.length);
    v = v[0];
  }
  return dims.length ? dims.join('×') : typeof value;
}

const channel = (t: number[][][], c: number) => t.map((r) => r.map((p) => [p[c]!]));

export default defineSpec({
  'max-matches-reference': property({
    arbitrary: cases,
    examples: {
      // an all-negative image under 'same': the padding is not a 0 that wins the max, nor a term of the mean
      'negative-with-padding': {
        input: [[[-1, -2], [-3, -0.5], [-2, -1]], [[-0.5, -4], [-1.5, -1], [-2.5, -3]], [[-3, -1], [-1, -2], [-0.25, -0.5]]],
        pool: 2,
        opts: { stride: 2, padding: 'same' },
      },
      // 'same' with stride 2 and a 3×3 window: 5 rows need 2 of padding (one above, one below), 4 columns need 1 (on the right)
      'same-padding-split': {
        input: [[[1], [-2], [3], [0.5]], [[-1], [2], [-0.5], [4]], [[0], [1.5], [-3], [2.5]], [[3.5], [-1.5], [1], [-2]], [[2], [0], [-2.5], [1]]],
        pool: 3,
        opts: { stride: 2, padding: 'same' },
      },
    },
    async check({ input, pool, opts }, ctx) {
      ctx.expectClose(maxPool2d(input, pool, opts), await ctx.call('maxPool2d', input, pool, opts));
    },
  }),

  'avg-matches-reference': property({
    arbitrary: cases,
    examples: {
      'negative-with-padding': {
        input: [[[-1, -2], [-3, -0.5], [-2, -1]], [[-0.5, -4], [-1.5, -1], [-2.5, -3]], [[-3, -1], [-1, -2], [-0.25, -0.5]]],
        pool: 2,
        opts: { stride: 2, padding: 'same' },
      },
      // 'same' with stride 2 and a 3×3 window: 5 rows need 2 of padding (one above, one below), 4 columns need 1 (on the right)
      'same-padding-split': {
        input: [[[1], [-2], [3], [0.5]], [[-1], [2], [-0.5], [4]], [[0], [1.5], [-3], [2.5]], [[3.5], [-1.5], [1], [-2]], [[2], [0], [-2.5], [1]]],
        pool: 3,
        opts: { stride: 2, padding: 'same' },
      },
    },
    async check({ input, pool, opts }, ctx) {
      ctx.expectClose(avgPool2d(input, pool, opts), await ctx.call('avgPool2d', input, pool, opts));
    },
  }),

  'output-shape': property({
    arbitrary: fc.record({ c: cases, fn: fc.constantFrom<Fn>('maxPool2d', 'avgPool2d') }),
    async check({ c: { input, pool, opts }, fn }, ctx) {
      const [ph, pw] = pairOf(pool);
      const [sh, sw] = pairOf(opts.stride ?? pool);
      const same = opts.padding === 'same';
      const hout = same ? Math.ceil(input.length / sh) : Math.floor((input.length - ph) / sh) + 1;
      const wout = same ? Math.ceil(input[0]!.length / sw) : Math.floor((input[0]!.length - pw) / sw) + 1;
      const C = input[0]![0]!.length;
      const received = await ctx.call(fn, input, pool, opts);
      const ok = Array.isArray(received) && received.length === hout && received.every((r) => Array.isArray(r) && r.length === wout && r.every((p) => Array.isArray(p) && p.length === C && p.every((v) => typeof v === 'number')));
      if (!ok) {
        fail(
          {
            es: `${fn} de una entrada ${input.length}×${input[0]!.length}×${C} con ventana ${ph}×${pw}, stride [${sh}, ${sw}] y padding '${opts.padding ?? 'valid'}' debe dar un arreglo ${hout}×${wout}×${C} de números, y devolviste ${describeShape(received)}.`,
            en: `${fn} of a ${input.length}×${input[0]!.length}×${C} input with a ${ph}×${pw} window, stride [${sh}, ${sw}] and padding '${opts.padding ?? 'valid'}' must give a ${hout}×${wout}×${C} array of numbers; you returned ${describeShape(received)}.`,
          },
          { expected: `${hout}×${wout}×${C}`, received: describeShape(received) },
        );
      }
    },
  }),

  'channels-independent': property({
    arbitrary: fc.record({ c: cases, fn: fc.constantFrom<Fn>('maxPool2d', 'avgPool2d') }).filter(({ c }) => c.input[0]![0]!.length > 1),
    async check({ c: { input, pool, opts }, fn }, ctx) {
      const whole = await ctx.call(fn, input, pool, opts);
      const reference = fn === 'maxPool2d' ? maxPool2d : avgPool2d;
      for (let c = 0; c < input[0]![0]!.length; c++) {
        const alone = await ctx.call(fn, channel(input, c), pool, opts);
        const slice = Array.isArray(whole) ? whole.map((r: unknown) => (Array.isArray(r) ? r.map((p: unknown) => [Array.isArray(p) ? p[c] : undefined]) : r)) : whole;
        ctx.expectClose(alone, slice, {
          what: {
            es: `${fn} debe tratar cada canal por separado: el canal ${c} de la salida frente a aplicar ${fn} solo al canal ${c}`,
            en: `${fn} must treat every channel on its own: output channel ${c} versus ${fn} applied to channel ${c} alone`,
          },
        });
      }
      ctx.expectClose(reference(input, pool, opts), whole, { tolerance: { atol: 1e-5, rtol: 1e-5 } });
    },
  }),

  'constant-image': property({
    arbitrary: fc
      .record({ h: arb.dim(1, 5), w: arb.dim(1, 5), c: arb.dim(1, 2), pool: sizes, stride: sizes, k: fc.constantFrom(-1.5, -0.25, 0.75, 3) })
      .map((s) => ({ ...s, input: Array.from({ length: s.h }, () => Array.from({ length: s.w }, () => new Array<number>(s.c).fill(s.k))) })),
    async check({ input, pool, stride, k }, ctx) {
      for (const fn of ['maxPool2d', 'avgPool2d'] as const) {
        const received = await ctx.call(fn, input, pool, { stride, padding: 'same' });
        const expected = maxPool2d(input, pool, { stride, padding: 'same' }).map((r) => r.map((p) => p.map(() => k)));
        ctx.expectClose(expected, received, {
          what: {
            es: `Con una imagen constante igual a ${k} y padding 'same', ${fn} debe dar ${k} en todas partes (el relleno no cuenta)`,
            en: `With an image that is ${k} everywhere and 'same' padding, ${fn} must give ${k} everywhere (padding does not count)`,
          },
        });
      }
    },
  }),

  defaults: property({
    arbitrary: fc
      .record({ h: arb.dim(3, 6), w: arb.dim(3, 6), c: arb.dim(1, 2), pool: arb.dim(2, 3) })
      .chain((s) => fc.record({ input: arb.tensor3(s.h, s.w, s.c, arb.num(2)), pool: fc.constant(s.pool) })),
    async check({ input, pool }, ctx) {
      ctx.expectClose(maxPool2d(input, pool, { stride: pool, padding: 'valid' }), await ctx.call('maxPool2d', input, pool), {
        what: { es: `maxPool2d(input, ${pool}) sin opciones (stride ${pool}, 'valid')`, en: `maxPool2d(input, ${pool}) without options (stride ${pool}, 'valid')` },
      });
      ctx.expectClose(avgPool2d(input, pool, { stride: pool, padding: 'valid' }), await ctx.call('avgPool2d', input, pool, {}), {
        what: { es: `avgPool2d(input, ${pool}, {}) (stride ${pool}, 'valid')`, en: `avgPool2d(input, ${pool}, {}) (stride ${pool}, 'valid')` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    async check({ input, pool, opts }, ctx) {
      for (const fn of ['maxPool2d', 'avgPool2d'] as const) {
        const { value, mutated } = await ctx.callTracked(fn, input, pool, opts);
        if (mutated.length > 0) {
          const names = mutated.map((i) => ['input', 'poolSize', 'opts'][i] ?? `#${i}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${names}.`, en: `${fn} modified its argument ${names}.` });
        }
        ctx.expectClose((fn === 'maxPool2d' ? maxPool2d : avgPool2d)(input, pool, opts), value, { tolerance: { atol: 1e-5, rtol: 1e-5 }, what: { es: fn, en: fn } });
      }
    },
  }),
});
