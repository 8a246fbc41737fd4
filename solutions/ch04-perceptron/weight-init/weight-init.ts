export type Scheme = 'xavier-uniform' | 'xavier-normal' | 'he-uniform' | 'he-normal';

/**
 * Xavier/Glorot and He initialisation of a fanIn×fanOut matrix from given noise (its shape is the
 * matrix's). Uniform schemes take u ∈ [0, 1) and map it to U(−a, a): w = (2u − 1)·a, with
 * a = √(6/(fanIn + fanOut)) (Xavier) or √(6/fanIn) (He). Normal schemes take z ~ N(0, 1): w = z·s,
 * with s = √(2/(fanIn + fanOut)) (Xavier) or √(2/fanIn) (He).
 */
export function initWeights(scheme: Scheme, noise: number[][]): number[][] {
  const fanIn = noise.length;
  const fanOut = noise[0]!.length;
  const fans = scheme.startsWith('xavier') ? fanIn + fanOut : fanIn;
  if (scheme.endsWith('uniform')) {
    const a = Math.sqrt(6 / fans);
    return noise.map((row) => row.map((u) => (2 * u - 1) * a));
  }
  const s = Math.sqrt(2 / fans);
  return noise.map((row) => row.map((z) => z * s));
}

/** Population standard deviation of every entry of a matrix. */
function std(h: number[][]): number {
  const values = h.flat();
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

/**
 * Forward pass of a bias-free MLP h_l = act(h_{l−1}·W_l), h_0 = x (N×d0, W_l is d_{l−1}×d_l), and
 * the standard deviation of each layer's activations h_l over all its N·d_l entries.
 */
export function activationStds(x: number[][], weights: number[][][], activation: 'tanh' | 'relu'): number[] {
  const act = activation === 'tanh' ? Math.tanh : (v: number) => Math.max(0, v);
  const stds: number[] = [];
  let h = x;
  for (const W of weights) {
    h = h.map((row) => W[0]!.map((_, j) => act(row.reduce((s, v, i) => s + v * W[i]![j]!, 0))));
    stds.push(std(h));
  }
  return stds;
}
