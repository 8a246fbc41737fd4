const clip = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * PPO's clipped surrogate, as a loss to minimise: −mean_t min(r_t·A_t, clip(r_t, 1 − ε, 1 + ε)·A_t)
 * with r_t = exp(logpNew_t − logpOld_t); its gradient with respect to logpNew; and the fraction of
 * samples whose ratio left [1 − ε, 1 + ε].
 */
export function ppoClip(
  logpNew: number[],
  logpOld: number[],
  advantages: number[],
  clipEps: number,
): { loss: number; dLogpNew: number[]; clipFraction: number } {
  const N = logpNew.length;
  let total = 0;
  let clipped = 0;
  const dLogpNew = logpNew.map((lp, t) => {
    const r = Math.exp(lp - logpOld[t]!);
    const A = advantages[t]!;
    const unclippedTerm = r * A;
    const clippedTerm = clip(r, 1 - clipEps, 1 + clipEps) * A;
    if (Math.abs(r - 1) > clipEps) clipped++;
    total += Math.min(unclippedTerm, clippedTerm);
    // d(r·A)/d logp = r·A; the clipped branch is constant in logp once the ratio is outside the range
    return unclippedTerm <= clippedTerm ? -unclippedTerm / N : 0;
  });
  return { loss: -total / N, dLogpNew, clipFraction: clipped / N };
}
