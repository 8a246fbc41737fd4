/** (center, context) pairs: every word within distance 1 … k of each center, in sentence order. */
export function skipgramPairs(tokens: string[], window: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (let t = 0; t < tokens.length; t++) {
    const from = Math.max(0, t - window);
    const to = Math.min(tokens.length - 1, t + window);
    for (let j = from; j <= to; j++) {
      if (j !== t) pairs.push([tokens[t]!, tokens[j]!]);
    }
  }
  return pairs;
}

/** a·b / (‖a‖·‖b‖), or 0 when either vector is zero. */
export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}
