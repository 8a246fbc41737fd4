/** Row-wise log-sum-exp, softmax and log-softmax, shifted by the row maximum so exp() never overflows. */

function rowLogSumExp(row: number[]): number {
  const m = Math.max(...row);
  let sum = 0;
  for (const v of row) sum += Math.exp(v - m); // every term ≤ 1, and the largest is exactly 1
  return m + Math.log(sum);
}

export function logSumExp(x: number[][]): number[] {
  return x.map(rowLogSumExp);
}

export function logSoftmax(x: number[][]): number[][] {
  return x.map((row) => {
    const lse = rowLogSumExp(row);
    return row.map((v) => v - lse);
  });
}

export function softmax(x: number[][]): number[][] {
  return x.map((row) => {
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  });
}
