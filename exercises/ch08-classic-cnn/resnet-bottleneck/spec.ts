import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { bottleneckBlock as reference, type BatchNorm, type BottleneckParams, type ConvBN } from '../../../reference/ch08-classic-cnn/resnet-bottleneck.ts';

const bn = (c: number): fc.Arbitrary<BatchNorm> =>
  fc.record({ gamma: arb.vector(c, arb.num(2)), beta: arb.vector(c, arb.num(1)), mean: arb.vector(c, arb.num(1)), variance: arb.vector(c, arb.numIn(0.125, 2)) });
const convBn = (k: number, cin: number, cout: number): fc.Arbitrary<ConvBN> => fc.record({ kernel: arb.tensor4(k, k, cin, cout, arb.num(1)), bn: bn(cout) });

interface Case {
  x: number[][][];
  params: BottleneckParams;
  stride: number;
}

/** A projection whenever the shape changes (stride 2 or Cin ≠ Cout), sometimes also when it does not. */
function cases(stride: fc.Arbitrary<number> = fc.constantFrom(1, 2), size: fc.Arbitrary<number> = arb.dim(1, 5), identity = false): fc.Arbitrary<Case> {
  return fc
    .record({ h: size, w: size, cin: arb.dim(1, 3), m: arb.dim(1, 2), cout: arb.dim(1, 3), stride, extraProjection: fc.boolean() })
    .chain((s) => {
      const projected = !identity && (s.stride !== 1 || s.cin !== s.cout || s.extraProjection);
      const cout = projected ? s.cout : s.cin;
      const base = { conv1: convBn(1, s.cin, s.m), conv2: convBn(3, s.m, s.m), conv3: convBn(1, s.m, cout) };
      const params: fc.Arbitrary<BottleneckParams> = projected ? fc.record({ ...base, projection: convBn(1, s.cin, cout) }) : fc.record(base);
      return fc.record({ x: arb.tensor3(s.h, s.w, s.cin, arb.num(2)), params, stride: fc.constant(s.stride) });
    });
}

/** A fixed k×k×cin×cout convolution with its BatchNorm, small mixed-sign values (for the edge cases). */
function fixedConvBn(k: number, cin: number, cout: number, seed: number): ConvBN {
  const v = (n: number) => (((n * 7 + seed * 5) % 9) - 4) / 4;
  return {
    kernel: Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => Array.from({ length: cin }, (_, c) => Array.from({ length: cout }, (_, o) => v(i * 31 + j * 17 + c * 5 + o * 3))))),
    bn: {
      gamma: Array.from({ length: cout }, (_, o) => 1 + v(o) / 2),
      beta: Array.from({ length: cout }, (_, o) => v(o + 3) / 2),
      mean: Array.from({ length: cout }, (_, o) => v(o + 5) / 4),
      variance: Array.from({ length: cout }, (_, o) => 0.5 + (o % 3) / 4),
    },
  };
}
const fixedParams = (cin: number, m: number, cout: number, seed: number): BottleneckParams => ({
  conv1: fixedConvBn(1, cin, m, seed),
  conv2: fixedConvBn(3, m, m, seed + 1),
  conv3: fixedConvBn(1, m, cout, seed + 2),
  projection: fixedConvBn(1, cin, cout, seed + 3),
});

/** The statement's edge cases, run first on every grading. */
const edges: Record<string, Case> = {
  // 3×5 with stride 2: ⌈3/2⌉×⌈5/2⌉ = 2×3, the strided 3×3 and the strided 1×1 projection on the same pixels
  'odd-size-stride-two': {
    x: [
      [[1, -0.5], [0.25, 2], [-1.5, 0.75], [0.5, -1], [2, 0]],
      [[-0.25, 1.5], [1, -2], [0.5, 0.5], [-0.75, 1], [1.25, -1.5]],
      [[0, -1], [1.75, 0.25], [-0.5, -0.25], [1, 1.5], [-2, 0.5]],
    ],
    params: fixedParams(2, 2, 3, 1),
    stride: 2,
  },
  // 1×1 with stride 2: still 1×1, only the centre tap of the 3×3 meets the pixel
  'one-pixel-stride-two': { x: [[[1.5, -0.5]]], params: fixedParams(2, 1, 2, 2), stride: 2 },
};

function dims(value: unknown): string {
  const d: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    d.push(v.length);
    v = v[0];
  }
  return d.length ? d.join('×') : typeof value;
}

const relu = (x: number[][][]) => x.map((r) => r.map((p) => p.map((v) => Math.max(0, v))));
const silenced = (p: ConvBN): ConvBN => ({ ...p, bn: { ...p.bn, gamma: p.bn.gamma.map(() => 0), beta: p.bn.beta.map(() => 0) } });

export default defineSpec({
  'matches-reference': property({
    arbitrary: cases(),
    examples: edges,
    async check({ x, params, stride }, ctx) {
      const received = await ctx.call('bottleneckBlock', x, params, stride);
      ctx.expectClose(reference(x, params, stride), received, {
        what: { es: `Bloque con stride ${stride} y ${params.projection ? 'proyección 1×1' : 'atajo identidad'}`, en: `Block with stride ${stride} and ${params.projection ? 'a 1×1 projection' : 'an identity shortcut'}` },
      });
    },
  }),

  'output-shape': property({
    arbitrary: cases(),
    examples: edges,
    async check({ x, params, stride }, ctx) {
      const h = Math.ceil(x.length / stride);
      const w = Math.ceil(x[0]!.length / stride);
      const c = params.conv3.kernel[0]![0]![0]!.length;
      const received = await ctx.call('bottleneckBlock', x, params, stride);
      if (dims(received) !== `${h}×${w}×${c}`) {
        fail(
          {
            es: `Con una entrada ${dims(x)} y stride ${stride} la salida debe ser ${h}×${w}×${c} (⌈H/s⌉×⌈W/s⌉×Cout); devolviste ${dims(received)}.`,
            en: `With a ${dims(x)} input and stride ${stride} the output must be ${h}×${w}×${c} (⌈H/s⌉×⌈W/s⌉×Cout); you returned ${dims(received)}.`,
          },
          { expected: `${h}×${w}×${c}`, received: dims(received) },
        );
      }
    },
  }),

  'zero-gamma-shortcut': property({
    arbitrary: fc.oneof(cases(), cases(fc.constant(1), arb.dim(1, 5), true)),
    async check({ x, params, stride }, ctx) {
      // γ = β = 0 in the last BatchNorm switches the residual branch off: only the shortcut remains
      const p = { ...params, conv3: silenced(params.conv3) };
      const received = await ctx.call('bottleneckBlock', x, p, stride);
      if (!params.projection) {
        ctx.expectClose(relu(x), received, {
          tolerance: { atol: 1e-9, rtol: 1e-9 },
          what: {
            es: 'Con γ = β = 0 en la última BatchNorm y atajo identidad, la salida debe ser ReLU(x)',
            en: 'With γ = β = 0 in the last BatchNorm and an identity shortcut, the output must be ReLU(x)',
          },
        });
      } else {
        ctx.expectClose(reference(x, p, stride), received, {
          what: {
            es: 'Con γ = β = 0 en la última BatchNorm solo queda el atajo: ReLU(BN(proyección 1×1 con stride de x))',
            en: 'With γ = β = 0 in the last BatchNorm only the shortcut remains: ReLU(BN(strided 1×1 projection of x))',
          },
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: fc.oneof(cases(), cases(fc.constant(1), arb.dim(1, 5), true)),
    async check({ x, params, stride }, ctx) {
      const { value, mutated } = await ctx.callTracked('bottleneckBlock', x, params, stride);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'params', 'stride'][i] ?? `#${i}`).join(', ');
        fail({ es: `bottleneckBlock modificó su argumento ${names}.`, en: `bottleneckBlock modified its argument ${names}.` });
      }
      ctx.expectClose(reference(x, params, stride), value);
    },
  }),

  'even-size-stride-two': property({
    arbitrary: cases(fc.constant(2), fc.constantFrom(2, 4)),
    async check({ x, params, stride }, ctx) {
      const received = await ctx.call('bottleneckBlock', x, params, stride);
      ctx.expectClose(reference(x, params, stride), received, {
        what: {
          es: `Entrada ${dims(x)} (par) con stride 2: el 3×3 lleva un píxel de ceros a cada lado`,
          en: `Even ${dims(x)} input with stride 2: the 3×3 has one pixel of zeros on every side`,
        },
      });
    },
  }),
});
