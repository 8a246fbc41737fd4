export interface AttentionResult {
  output: number[][];
  weights: number[][];
}

/** Softmax over the allowed entries of one row; masked entries get exactly 0. */
function maskedSoftmax(scores: number[], allowed: boolean[]): number[] {
  const max = Math.max(...scores.filter((_, j) => allowed[j]));
  const exps = scores.map((s, j) => (allowed[j] ? Math.exp(s - max) : 0));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export function scaledDotProductAttention(Q: number[][], K: number[][], V: number[][], mask?: boolean[][]): AttentionResult {
  const scale = Math.sqrt(Q[0]!.length); // √d_k
  const weights = Q.map((q, i) => {
    const scores = K.map((k) => q.reduce((acc, qd, d) => acc + qd * k[d]!, 0) / scale);
    const allowed = mask ? mask[i]! : K.map(() => true);
    return maskedSoftmax(scores, allowed);
  });
  // each output row is the weighted average of the value rows
  const output = weights.map((w) => V[0]!.map((_, c) => w.reduce((acc, wj, j) => acc + wj * V[j]![c]!, 0)));
  return { output, weights };
}
