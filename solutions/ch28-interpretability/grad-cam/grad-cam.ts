/**
 * Gradient of the head y = Σ_k w_k · GAP(A)_k with respect to A (H×W×K): every position of channel
 * k contributes A_ijk/(H·W) to the channel's average, so ∂y/∂A_ijk = w_k/(H·W).
 */
export function gapDenseGrad(A: number[][][], w: number[]): number[][][] {
  const positions = A.length * A[0]!.length;
  return A.map((row) => row.map((pixel) => pixel.map((_, k) => w[k]! / positions)));
}

/**
 * Grad-CAM: α_k = mean over the H×W positions of ∂y/∂A_ijk, L_ij = ReLU(Σ_k α_k·A_ijk), then L
 * divided by its maximum so the map lies in [0, 1]. A map with no positive value is all zeros.
 */
export function gradCam(A: number[][][], dYdA: number[][][]): number[][] {
  const H = A.length;
  const W = A[0]!.length;
  const K = A[0]![0]!.length;
  const alpha = new Array<number>(K).fill(0);
  for (const row of dYdA) for (const pixel of row) pixel.forEach((g, k) => (alpha[k]! += g / (H * W)));

  const map = A.map((row) => row.map((pixel) => Math.max(0, pixel.reduce((s, a, k) => s + alpha[k]! * a, 0))));
  const peak = Math.max(...map.flat());
  return map.map((row) => row.map((v) => (peak > 0 ? v / peak : 0)));
}
