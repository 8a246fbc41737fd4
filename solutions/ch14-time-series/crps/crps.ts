/** erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const y = 1 - poly * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

const pdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const cdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

/** Closed form for a Gaussian forecast N(μ, σ²): σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π] with z = (y − μ)/σ. */
export function crpsGaussian(mu: number[], sigma: number[], y: number[]): number[] {
  return mu.map((m, i) => {
    const s = sigma[i]!;
    const z = (y[i]! - m) / s;
    return s * (z * (2 * cdf(z) - 1) + 2 * pdf(z) - 1 / Math.sqrt(Math.PI));
  });
}

/** Ensemble estimator: mean |s_k − y| minus half the mean |s_k − s_l| over all K² pairs. */
export function crpsEnsemble(samples: number[][], y: number[]): number[] {
  return samples.map((s, i) => {
    const K = s.length;
    const toObs = s.reduce((acc, v) => acc + Math.abs(v - y[i]!), 0) / K;
    let pairs = 0;
    for (const a of s) for (const b of s) pairs += Math.abs(a - b);
    return toObs - pairs / (2 * K * K);
  });
}
