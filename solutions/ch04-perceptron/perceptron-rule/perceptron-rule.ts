/** Perceptron prediction: 1 when the potential z = w·x + b is ≥ 0, else 0. */
export function predict(w: number[], b: number, x: number[]): 0 | 1 {
  let z = b;
  for (let i = 0; i < w.length; i++) z += w[i]! * x[i]!;
  return z >= 0 ? 1 : 0;
}

/** One Rosenblatt update: w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ). Returns new values. */
export function perceptronStep(w: number[], b: number, x: number[], y: 0 | 1, lr: number): { w: number[]; b: number } {
  const error = y - predict(w, b, x); // 0 when correct, +1 or −1 when wrong
  const newW = w.map((wi, i) => wi + lr * error * x[i]!);
  return { w: newW, b: b + lr * error };
}

/**
 * Trains from zeros, visiting the samples in order each epoch. errors[e] counts the samples that
 * were misclassified when visited during epoch e; training stops after the first epoch with none.
 */
export function trainPerceptron(X: number[][], y: (0 | 1)[], opts: { lr: number; epochs: number }): { w: number[]; b: number; errors: number[] } {
  let w = new Array<number>(X[0]?.length ?? 0).fill(0);
  let b = 0;
  const errors: number[] = [];
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    let mistakes = 0;
    for (let n = 0; n < X.length; n++) {
      const x = X[n]!;
      const target = y[n]!;
      if (predict(w, b, x) !== target) mistakes++;
      ({ w, b } = perceptronStep(w, b, x, target, opts.lr));
    }
    errors.push(mistakes);
    if (mistakes === 0) break;
  }
  return { w, b, errors };
}
