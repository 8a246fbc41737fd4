/** Confusion matrix and the precision / recall / F1 derived from it. */

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** cm[i][j] counts the examples of true class i predicted as class j. */
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  const cm: number[][] = [];
  for (let i = 0; i < numClasses; i++) cm.push(new Array<number>(numClasses).fill(0));
  for (let n = 0; n < yTrue.length; n++) {
    cm[yTrue[n]!]![yPred[n]!]! += 1;
  }
  return cm;
}

/** a / b, with 0 / 0 taken as 0. */
function safeDiv(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function f1Of(precision: number, recall: number): number {
  return safeDiv(2 * precision * recall, precision + recall);
}

export function classificationScores(cm: number[][], average: 'macro' | 'micro' | 'weighted'): Scores {
  const k = cm.length;
  // per class: true positives, predicted count (column sum) and support (row sum)
  const tp: number[] = [];
  const predicted: number[] = [];
  const support: number[] = [];
  for (let c = 0; c < k; c++) {
    tp.push(cm[c]![c]!);
    let col = 0;
    let row = 0;
    for (let j = 0; j < k; j++) {
      col += cm[j]![c]!;
      row += cm[c]![j]!;
    }
    predicted.push(col);
    support.push(row);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  if (average === 'micro') {
    // every FP of one class is an FN of another: both totals equal the number of examples
    const precision = safeDiv(sum(tp), sum(predicted));
    const recall = safeDiv(sum(tp), sum(support));
    return { precision, recall, f1: f1Of(precision, recall) };
  }

  const precisions = tp.map((t, c) => safeDiv(t, predicted[c]!));
  const recalls = tp.map((t, c) => safeDiv(t, support[c]!));
  const f1s = precisions.map((p, c) => f1Of(p, recalls[c]!));
  const total = sum(support);
  const weights = average === 'macro' ? support.map(() => 1 / k) : support.map((s) => safeDiv(s, total));
  const weighted = (xs: number[]) => xs.reduce((acc, x, c) => acc + weights[c]! * x, 0);
  return { precision: weighted(precisions), recall: weighted(recalls), f1: weighted(f1s) };
}
