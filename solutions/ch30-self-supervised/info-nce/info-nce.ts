export interface InfoNceResult {
  loss: number;
  accuracy: number;
}

function dot(u: number[], v: number[]): number {
  return u.reduce((s, x, i) => s + x * v[i]!, 0);
}

/**
 * InfoNCE as in MoCo: each query q has one positive key k₊ and shares the K negatives of the queue.
 *   ℓ = −log( exp(q·k₊/τ) / (exp(q·k₊/τ) + Σ_j exp(q·n_j/τ)) ), averaged over the batch.
 * accuracy: share of queries whose positive scores strictly higher than every negative.
 */
export function infoNce(queries: number[][], keys: number[][], queue: number[][], tau: number): InfoNceResult {
  let lossSum = 0;
  let hits = 0;
  queries.forEach((q, b) => {
    const positive = dot(q, keys[b]!) / tau;
    const negatives = queue.map((n) => dot(q, n) / tau);
    // −log softmax of the positive = logsumexp(all logits) − positive, shifted by the max for stability
    const max = Math.max(positive, ...negatives);
    const sumExp = Math.exp(positive - max) + negatives.reduce((s, l) => s + Math.exp(l - max), 0);
    lossSum += max + Math.log(sumExp) - positive;
    if (negatives.every((l) => positive > l)) hits++;
  });
  return { loss: lossSum / queries.length, accuracy: hits / queries.length };
}
