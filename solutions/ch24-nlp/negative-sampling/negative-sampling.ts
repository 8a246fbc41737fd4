function dot(a: number[], b: number[]): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** softplus(x) = log(1 + eˣ) = −log σ(−x), without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export function negativeSamplingLoss(center: number[], context: number[], negatives: number[][]): number {
  let loss = softplus(-dot(context, center)); // −log σ(v_o·v_i)
  for (const negative of negatives) loss += softplus(dot(negative, center)); // −log σ(−v_k·v_i)
  return loss;
}

export function negativeSamplingGrads(center: number[], context: number[], negatives: number[][]): { dCenter: number[]; dContext: number[]; dNegatives: number[][] } {
  const positiveError = sigmoid(dot(context, center)) - 1; // s_o − 1
  const negativeScores = negatives.map((negative) => sigmoid(dot(negative, center))); // s_k
  const dCenter = center.map((_, j) => positiveError * context[j]! + negatives.reduce((sum, negative, k) => sum + negativeScores[k]! * negative[j]!, 0));
  const dContext = center.map((c) => positiveError * c);
  const dNegatives = negativeScores.map((s) => center.map((c) => s * c));
  return { dCenter, dContext, dNegatives };
}
