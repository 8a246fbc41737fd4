export interface AdamHyper {
  lr: number;
  lambda: number;
  beta1: number;
  beta2: number;
  eps: number;
  steps: number;
}

/** ∇L(w) for L(w) = (1/N)·Σ_i (x_i·w − y_i)². */
function mseGradient(w: number[], X: number[][], y: number[]): number[] {
  const n = X.length;
  const grad = w.map(() => 0);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    let residual = -y[i]!;
    for (let j = 0; j < w.length; j++) residual += row[j]! * w[j]!;
    for (let j = 0; j < w.length; j++) grad[j]! += (2 * residual * row[j]!) / n;
  }
  return grad;
}

/** Adam with bias correction; the decay λ·w goes either into the gradient (L2) or straight into the step (AdamW). */
function adam(w0: number[], X: number[][], y: number[], hp: AdamHyper, decoupled: boolean): number[] {
  const w = [...w0];
  const m = w.map(() => 0);
  const v = w.map(() => 0);
  for (let t = 1; t <= hp.steps; t++) {
    const grad = mseGradient(w, X, y);
    for (let j = 0; j < w.length; j++) {
      const g = decoupled ? grad[j]! : grad[j]! + hp.lambda * w[j]!;
      m[j] = hp.beta1 * m[j]! + (1 - hp.beta1) * g;
      v[j] = hp.beta2 * v[j]! + (1 - hp.beta2) * g * g;
      const mHat = m[j]! / (1 - hp.beta1 ** t);
      const vHat = v[j]! / (1 - hp.beta2 ** t);
      const decay = decoupled ? hp.lambda * w[j]! : 0;
      w[j] = w[j]! - hp.lr * (mHat / (Math.sqrt(vHat) + hp.eps) + decay);
    }
  }
  return w;
}

export function adamL2(w0: number[], X: number[][], y: number[], hp: AdamHyper): number[] {
  return adam(w0, X, y, hp, false);
}

export function adamW(w0: number[], X: number[][], y: number[], hp: AdamHyper): number[] {
  return adam(w0, X, y, hp, true);
}
