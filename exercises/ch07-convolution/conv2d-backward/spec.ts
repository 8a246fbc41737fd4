import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { conv2d, type Conv2dOptions } from '../../../reference/ch07-convolution/conv2d.ts';
import { conv2dBackward as reference } from '../../../reference/ch07-convolution/conv2d-backward.ts';

type Padding = 'valid' | 'same';
type Stride = number | [number, number];
type Grads = { dInput: number[][][]; dKernel: number[][][][] };

const strides: fc.Arbitrary<Stride> = fc.oneof(arb.dim(1, 3), fc.tuple(arb.dim(1, 3), arb.dim(1, 3)));

function pair(stride: Stride | undefined): [number, number] {
  return typeof stride === 'number' ? [stride, stride] : (stride ?? [1, 1]);
}

function outputSize(size: number, k: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - k) / stride) + 1;
}

interface Shape {
  h: number;
  w: number;
  kh: number;
  kw: number;
  cin: number;
  cout: number;
  stride: Stride;
  padding: Padding;
}

/** Shapes first: with 'valid' the kernel must fit in the image. */
function shapes(kernel: fc.Arbitrary<number> = arb.dim(1, 4), stride = strides, padding = fc.constantFrom<Padding>('valid', 'same')): fc.Arbitrary<Shape> {
  return fc.record({ kh: kernel, kw: kernel, cin: arb.dim(1, 3), cout: arb.dim(1, 3), stride, padding }).chain((s) => {
    const min = (k: number) => (s.padding === 'valid' ? k : 1);
    return fc.record({ h: arb.dim(min(s.kh), 6), w: arb.dim(min(s.kw), 6) }).map((hw) => ({ ...s, ...hw }));
  });
}

/** An image, a kernel and an upstream gradient dY of the output's shape. */
function cases(s: fc.Arbitrary<Shape> = shapes()) {
  return s.chain((sh) => {
    const [sy, sx] = pair(sh.stride);
    const hout = outputSize(sh.h, sh.kh, sy, sh.padding);
    const wout = outputSize(sh.w, sh.kw, sx, sh.padding);
    return fc.record({
      input: arb.tensor3(sh.h, sh.w, sh.cin, arb.num(2)),
      kernel: arb.tensor4(sh.kh, sh.kw, sh.cin, sh.cout, arb.num(2)),
      dY: arb.tensor3(hout, wout, sh.cout, arb.num(2)),
      opts: fc.constant<Conv2dOptions>({ stride: sh.stride, padding: sh.padding }),
    });
  });
}

function dims(value: unknown): string {
  const d: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    d.push(v.length);
    v = v[0];
  }
  return d.length ? d.join('×') : typeof value;
}

function hasShape(value: unknown, shape: number[]): boolean {
  if (shape.length === 0) return typeof value === 'number';
  return Array.isArray(value) && value.length === shape[0] && value.every((v) => hasShape(v, shape.slice(1)));
}

/** The result as { dInput, dKernel } with the right shapes, or a failure that says what came back. */
function grads(received: unknown, input: number[][][], kernel: number[][][][]): Grads {
  const inShape = [input.length, input[0]!.length, input[0]![0]!.length];
  const kShape = [kernel.length, kernel[0]!.length, kernel[0]![0]!.length, kernel[0]![0]![0]!.length];
  const r = received as Partial<Grads> | null;
  if (r === null || typeof r !== 'object' || !hasShape(r.dInput, inShape) || !hasShape(r.dKernel, kShape)) {
    fail(
      {
        es: `conv2dBackward debe devolver { dInput, dKernel } con dInput ${inShape.join('×')} (la forma de input) y dKernel ${kShape.join('×')} (la de kernel); devolviste dInput ${dims(r?.dInput)} y dKernel ${dims(r?.dKernel)}.`,
        en: `conv2dBackward must return { dInput, dKernel } with dInput ${inShape.join('×')} (input's shape) and dKernel ${kShape.join('×')} (kernel's); you returned dInput ${dims(r?.dInput)} and dKernel ${dims(r?.dKernel)}.`,
      },
      { expected: `dInput ${inShape.join('×')}, dKernel ${kShape.join('×')}`, received: `dInput ${dims(r?.dInput)}, dKernel ${dims(r?.dKernel)}` },
    );
  }
  return r as Grads;
}

const dot = (a: unknown, b: unknown): number =>
  Array.isArray(a) ? a.reduce((s: number, x, i) => s + dot(x, (b as unknown[])[i]), 0) : (a as number) * (b as number);

export default defineSpec({
  'input-gradient': property({
    arbitrary: cases(),
    examples: {
      // stride 3 over a 1×2 kernel: rows 1–2 and column 2 are in no window and get gradient 0
      'stride-larger-than-kernel': {
        input: [[[1], [2], [-1], [0.5], [1], [-2]], [[0.5], [-2], [3], [1], [0], [2]], [[1.5], [0], [-0.5], [2], [1], [-1]], [[2], [1], [-1.5], [0.25], [-1], [1]]],
        kernel: [[[[1]], [[-1]]]],
        dY: [[[1], [2]], [[-1], [0.5]]],
        opts: { stride: 3, padding: 'valid' },
      },
      // an even kernel under 'same': the extra padding row and column go below and on the right, and what falls on them is dropped
      'same-asymmetric-padding': {
        input: [[[1], [2], [-1]], [[0.5], [-2], [3]], [[1.5], [0], [-0.5]]],
        kernel: [[[[1]], [[-1]]], [[[2]], [[0.5]]]],
        dY: [[[1], [-1], [2]], [[0.5], [1], [-2]], [[1], [1.5], [-1]]],
        opts: { stride: 1, padding: 'same' },
      },
    },
    async check({ input, kernel, dY, opts }, ctx) {
      const received = grads(await ctx.call('conv2dBackward', input, kernel, dY, opts), input, kernel);
      ctx.expectClose(reference(input, kernel, dY, opts).dInput, received.dInput, { what: { es: 'dInput', en: 'dInput' } });
    },
  }),

  'kernel-gradient': property({
    arbitrary: cases(),
    examples: {
      'stride-larger-than-kernel': {
        input: [[[1], [2], [-1], [0.5], [1], [-2]], [[0.5], [-2], [3], [1], [0], [2]], [[1.5], [0], [-0.5], [2], [1], [-1]], [[2], [1], [-1.5], [0.25], [-1], [1]]],
        kernel: [[[[1]], [[-1]]]],
        dY: [[[1], [2]], [[-1], [0.5]]],
        opts: { stride: 3, padding: 'valid' },
      },
      'same-asymmetric-padding': {
        input: [[[1], [2], [-1]], [[0.5], [-2], [3]], [[1.5], [0], [-0.5]]],
        kernel: [[[[1]], [[-1]]], [[[2]], [[0.5]]]],
        dY: [[[1], [-1], [2]], [[0.5], [1], [-2]], [[1], [1.5], [-1]]],
        opts: { stride: 1, padding: 'same' },
      },
    },
    async check({ input, kernel, dY, opts }, ctx) {
      const received = grads(await ctx.call('conv2dBackward', input, kernel, dY, opts), input, kernel);
      ctx.expectClose(reference(input, kernel, dY, opts).dKernel, received.dKernel, { what: { es: 'dKernel', en: 'dKernel' } });
    },
  }),

  'adjoint-identity': property({
    arbitrary: cases().chain((c) =>
      fc.record({
        c: fc.constant(c),
        dX: arb.tensor3(c.input.length, c.input[0]!.length, c.input[0]![0]!.length, arb.num(2)),
        dK: arb.tensor4(c.kernel.length, c.kernel[0]!.length, c.kernel[0]![0]!.length, c.kernel[0]![0]![0]!.length, arb.num(2)),
      }),
    ),
    async check({ c: { input, kernel, dY, opts }, dX, dK }, ctx) {
      const g = grads(await ctx.call('conv2dBackward', input, kernel, dY, opts), input, kernel);
      const tol = { atol: 1e-4, rtol: 1e-5 };
      const lhsX = dot(dY, conv2d(dX, kernel, opts));
      ctx.expectClose(lhsX, dot(g.dInput, dX), {
        tolerance: tol,
        what: { es: 'Σ dInput·ΔX debe ser Σ dY·conv(ΔX, K), el cambio de la pérdida al mover la entrada', en: 'Σ dInput·ΔX must be Σ dY·conv(ΔX, K), how much the loss changes when the input moves' },
      });
      const lhsK = dot(dY, conv2d(input, dK, opts));
      ctx.expectClose(lhsK, dot(g.dKernel, dK), {
        tolerance: tol,
        what: { es: 'Σ dKernel·ΔK debe ser Σ dY·conv(X, ΔK), el cambio de la pérdida al mover el kernel', en: 'Σ dKernel·ΔK must be Σ dY·conv(X, ΔK), how much the loss changes when the kernel moves' },
      });
    },
  }),

  'output-shape': property({
    arbitrary: cases(),
    async check({ input, kernel, dY, opts }, ctx) {
      grads(await ctx.call('conv2dBackward', input, kernel, dY, opts), input, kernel);
    },
  }),

  defaults: property({
    arbitrary: cases(shapes(arb.dim(1, 3), fc.constant(1), fc.constant<Padding>('valid'))),
    async check({ input, kernel, dY }, ctx) {
      const expected = reference(input, kernel, dY, { stride: 1, padding: 'valid' });
      ctx.expectClose(expected, grads(await ctx.call('conv2dBackward', input, kernel, dY), input, kernel), {
        what: { es: 'conv2dBackward(input, kernel, dY) sin opciones', en: 'conv2dBackward(input, kernel, dY) without options' },
      });
      ctx.expectClose(expected, grads(await ctx.call('conv2dBackward', input, kernel, dY, {}), input, kernel), {
        what: { es: 'conv2dBackward(input, kernel, dY, {})', en: 'conv2dBackward(input, kernel, dY, {})' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: cases(),
    async check({ input, kernel, dY, opts }, ctx) {
      const { value, mutated } = await ctx.callTracked('conv2dBackward', input, kernel, dY, opts);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['input', 'kernel', 'dY', 'opts'][i] ?? `#${i}`).join(', ');
        fail({ es: `conv2dBackward modificó su argumento ${names}.`, en: `conv2dBackward modified its argument ${names}.` });
      }
      ctx.expectClose(reference(input, kernel, dY, opts), grads(value, input, kernel), { tolerance: { atol: 1e-4, rtol: 1e-5 } });
    },
  }),

  'same-stride-edges': property({
    arbitrary: cases(shapes(fc.constantFrom(2, 4), fc.tuple(arb.dim(2, 3), arb.dim(2, 3)), fc.constant<Padding>('same'))),
    async check({ input, kernel, dY, opts }, ctx) {
      ctx.expectClose(reference(input, kernel, dY, opts), grads(await ctx.call('conv2dBackward', input, kernel, dY, opts), input, kernel), {
        what: { es: `Con 'same', stride [${pair(opts.stride).join(', ')}] y kernel ${kernel.length}×${kernel[0]!.length}`, en: `With 'same', stride [${pair(opts.stride).join(', ')}] and a ${kernel.length}×${kernel[0]!.length} kernel` },
      });
    },
  }),
});
