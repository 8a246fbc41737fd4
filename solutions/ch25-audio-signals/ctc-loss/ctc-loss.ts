/** log(e^a + e^b) without overflow; −Infinity is the log of 0. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * CTC negative log-likelihood by the forward (α) recursion in log space over the extended label
 * l' = (blank, l1, blank, l2, …, lL, blank).
 */
export function ctcLoss(logProbs: number[][], label: number[], blank: number): number {
  const ext = [blank, ...label.flatMap((c) => [c, blank])];
  const S = ext.length;
  let alpha = ext.map((_, s) => (s === 0 ? logProbs[0]![blank]! : s === 1 ? logProbs[0]![ext[1]!]! : -Infinity));
  for (let t = 1; t < logProbs.length; t++) {
    alpha = ext.map((c, s) => {
      let a = alpha[s]!; // stay
      if (s >= 1) a = logAdd(a, alpha[s - 1]!); // advance one
      // skip the blank between two different labels (never between a repeated label)
      if (s >= 2 && c !== blank && c !== ext[s - 2]) a = logAdd(a, alpha[s - 2]!);
      return a + logProbs[t]![c]!;
    });
  }
  const end = S > 1 ? logAdd(alpha[S - 1]!, alpha[S - 2]!) : alpha[S - 1]!;
  return -end;
}

/** Best path: argmax at every step, merge repeated symbols, then drop the blanks. */
export function ctcGreedyDecode(logProbs: number[][], blank: number): number[] {
  const best = logProbs.map((row) => row.indexOf(Math.max(...row)));
  return best.filter((c, t) => c !== blank && (t === 0 || c !== best[t - 1]));
}
