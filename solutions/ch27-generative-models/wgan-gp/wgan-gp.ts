/** x̂ = ε·real + (1 − ε)·fake, one ε per row. */
export function interpolate(real: number[][], fake: number[][], eps: number[]): number[][] {
  return real.map((row, i) => row.map((r, j) => eps[i]! * r + (1 - eps[i]!) * fake[i]![j]!));
}

/** ∇ₓ [vᵀ tanh(Wx + b)] = Wᵀ (v ⊙ (1 − tanh²(Wx + b))). */
export function criticGradient(x: number[], W: number[][], b: number[], v: number[]): number[] {
  // backward through tanh: dD/da_k = v_k · (1 − tanh²(a_k))
  const dA = W.map((row, k) => {
    const a = row.reduce((sum, w, j) => sum + w * x[j]!, b[k]!);
    const t = Math.tanh(a);
    return v[k]! * (1 - t * t);
  });
  // backward through the linear layer: dD/dx_j = Σ_k W_kj · dD/da_k
  return x.map((_, j) => W.reduce((sum, row, k) => sum + row[j]! * dA[k]!, 0));
}

/** λ · mean over the batch of (‖∇D(x̂)‖₂ − 1)². */
export function gradientPenalty(real: number[][], fake: number[][], eps: number[], W: number[][], b: number[], v: number[], lambda: number): number {
  const points = interpolate(real, fake, eps);
  let total = 0;
  for (const xHat of points) {
    const g = criticGradient(xHat, W, b, v);
    const norm = Math.sqrt(g.reduce((s, gj) => s + gj * gj, 0));
    total += (norm - 1) ** 2;
  }
  return (lambda * total) / points.length;
}
