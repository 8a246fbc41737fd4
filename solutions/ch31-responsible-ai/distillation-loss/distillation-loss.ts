/** log softmax(z / T) for one row, shifted by the max for stability. */
function logSoftmax(z: number[], T: number): number[] {
  const scaled = z.map((v) => v / T);
  const max = Math.max(...scaled);
  const logSum = max + Math.log(scaled.reduce((s, v) => s + Math.exp(v - max), 0));
  return scaled.map((v) => v - logSum);
}

/**
 * Knowledge distillation (Hinton et al., 2015) in the book's form (§31.2), averaged over the batch:
 *   α·CE(y, p_s^1) + (1 − α)·T²·KL(p_t^T ‖ p_s^T),
 * where p^T = softmax(z / T). T² keeps the soft term's gradients on the same scale as the hard term's.
 */
export function distillationLoss(studentLogits: number[][], teacherLogits: number[][], labels: number[], T: number, alpha: number): number {
  let total = 0;
  for (let b = 0; b < studentLogits.length; b++) {
    const logPs = logSoftmax(studentLogits[b]!, T);
    const logPt = logSoftmax(teacherLogits[b]!, T);
    let kl = 0;
    for (let c = 0; c < logPt.length; c++) kl += Math.exp(logPt[c]!) * (logPt[c]! - logPs[c]!);
    const hard = -logSoftmax(studentLogits[b]!, 1)[labels[b]!]!;
    total += alpha * hard + (1 - alpha) * T * T * kl;
  }
  return total / studentLogits.length;
}
