export interface AdamState {
  m: number[];
  v: number[];
  t: number;
}

export interface AdamHyper {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** One Adam step (Kingma & Ba) with bias correction; ε is added after the square root. */
export function adamStep(params: number[], grads: number[], state: AdamState, hp: AdamHyper): { params: number[]; state: AdamState } {
  const { lr, beta1, beta2, epsilon } = hp;
  const t = state.t + 1;
  const m: number[] = [];
  const v: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]!;
    m.push(beta1 * state.m[i]! + (1 - beta1) * g); // first moment: running mean of g
    v.push(beta2 * state.v[i]! + (1 - beta2) * g * g); // second moment: running mean of g²
    const mHat = m[i]! / (1 - beta1 ** t); // undo the bias towards 0 of the first steps
    const vHat = v[i]! / (1 - beta2 ** t);
    next.push(params[i]! - (lr * mHat) / (Math.sqrt(vHat) + epsilon));
  }
  return { params: next, state: { m, v, t } };
}
