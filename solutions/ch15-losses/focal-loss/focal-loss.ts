const EPSILON = 1e-7;

/** Binary focal loss (Lin et al.): mean over samples of −α_t·(1 − p_t)^γ·log(p_t), with p clipped to [ε, 1 − ε]. */
export function focalLoss(p: number[], y: (0 | 1)[], gamma: number, alpha: number): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const prob = Math.min(Math.max(p[i]!, EPSILON), 1 - EPSILON); // keeps log() finite
    const positive = y[i] === 1;
    const pt = positive ? prob : 1 - prob; // probability given to the true class
    const alphaT = positive ? alpha : 1 - alpha;
    total += -alphaT * (1 - pt) ** gamma * Math.log(pt);
  }
  return total / p.length;
}
