import * as tf from '@tensorflow/tfjs';

/** RBF kernel matrix σ_f²·exp(−(a_i − b_j)²/(2ℓ²)) with tf ops. */
function rbf(a: tf.Tensor1D, b: tf.Tensor1D, lengthScale: number, signal: number): tf.Tensor2D {
  const d = tf.sub(a.reshape([-1, 1]), b.reshape([1, -1]));
  return tf.mul(signal * signal, tf.exp(tf.div(tf.square(d), -2 * lengthScale * lengthScale)));
}

/**
 * GP posterior of the latent f (zero prior mean) at the queries. The inverse of K + σ_n²I is found
 * by the Newton–Schulz iteration X ← X(2I − AX) with tf.matMul, started at I/trace(A) (which
 * converges for a symmetric positive-definite A); no Cholesky or solve, so it is not the
 * solution's algorithm.
 */
export function gpPosterior(xs: number[], ys: number[], xq: number[], lengthScale: number, signal: number, noise: number): { mean: number[]; std: number[] } {
  return tf.tidy(() => {
    const x = tf.tensor1d(xs);
    const q = tf.tensor1d(xq);
    const n = xs.length;
    const eye = tf.eye(n);
    const A = tf.add(rbf(x, x, lengthScale, signal), tf.mul(noise * noise, eye));
    let X: tf.Tensor2D = tf.div(eye, tf.sum(tf.mul(A, eye))) as tf.Tensor2D;
    for (let it = 0; it < 40; it++) X = tf.matMul(X, tf.sub(tf.mul(2, eye), tf.matMul(A, X)));
    const Ks = rbf(q, x, lengthScale, signal); // m×n
    const mean = tf.matMul(Ks, tf.matMul(X, tf.tensor1d(ys).reshape([-1, 1]))).reshape([-1]);
    const explained = tf.sum(tf.mul(tf.matMul(Ks, X), Ks), 1);
    const std = tf.sqrt(tf.relu(tf.sub(signal * signal, explained)));
    return { mean: Array.from(mean.dataSync()), std: Array.from(std.dataSync()) };
  });
}

/**
 * Expected improvement for maximisation with tf.erf: z = (μ − best − ξ)/σ,
 * EI = (μ − best − ξ)·Φ(z) + σ·φ(z); where σ = 0, EI = max(μ − best − ξ, 0).
 */
export function expectedImprovement(mean: number[], std: number[], best: number, xi: number): number[] {
  return tf.tidy(() => {
    const mu = tf.tensor1d(mean);
    const sigma = tf.tensor1d(std);
    const gain = tf.sub(mu, best + xi);
    const safe = tf.where(tf.greater(sigma, 0), sigma, tf.onesLike(sigma));
    const z = tf.div(gain, safe);
    const cdf = tf.mul(0.5, tf.add(1, tf.erf(tf.div(z, Math.SQRT2))));
    const pdf = tf.div(tf.exp(tf.mul(-0.5, tf.square(z))), Math.sqrt(2 * Math.PI));
    const ei = tf.add(tf.mul(gain, cdf), tf.mul(sigma, pdf));
    return Array.from(tf.where(tf.greater(sigma, 0), ei, tf.relu(gain)).dataSync());
  });
}
