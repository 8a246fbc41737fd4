import * as tf from '@tensorflow/tfjs';

/**
 * TensorBoard's smoothing written as one weighted average per point: with n finite points, the
 * n×n lower-triangular matrix A[i][j] = (1 − w)·w^(i−j) (j ≤ i) gives the plain EMA as A·x, and
 * the debiased one as A·x / A·1 (each row's weights renormalised to sum to 1).
 * Non-finite points are left where they are and skipped.
 */
export function smoothCurve(values: number[], weight: number, debias = true): number[] {
  const finite = values.flatMap((v, i) => (Number.isFinite(v) ? [i] : []));
  const out = values.slice();
  if (finite.length === 0) return out;
  const smoothed = tf.tidy(() => {
    const n = finite.length;
    const idx = tf.range(0, n);
    const lag = tf.relu(tf.sub(idx.expandDims(1), idx.expandDims(0))); // i − j, clipped at 0 above the diagonal
    const A = tf.linalg.bandPart(tf.mul(1 - weight, tf.pow(tf.scalar(weight), lag)), -1, 0);
    const x = tf.tensor2d(finite.map((i) => [values[i]!]));
    const ema = tf.matMul(A, x);
    const result = debias ? tf.div(ema, tf.sum(A, 1, true)) : ema;
    return Array.from(result.dataSync());
  });
  finite.forEach((i, k) => {
    out[i] = smoothed[k]!;
  });
  return out;
}
