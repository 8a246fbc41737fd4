/** Negative log-likelihood of a normal sample, its gradient, and the maximum-likelihood estimates. */

function sumOfSquares(x: number[], mu: number): number {
  return x.reduce((acc, v) => acc + (v - mu) ** 2, 0);
}

export function gaussianNll(x: number[], mu: number, sigma: number): number {
  const n = x.length;
  return (n / 2) * Math.log(2 * Math.PI * sigma * sigma) + sumOfSquares(x, mu) / (2 * sigma * sigma);
}

/**
 * ∂NLL/∂μ = −Σ(x − μ)/σ²
 * ∂NLL/∂σ = N/σ − Σ(x − μ)²/σ³
 */
export function gaussianNllGradient(x: number[], mu: number, sigma: number): { dmu: number; dsigma: number } {
  const n = x.length;
  const residual = x.reduce((acc, v) => acc + (v - mu), 0);
  return {
    dmu: -residual / (sigma * sigma),
    dsigma: n / sigma - sumOfSquares(x, mu) / sigma ** 3,
  };
}

/** Setting both derivatives to zero gives the sample mean and the biased (÷N) deviation. */
export function gaussianMle(x: number[]): { mu: number; sigma: number } {
  const n = x.length;
  const mu = x.reduce((a, b) => a + b, 0) / n;
  return { mu, sigma: Math.sqrt(sumOfSquares(x, mu) / n) };
}
