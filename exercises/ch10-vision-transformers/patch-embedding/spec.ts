import fc from 'fast-check';
import { arb, defineSpec, fail, property, type PropertyContext } from '../../../grader/spec/index.ts';
import { patchEmbedding as reference } from '../../../reference/ch10-vision-transformers/patch-embedding.ts';

const shapes = fc.record({ p: arb.dim(1, 3), gh: arb.dim(1, 3), gw: arb.dim(1, 3), c: arb.dim(1, 3), d: arb.dim(1, 4) });

const inputs = shapes.chain(({ p, gh, gw, c, d }) =>
  fc.record({
    image: arb.tensor3(gh * p, gw * p, c),
    patchSize: fc.constant(p),
    weight: arb.matrix(p * p * c, d, arb.num(1)),
    bias: arb.vector(d, arb.num(1)),
    clsToken: arb.vector(d, arb.num(2)),
    positions: arb.matrix(gh * gw + 1, d, arb.num(1)),
  }),
);

/** The statement's edge cases, run first on every grading. */
const edges = {
  // P = 1 on a 2×3×2 image: 6 tokens in row order, each the pixel's channels times E (2×3)
  'pixel-patches': {
    image: [[[1, -0.5], [2, 0.25], [-1, 1.5]], [[0.5, 3], [-2, -1], [0.75, 0]]],
    patchSize: 1,
    weight: [[1, 0.5, -0.25], [-0.5, 0.25, 1]],
    bias: [0.25, 0, -0.5],
    clsToken: [1, -1, 0.5],
    positions: [[0, 0.25, 0.5], [0.5, 0, -0.25], [-0.5, 1, 0], [0.25, 0.25, 0.25], [1, -0.5, 0], [0, 0, 1], [-0.25, 0.5, -1]],
  },
  // P = H = W = 2, C = 1: one patch, two output rows
  'single-patch': {
    image: [[[1], [-2]], [[0.5], [3]]],
    patchSize: 2,
    weight: [[1, 0], [0.5, -1], [0, 0.25], [-0.5, 1]],
    bias: [0.5, -0.25],
    clsToken: [2, -1],
    positions: [[0.25, 0.5], [-1, 0.75]],
  },
};

/** One pixel set to 1 in an otherwise zero image, with E = identity (D = P²C) and no bias/CLS/positions. */
const probes = shapes
  .filter(({ p, gh, gw, c }) => p * p * c >= 2 && gh * gw >= 2)
  .chain(({ p, gh, gw, c }) =>
    fc.record({
      p: fc.constant(p),
      gh: fc.constant(gh),
      gw: fc.constant(gw),
      c: fc.constant(c),
      i: fc.integer({ min: 0, max: gh * p - 1 }),
      j: fc.integer({ min: 0, max: gw * p - 1 }),
      ch: fc.integer({ min: 0, max: c - 1 }),
    }),
  );

interface Probe {
  p: number;
  gh: number;
  gw: number;
  c: number;
  i: number;
  j: number;
  ch: number;
}

/** Where the student's embedding put the single 1 (token, feature), plus where it should be. */
async function locate(probe: Probe, ctx: PropertyContext) {
  const { p, gh, gw, c, i, j, ch } = probe;
  const size = p * p * c;
  const image = Array.from({ length: gh * p }, (_, a) => Array.from({ length: gw * p }, (_, b) => Array.from({ length: c }, (_, k) => (a === i && b === j && k === ch ? 1 : 0))));
  const identity = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, s) => (r === s ? 1 : 0)));
  const zeros = new Array<number>(size).fill(0);
  const positions = Array.from({ length: gh * gw + 1 }, () => zeros.slice());
  const out = await ctx.call('patchEmbedding', image, p, identity, zeros, zeros, positions);
  const expected = { token: 1 + Math.floor(i / p) * gw + Math.floor(j / p), feature: ((i % p) * p + (j % p)) * c + ch };
  let found: { token: number; feature: number } | undefined;
  if (Array.isArray(out)) {
    out.forEach((row: unknown, t) => {
      if (Array.isArray(row)) row.forEach((v: unknown, f) => { if (typeof v === 'number' && Math.abs(v - 1) < 1e-9 && !found) found = { token: t, feature: f }; });
    });
  }
  if (!found) {
    fail(
      { es: `Con una imagen de ceros y un único 1 en el píxel (${i}, ${j}), canal ${ch}, E = identidad y sin sesgo, CLS ni posiciones, ningún elemento de tu salida vale 1.`, en: `With an all-zero image holding a single 1 at pixel (${i}, ${j}), channel ${ch}, E = identity and no bias, CLS or positions, no element of your output is 1.` },
      { received: out },
    );
  }
  return { found, expected, label: `(${i}, ${j}), canal/channel ${ch}, P = ${p}, ${gh * p}×${gw * p}×${c}` };
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: inputs,
    examples: edges,
    async check({ image, patchSize, weight, bias, clsToken, positions }, ctx) {
      const received = await ctx.call('patchEmbedding', image, patchSize, weight, bias, clsToken, positions);
      ctx.expectClose(reference(image, patchSize, weight, bias, clsToken, positions), received);
    },
  }),

  'cls-token-first': property({
    arbitrary: inputs,
    async check({ image, patchSize, weight, bias, clsToken, positions }, ctx) {
      const received = await ctx.call('patchEmbedding', image, patchSize, weight, bias, clsToken, positions);
      const first = Array.isArray(received) ? received[0] : received;
      ctx.expectClose(clsToken.map((v, d) => v + positions[0]![d]!), first, {
        what: { es: 'La fila 0 (x_CLS + positions[0])', en: 'Row 0 (x_CLS + positions[0])' },
      });
    },
  }),

  'patch-order': property({
    arbitrary: probes,
    async check(probe, ctx) {
      const { found, expected, label } = await locate(probe, ctx);
      if (found.token !== expected.token) {
        fail({
          es: `El píxel ${label} pertenece al parche (${Math.floor(probe.i / probe.p)}, ${Math.floor(probe.j / probe.p)}) y debería acabar en el token ${expected.token} (tras el CLS, en orden de barrido), pero acabó en el token ${found.token}.`,
          en: `Pixel ${label} belongs to patch (${Math.floor(probe.i / probe.p)}, ${Math.floor(probe.j / probe.p)}) and should end up in token ${expected.token} (after CLS, in raster order), but it ended up in token ${found.token}.`,
        });
      }
    },
  }),

  'flatten-order': property({
    arbitrary: probes,
    async check(probe, ctx) {
      const { found, expected, label } = await locate(probe, ctx);
      if (found.feature !== expected.feature) {
        fail({
          es: `El píxel ${label} ocupa la posición (${probe.i % probe.p}, ${probe.j % probe.p}) dentro de su parche, así que al aplanar en orden (fila, columna, canal) va al índice ${expected.feature}; con E = identidad debería salir en la componente ${expected.feature} del token, pero salió en la ${found.feature}.`,
          en: `Pixel ${label} sits at (${probe.i % probe.p}, ${probe.j % probe.p}) inside its patch, so flattening in (row, column, channel) order puts it at index ${expected.feature}; with E = identity it should show up in component ${expected.feature} of the token, but it showed up in ${found.feature}.`,
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: inputs,
    async check({ image, patchSize, weight, bias, clsToken, positions }, ctx) {
      const { mutated } = await ctx.callTracked('patchEmbedding', image, patchSize, weight, bias, clsToken, positions);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['image', 'patchSize', 'weight', 'bias', 'clsToken', 'positions'][i] ?? `#${i}`).join(', ');
        fail({ es: `patchEmbedding modificó su argumento ${names}.`, en: `patchEmbedding modified its argument ${names}.` });
      }
    },
  }),
});
