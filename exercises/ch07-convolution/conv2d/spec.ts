import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { conv2d as reference, type Conv2dOptions } from '../../../reference/ch07-convolution/conv2d.ts';

type Padding = 'valid' | 'same';
type Stride = number | [number, number];

const strides: fc.Arbitrary<Stride> = fc.oneof(arb.dim(1, 3), fc.tuple(arb.dim(1, 3), arb.dim(1, 3)));

/** Shapes first: with 'valid' the kernel must fit in the image; with 'same' it may not. */
const shapes = fc
  .record({ kh: arb.dim(1, 4), kw: arb.dim(1, 4), cin: arb.dim(1, 3), cout: arb.dim(1, 3), stride: strides, padding: fc.constantFrom<Padding>('valid', 'same') })
  .chain((s) => {
    const min = (k: number) => (s.padding === 'valid' ? k : 1);
    return fc.record({ h: arb.dim(min(s.kh), 6), w: arb.dim(min(s.kw), 6) }).map((hw) => ({ ...s, ...hw }));
  });

const cases = shapes.chain((s) =>
  fc.record({
    input: arb.tensor3(s.h, s.w, s.cin, arb.num(2)),
    kernel: arb.tensor4(s.kh, s.kw, s.cin, s.cout, arb.num(2)),
    opts: fc.constant<Conv2dOptions>({ stride: s.stride, padding: s.padding }),
  }),
);

function pair(stride: Stride | undefined): [number, number] {
  return typeof stride === 'number' ? [stride, stride] : (stride ?? [1, 1]);
}

/** Expected Hout, Wout from the contract (TensorFlow's rules). */
function outputSize(size: number, k: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - k) / stride) + 1;
}

function describeShape(value: unknown): string {
  const dims: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    dims.push(v.length);
    v = v[0];
  }
  return dims.length ? dims.join('×') : typeof value;
}

function isTensor3(v: unknown): v is number[][][] {
  return Array.isArray(v) && v.every((r) => Array.isArray(r) && r.every((p) => Array.isArray(p) && p.every((x) => typeof x === 'number')));
}

function notTensor3(received: unknown): never {
  fail(
    { es: `conv2d debe devolver un arreglo H×W×C de números; devolviste ${describeShape(received)}.`, en: `conv2d must return an H×W×C array of numbers; you returned ${describeShape(received)}.` },
    { received },
  );
}

const scale = (t: number[][][], a: number) => t.map((r) => r.map((p) => p.map((x) => a * x)));
const add = (t: number[][][], u: number[][][]) => t.map((r, i) => r.map((p, j) => p.map((x, c) => x + (u[i]?.[j]?.[c] ?? NaN))));

/** kh×kw×C×C kernel that is 1 at (du, dv) between equal channels and 0 elsewhere. */
function delta(kh: number, kw: number, c: number, du: number, dv: number): number[][][][] {
  return Array.from({ length: kh }, (_, u) =>
    Array.from({ length: kw }, (_, v) => Array.from({ length: c }, (_, ci) => Array.from({ length: c }, (_, co) => (u === du && v === dv && ci === co ? 1 : 0)))),
  );
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: cases,
    examples: {
      // H = 5 with kh = 4 and W = 3 with kw = 2 under 'same': P_h = 3 and P_w = 1, the extra row below and the extra column on the right
      'same-asymmetric-padding': {
        input: [[[1], [2], [-1]], [[0.5], [-2], [3]], [[1.5], [0], [-0.5]], [[2], [1], [-1.5]], [[-1], [0.25], [1]]],
        kernel: [[[[1]], [[-1]]], [[[2]], [[0.5]]], [[[0]], [[1]]], [[[-1]], [[1.5]]]],
        opts: { stride: 1, padding: 'same' },
      },
    },
    async check({ input, kernel, opts }, ctx) {
      const received = await ctx.call('conv2d', input, kernel, opts);
      ctx.expectClose(reference(input, kernel, opts), received);
    },
  }),

  'output-shape': property({
    arbitrary: cases,
    async check({ input, kernel, opts }, ctx) {
      const [sh, sw] = pair(opts.stride);
      const padding = opts.padding ?? 'valid';
      const hout = outputSize(input.length, kernel.length, sh, padding);
      const wout = outputSize(input[0]!.length, kernel[0]!.length, sw, padding);
      const cout = kernel[0]![0]![0]!.length;
      const received = await ctx.call('conv2d', input, kernel, opts);
      const ok =
        Array.isArray(received) &&
        received.length === hout &&
        received.every((row) => Array.isArray(row) && row.length === wout && row.every((p) => Array.isArray(p) && p.length === cout && p.every((v) => typeof v === 'number')));
      if (!ok) {
        const k = `${kernel.length}×${kernel[0]!.length}`;
        fail(
          {
            es: `Con una entrada ${input.length}×${input[0]!.length}, kernel ${k}, stride [${sh}, ${sw}] y padding '${padding}' la salida debe ser un arreglo ${hout}×${wout}×${cout} de números, y devolviste ${describeShape(received)}.`,
            en: `With a ${input.length}×${input[0]!.length} input, a ${k} kernel, stride [${sh}, ${sw}] and padding '${padding}' the output must be a ${hout}×${wout}×${cout} array of numbers; you returned ${describeShape(received)}.`,
          },
          { expected: `${hout}×${wout}×${cout}`, received: describeShape(received) },
        );
      }
    },
  }),

  'kernel-linearity': property({
    arbitrary: cases.chain((c) =>
      fc.record({
        input: fc.constant(c.input),
        opts: fc.constant(c.opts),
        k1: fc.constant(c.kernel),
        k2: arb.tensor4(c.kernel.length, c.kernel[0]!.length, c.input[0]![0]!.length, c.kernel[0]![0]![0]!.length, arb.num(2)),
        a: fc.constantFrom(2, -1, 0.5, 3),
        b: fc.constantFrom(1, -2, 0.25, -0.5),
      }),
    ),
    async check({ input, opts, k1, k2, a, b }, ctx) {
      const mixed = k1.map((r, u) => r.map((p, v) => p.map((q, c) => q.map((x, o) => a * x + b * k2[u]![v]![c]![o]!))));
      const y1 = await ctx.call('conv2d', input, k1, opts);
      const y2 = await ctx.call('conv2d', input, k2, opts);
      const y = await ctx.call('conv2d', input, mixed, opts);
      if (!isTensor3(y1)) notTensor3(y1);
      if (!isTensor3(y2) || describeShape(y2) !== describeShape(y1)) notTensor3(y2);
      ctx.expectClose(add(scale(y1, a), scale(y2, b)), y, {
        what: {
          es: `conv2d no es lineal en el kernel: conv(x, ${a}·K1 + ${b}·K2) frente a ${a}·conv(x, K1) + ${b}·conv(x, K2)`,
          en: `conv2d is not linear in the kernel: conv(x, ${a}·K1 + ${b}·K2) versus ${a}·conv(x, K1) + ${b}·conv(x, K2)`,
        },
      });
      // linear is not enough (zeros are linear too): conv(x, K1) must also be the right one
      ctx.expectClose(reference(input, k1, opts), y1, {
        tolerance: { atol: 1e-5, rtol: 1e-5 },
        what: { es: 'La relación lineal se cumple, pero conv(x, K1) no coincide con tf.conv2d', en: 'The linear relation holds, but conv(x, K1) does not match tf.conv2d' },
      });
    },
  }),

  'identity-kernel': property({
    arbitrary: fc
      .record({ h: arb.dim(1, 6), w: arb.dim(1, 6), c: arb.dim(1, 3), kh: arb.dim(1, 4), kw: arb.dim(1, 4), stride: fc.tuple(arb.dim(1, 3), arb.dim(1, 3)) })
      .chain((s) => fc.record({ s: fc.constant(s), input: arb.tensor3(s.h, s.w, s.c, arb.num(2)) })),
    async check({ s, input }, ctx) {
      // 'same', stride 1: a delta at (⌊(kh−1)/2⌋, ⌊(kw−1)/2⌋) sits over the pixel itself, so Y = X.
      const centre = delta(s.kh, s.kw, s.c, Math.floor((s.kh - 1) / 2), Math.floor((s.kw - 1) / 2));
      const same = await ctx.call('conv2d', input, centre, { stride: 1, padding: 'same' });
      ctx.expectClose(input, same, {
        what: {
          es: `Un kernel ${s.kh}×${s.kw} con un 1 en (${Math.floor((s.kh - 1) / 2)}, ${Math.floor((s.kw - 1) / 2)}) y padding 'same' debe devolver la entrada`,
          en: `A ${s.kh}×${s.kw} kernel with a 1 at (${Math.floor((s.kh - 1) / 2)}, ${Math.floor((s.kw - 1) / 2)}) and 'same' padding must return the input`,
        },
      });
      // 'valid', 1×1 identity, stride [sh, sw]: Y[i][j] = X[i·sh][j·sw].
      const [sh, sw] = s.stride;
      const sub = input.filter((_, i) => i % sh === 0).map((row) => row.filter((_, j) => j % sw === 0));
      const strided = await ctx.call('conv2d', input, delta(1, 1, s.c, 0, 0), { stride: s.stride, padding: 'valid' });
      ctx.expectClose(sub, strided, {
        what: {
          es: `Un kernel identidad 1×1 con stride [${sh}, ${sw}] debe tomar X[i·${sh}][j·${sw}]`,
          en: `A 1×1 identity kernel with stride [${sh}, ${sw}] must pick X[i·${sh}][j·${sw}]`,
        },
      });
    },
  }),

  defaults: property({
    arbitrary: fc
      .record({ h: arb.dim(3, 6), w: arb.dim(3, 6), kh: arb.dim(2, 3), kw: arb.dim(2, 3), cin: arb.dim(1, 2), cout: arb.dim(1, 2) })
      .chain((s) => fc.record({ input: arb.tensor3(s.h, s.w, s.cin, arb.num(2)), kernel: arb.tensor4(s.kh, s.kw, s.cin, s.cout, arb.num(2)) })),
    async check({ input, kernel }, ctx) {
      const expected = reference(input, kernel, { stride: 1, padding: 'valid' });
      ctx.expectClose(expected, await ctx.call('conv2d', input, kernel), {
        what: { es: 'conv2d(input, kernel) sin opciones', en: 'conv2d(input, kernel) without options' },
      });
      ctx.expectClose(expected, await ctx.call('conv2d', input, kernel, {}), {
        what: { es: 'conv2d(input, kernel, {})', en: 'conv2d(input, kernel, {})' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    async check({ input, kernel, opts }, ctx) {
      const { value, mutated } = await ctx.callTracked('conv2d', input, kernel, opts);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['input', 'kernel', 'opts'][i] ?? `#${i}`).join(', ');
        fail({ es: `conv2d modificó su argumento ${names}.`, en: `conv2d modified its argument ${names}.` });
      }
      ctx.expectClose(reference(input, kernel, opts), value, { tolerance: { atol: 1e-5, rtol: 1e-5 } });
    },
  }),

  'stride-subsamples': property({
    arbitrary: shapes.chain((s) =>
      fc.record({
        input: arb.tensor3(Math.max(s.h, s.kh), Math.max(s.w, s.kw), s.cin, arb.num(2)),
        kernel: arb.tensor4(s.kh, s.kw, s.cin, s.cout, arb.num(2)),
        stride: fc.tuple(arb.dim(1, 3), arb.dim(1, 3)),
      }),
    ),
    async check({ input, kernel, stride }, ctx) {
      const [sh, sw] = stride;
      const dense = await ctx.call('conv2d', input, kernel, { stride: 1, padding: 'valid' });
      if (!isTensor3(dense)) notTensor3(dense);
      const expected = dense.filter((_, i) => i % sh === 0).map((row) => row.filter((_, j) => j % sw === 0));
      ctx.expectClose(expected, await ctx.call('conv2d', input, kernel, { stride, padding: 'valid' }), {
        what: {
          es: `Con padding 'valid', el stride [${sh}, ${sw}] debe quedarse con una de cada ${sh} filas y ${sw} columnas de la salida con stride 1`,
          en: `With 'valid' padding, stride [${sh}, ${sw}] must keep every ${sh}-th row and ${sw}-th column of the stride-1 output`,
        },
      });
      ctx.expectClose(reference(input, kernel, { stride: 1, padding: 'valid' }), dense, {
        tolerance: { atol: 1e-5, rtol: 1e-5 },
        what: { es: 'La salida con stride 1', en: 'The stride-1 output' },
      });
    },
  }),
});
