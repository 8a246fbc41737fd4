/** softplus(x) = log(1 + eˣ), written so that it never overflows. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

// −log σ(l) = softplus(−l)   and   −log(1 − σ(l)) = softplus(l)

export function discriminatorLoss(realLogits: number[], fakeLogits: number[]): number {
  const realTerm = mean(realLogits.map((l) => softplus(-l)));
  const fakeTerm = mean(fakeLogits.map((l) => softplus(l)));
  return realTerm + fakeTerm;
}

export function generatorLoss(fakeLogits: number[], kind: 'minimax' | 'non-saturating'): number {
  if (kind === 'minimax') return -mean(fakeLogits.map((l) => softplus(l)));
  return mean(fakeLogits.map((l) => softplus(-l)));
}

export function wganLosses(realScores: number[], fakeScores: number[]): { critic: number; generator: number } {
  return { critic: mean(fakeScores) - mean(realScores), generator: -mean(fakeScores) };
}

export function clipWeights(weights: number[][], c: number): number[][] {
  return weights.map((row) => row.map((w) => Math.min(Math.max(w, -c), c)));
}
