/** log Σ exp(z), shifted by the maximum so large logits do not overflow. */
function logSumExp(z: number[]): number {
  const max = Math.max(...z);
  return max + Math.log(z.reduce((acc, v) => acc + Math.exp(v - max), 0));
}

/**
 * Cross-entropy against smoothed targets q = (1 − ε)·onehot(y) + ε/K, averaged over the batch,
 * and its gradient with respect to the logits: (softmax(z) − q)/N.
 */
export function labelSmoothingCE(logits: number[][], labels: number[], eps: number): { loss: number; dLogits: number[][] } {
  const N = logits.length;
  let loss = 0;
  const dLogits = logits.map((z, i) => {
    const K = z.length;
    const lse = logSumExp(z);
    const q = z.map((_, k) => (k === labels[i] ? 1 - eps : 0) + eps / K);
    loss += q.reduce((acc, qk, k) => acc - qk * (z[k]! - lse), 0); // −Σ q_k log p_k
    return z.map((v, k) => (Math.exp(v - lse) - q[k]!) / N);
  });
  return { loss: loss / N, dLogits };
}
