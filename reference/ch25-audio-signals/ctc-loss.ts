import * as tf from '@tensorflow/tfjs';

/** Merge repeats, then drop blanks: the CTC collapse of a path. */
function collapse(path: number[], blank: number): number[] {
  return path.filter((c, t) => c !== blank && (t === 0 || c !== path[t - 1]));
}

/**
 * −log Σ over every alignment path π of length T with collapse(π) = label of Π_t p_t(π_t): all
 * C^T paths are enumerated (small T and C only), their log-probabilities gathered and summed with
 * tf ops, and tf.logSumExp adds the valid ones. No dynamic programming, so not the student's recursion.
 */
export function ctcLoss(logProbs: number[][], label: number[], blank: number): number {
  const T = logProbs.length;
  const C = logProbs[0]!.length;
  const valid: number[][] = [];
  for (let code = 0; code < C ** T; code++) {
    const path = Array.from({ length: T }, (_, t) => Math.floor(code / C ** t) % C);
    const out = collapse(path, blank);
    if (out.length === label.length && out.every((c, i) => c === label[i])) valid.push(path);
  }
  if (valid.length === 0) return Infinity;
  return tf.tidy(() => {
    const flat = tf.tensor1d(logProbs.flat());
    const index = tf.tensor2d(valid.map((p) => p.map((c, t) => t * C + c)), undefined, 'int32');
    const pathLogProb = tf.sum(tf.gather(flat, index), 1);
    return -tf.logSumExp(pathLogProb).dataSync()[0]!;
  });
}

/** tf.argMax per step, then the collapse. */
export function ctcGreedyDecode(logProbs: number[][], blank: number): number[] {
  const best = tf.tidy(() => Array.from(tf.argMax(tf.tensor2d(logProbs), 1).dataSync()));
  return collapse(best, blank);
}
