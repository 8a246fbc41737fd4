/** Inverted dropout: scale the kept units by 1/(1 − p) while training, do nothing at evaluation. */

export function dropoutForward(x: number[][], mask: number[][], p: number, training: boolean): number[][] {
  if (!training) return x.map((row) => [...row]);
  const scale = 1 / (1 - p); // keeps E[y] = x, so evaluation needs no correction
  return x.map((row, i) => row.map((v, j) => v * mask[i]![j]! * scale));
}

/** y = x·m/(1 − p) is linear in x: the same mask and scale multiply the gradient. */
export function dropoutBackward(dy: number[][], mask: number[][], p: number): number[][] {
  const scale = 1 / (1 - p);
  return dy.map((row, i) => row.map((g, j) => g * mask[i]![j]! * scale));
}
