/** ROC curve over the distinct thresholds, and its area by the trapezoid rule. */
export function rocCurve(labels: number[], scores: number[]): { fpr: number[]; tpr: number[] } {
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  // visit the examples from the highest score to the lowest
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tp++;
    else fp++;
    // emit a point only once every example with this same score has been counted
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      fpr.push(fp / negatives);
      tpr.push(tp / positives);
    }
  }
  return { fpr, tpr };
}

export function rocAuc(labels: number[], scores: number[]): number {
  const { fpr, tpr } = rocCurve(labels, scores);
  let area = 0;
  for (let k = 1; k < fpr.length; k++) {
    area += ((fpr[k]! - fpr[k - 1]!) * (tpr[k]! + tpr[k - 1]!)) / 2;
  }
  return area;
}
