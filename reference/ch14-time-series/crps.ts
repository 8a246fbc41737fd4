import * as tf from '@tensorflow/tfjs';

/**
 * CRPS of N(μ, σ²) by its definition, ∫ (F(z) − 1{z ≥ y})² dz, split at y into two smooth
 * integrals (∫ F² below y, ∫ (1 − F)² above) and computed by Simpson's rule on μ ± 8σ, with
 * F(z) = ½(1 + tf.erf((z − μ)/(σ√2))). Not the closed form the student writes.
 */
export function crpsGaussian(mu: number[], sigma: number[], y: number[]): number[] {
  const n = 400; // even number of Simpson intervals per side
  const weights = Array.from({ length: n + 1 }, (_, i) => (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2));
  return mu.map((m, i) =>
    tf.tidy(() => {
      const s = sigma[i]!;
      const obs = y[i]!;
      const lo = Math.min(m - 8 * s, obs);
      const hi = Math.max(m + 8 * s, obs);
      const side = (a: number, b: number, below: boolean): number => {
        if (b <= a) return 0;
        const z = tf.linspace(a, b, n + 1);
        const F = tf.mul(0.5, tf.add(1, tf.erf(tf.div(tf.sub(z, m), s * Math.SQRT2))));
        const f = below ? tf.square(F) : tf.square(tf.sub(1, F));
        return (tf.sum(tf.mul(f, tf.tensor1d(weights))).dataSync()[0]! * (b - a)) / (3 * n);
      };
      return side(lo, obs, true) + side(obs, hi, false);
    }),
  );
}

/**
 * CRPS of the ensemble's empirical CDF F_K, integrated exactly: between consecutive sorted points
 * of {s_1, …, s_K, y} the integrand (F_K − 1{z ≥ y})² is constant (Hersbach 2000).
 */
export function crpsEnsemble(samples: number[][], y: number[]): number[] {
  return samples.map((s, i) =>
    tf.tidy(() => {
      const K = s.length;
      const obs = y[i]!;
      const points = tf.neg(tf.topk(tf.neg(tf.tensor1d([...s, obs])), K + 1).values); // ascending
      const left = tf.slice(points, 0, K);
      const width = tf.sub(tf.slice(points, 1, K), left);
      const below = tf.sum(tf.cast(tf.lessEqual(tf.expandDims(tf.tensor1d(s), 0), tf.expandDims(left, 1)), 'float32'), 1).div(K);
      const step = tf.cast(tf.greaterEqual(left, obs), 'float32');
      return tf.sum(tf.mul(tf.square(tf.sub(below, step)), width)).dataSync()[0]!;
    }),
  );
}
