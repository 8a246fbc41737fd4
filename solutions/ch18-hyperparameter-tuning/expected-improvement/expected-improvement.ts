/** RBF kernel k(a, b) = σ_f²·exp(−(a − b)²/(2ℓ²)). */
function rbf(a: number, b: number, lengthScale: number, signal: number): number {
  return signal * signal * Math.exp(-((a - b) ** 2) / (2 * lengthScale * lengthScale));
}

/** Lower-triangular L with L·Lᵀ = A (A symmetric positive definite). */
function cholesky(A: number[][]): number[][] {
  const n = A.length;
  const L = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      L[i]![j] = i === j ? Math.sqrt(s) : s / L[j]![j]!;
    }
  }
  return L;
}

/** Solves L·x = b by forward substitution (L lower triangular). */
function forward(L: number[][], b: number[]): number[] {
  const x: number[] = [];
  for (let i = 0; i < b.length; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * x[k]!;
    x.push(s / L[i]![i]!);
  }
  return x;
}

/** Solves Lᵀ·x = b by back substitution. */
function backward(L: number[][], b: number[]): number[] {
  const n = b.length;
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/**
 * Posterior of a zero-mean GP with RBF kernel, observations ys at xs with Gaussian noise σ_n, at
 * the queries xq: mean k*ᵀ(K + σ_n²I)⁻¹y and std √(k(x*, x*) − k*ᵀ(K + σ_n²I)⁻¹k*) of the latent f.
 * With K + σ_n²I = L·Lᵀ: α = L⁻ᵀL⁻¹y, v = L⁻¹k*, variance σ_f² − v·v.
 */
export function gpPosterior(xs: number[], ys: number[], xq: number[], lengthScale: number, signal: number, noise: number): { mean: number[]; std: number[] } {
  const K = xs.map((a, i) => xs.map((b, j) => rbf(a, b, lengthScale, signal) + (i === j ? noise * noise : 0)));
  const L = cholesky(K);
  const alpha = backward(L, forward(L, ys));
  const mean: number[] = [];
  const std: number[] = [];
  for (const q of xq) {
    const ks = xs.map((x) => rbf(q, x, lengthScale, signal));
    mean.push(ks.reduce((s, k, i) => s + k * alpha[i]!, 0));
    const v = forward(L, ks);
    std.push(Math.sqrt(Math.max(0, signal * signal - v.reduce((s, vi) => s + vi * vi, 0))));
  }
  return { mean, std };
}

/** erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const y = 1 - poly * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/**
 * Expected improvement for maximisation: with the gain g = μ − best − ξ and z = g/σ,
 * EI = g·Φ(z) + σ·φ(z); with σ = 0 the outcome is certain and EI = max(g, 0).
 */
export function expectedImprovement(mean: number[], std: number[], best: number, xi: number): number[] {
  return mean.map((mu, i) => {
    const sigma = std[i]!;
    const gain = mu - best - xi;
    if (sigma <= 0) return Math.max(gain, 0);
    const z = gain / sigma;
    const cdf = 0.5 * (1 + erf(z / Math.SQRT2));
    const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    return gain * cdf + sigma * pdf;
  });
}
