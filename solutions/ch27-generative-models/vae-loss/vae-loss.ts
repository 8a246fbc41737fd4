/** z = μ + σ·ε with σ = exp(logvar / 2). */
export function reparameterize(mu: number[][], logvar: number[][], eps: number[][]): number[][] {
  return mu.map((row, i) => row.map((m, j) => m + Math.exp(logvar[i]![j]! / 2) * eps[i]![j]!));
}

export interface VaeLoss {
  reconstruction: number;
  kl: number;
  total: number;
}

/** Negative ELBO per example, averaged over the batch: BCE (summed over features) + β·KL. */
export function vaeLoss(x: number[][], xHat: number[][], mu: number[][], logvar: number[][], beta: number): VaeLoss {
  const batch = x.length;
  let reconstruction = 0;
  for (let i = 0; i < batch; i++) {
    for (let j = 0; j < x[i]!.length; j++) {
      const t = x[i]![j]!;
      const p = xHat[i]![j]!;
      reconstruction -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
    }
  }
  reconstruction /= batch;

  let kl = 0;
  for (let i = 0; i < batch; i++) {
    for (let j = 0; j < mu[i]!.length; j++) {
      const m = mu[i]![j]!;
      const lv = logvar[i]![j]!;
      kl += -0.5 * (1 + lv - m * m - Math.exp(lv));
    }
  }
  kl /= batch;

  return { reconstruction, kl, total: reconstruction + beta * kl };
}

/** ∂KL/∂μ = μ / B and ∂KL/∂logvar = ½(e^logvar − 1) / B. */
export function klGradients(mu: number[][], logvar: number[][]): { dMu: number[][]; dLogvar: number[][] } {
  const batch = mu.length;
  return {
    dMu: mu.map((row) => row.map((m) => m / batch)),
    dLogvar: logvar.map((row) => row.map((lv) => (0.5 * (Math.exp(lv) - 1)) / batch)),
  };
}
