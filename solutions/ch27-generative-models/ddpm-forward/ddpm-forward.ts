/** T evenly spaced noise rates from betaStart to betaEnd (both included). */
export function linearBetas(T: number, betaStart: number, betaEnd: number): number[] {
  const step = (betaEnd - betaStart) / (T - 1);
  return Array.from({ length: T }, (_, i) => betaStart + step * i);
}

/** Cosine schedule: β_t = 1 − ᾱ(t)/ᾱ(t − 1), clipped at 0.999, from f(t) = cos²((t/T + s)/(1 + s)·π/2). */
export function cosineBetas(T: number, s = 0.008): number[] {
  const f = (t: number) => Math.cos(((t / T + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  const betas: number[] = [];
  for (let t = 1; t <= T; t++) {
    const ratio = f(t) / f(t - 1); // ᾱ(t)/ᾱ(t − 1): the f(0) normalisation cancels
    betas.push(Math.min(1 - ratio, 0.999));
  }
  return betas;
}

/** ᾱ_t = Π_{i ≤ t} (1 − β_i). */
export function alphaBars(betas: number[]): number[] {
  const bars: number[] = [];
  let product = 1;
  for (const beta of betas) {
    product *= 1 - beta;
    bars.push(product);
  }
  return bars;
}

/** x_t = √ᾱ_t·x0 + √(1 − ᾱ_t)·ε, with t counted from 1. */
export function qSample(x0: number[], t: number, alphaBars: number[], eps: number[]): number[] {
  const bar = alphaBars[t - 1]!;
  const signal = Math.sqrt(bar);
  const noise = Math.sqrt(1 - bar);
  return x0.map((x, i) => signal * x + noise * eps[i]!);
}
