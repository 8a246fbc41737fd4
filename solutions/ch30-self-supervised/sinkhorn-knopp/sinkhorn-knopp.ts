/**
 * Soft cluster assignments ("codes") for SwAV with the Sinkhorn-Knopp algorithm.
 * scores[b][k] is the similarity of sample b to prototype k. Starting from exp(scores/ε), the matrix is
 * alternately rescaled so that every prototype gets the same total mass (1/K) and every sample the
 * same mass (1/B); at the end each sample's codes are renormalised to add up to 1.
 */
export function sinkhornKnopp(scores: number[][], epsilon: number, iterations: number): number[][] {
  const B = scores.length;
  const K = scores[0]!.length;
  const max = Math.max(...scores.flat()); // a global shift cancels in every normalisation
  const Q = scores.map((row) => row.map((s) => Math.exp((s - max) / epsilon)));
  const total = Q.flat().reduce((a, b) => a + b, 0);
  for (const row of Q) for (let k = 0; k < K; k++) row[k]! /= total;

  for (let it = 0; it < iterations; it++) {
    // prototypes: column k of Q (over the samples) must add up to 1/K
    for (let k = 0; k < K; k++) {
      let mass = 0;
      for (let b = 0; b < B; b++) mass += Q[b]![k]!;
      for (let b = 0; b < B; b++) Q[b]![k]! /= mass * K;
    }
    // samples: row b of Q (over the prototypes) must add up to 1/B
    for (const row of Q) {
      const mass = row.reduce((a, v) => a + v, 0);
      for (let k = 0; k < K; k++) row[k]! /= mass * B;
    }
  }

  return Q.map((row) => {
    const mass = row.reduce((a, v) => a + v, 0);
    return row.map((v) => v / mass);
  });
}
