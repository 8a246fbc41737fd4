/** Dice loss: 1 − (2·Σp·t + s) / (Σp + Σt + s), sums over every pixel. */
export function diceLoss(pred: number[][], target: number[][], smooth = 1): number {
  let intersection = 0;
  let sumPred = 0;
  let sumTarget = 0;
  for (let i = 0; i < pred.length; i++) {
    for (let j = 0; j < pred[i]!.length; j++) {
      const p = pred[i]![j]!;
      const t = target[i]![j]!;
      intersection += p * t;
      sumPred += p;
      sumTarget += t;
    }
  }
  return 1 - (2 * intersection + smooth) / (sumPred + sumTarget + smooth);
}
