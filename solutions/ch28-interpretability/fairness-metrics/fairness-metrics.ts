export interface FairnessReport {
  statisticalParity: number;
  equalOpportunity: number;
  equalizedOdds: number;
  disparateImpact: number;
}

/** max − min of a list of rates. */
function spread(rates: number[]): number {
  return Math.max(...rates) - Math.min(...rates);
}

/**
 * Group-fairness audit of binary predictions ŷ against labels y for groups 0..G−1:
 * per group, P(ŷ=1), TPR = P(ŷ=1 | y=1) and FPR = P(ŷ=1 | y=0); each gap is max − min across groups.
 */
export function fairnessMetrics(predictions: number[], labels: number[], groups: number[]): FairnessReport {
  const G = Math.max(...groups) + 1;
  const positiveRate: number[] = [];
  const tpr: number[] = [];
  const fpr: number[] = [];
  for (let g = 0; g < G; g++) {
    let size = 0, predictedPositive = 0, positives = 0, truePositives = 0, negatives = 0, falsePositives = 0;
    for (let i = 0; i < groups.length; i++) {
      if (groups[i] !== g) continue;
      size++;
      predictedPositive += predictions[i]!;
      if (labels[i] === 1) {
        positives++;
        truePositives += predictions[i]!;
      } else {
        negatives++;
        falsePositives += predictions[i]!;
      }
    }
    positiveRate.push(predictedPositive / size);
    tpr.push(truePositives / positives);
    fpr.push(falsePositives / negatives);
  }
  const highest = Math.max(...positiveRate);
  return {
    statisticalParity: spread(positiveRate),
    equalOpportunity: spread(tpr),
    equalizedOdds: Math.max(spread(tpr), spread(fpr)),
    disparateImpact: highest === 0 ? 1 : Math.min(...positiveRate) / highest,
  };
}
