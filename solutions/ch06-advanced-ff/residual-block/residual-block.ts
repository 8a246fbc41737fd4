/** A dense residual block Y = X + relu(X·W1 + b1)·W2 + b2, forward and backward. */

export interface ResidualGrads {
  dX: number[][];
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

/** A (n×k) times B (k×m). */
function matmul(A: number[][], B: number[][]): number[][] {
  const m = B[0]!.length;
  return A.map((row) => {
    const out = new Array<number>(m).fill(0);
    row.forEach((a, k) => B[k]!.forEach((b, j) => (out[j]! += a * b)));
    return out;
  });
}

function transpose(A: number[][]): number[][] {
  return A[0]!.map((_, j) => A.map((row) => row[j]!));
}

function addBias(A: number[][], b: number[]): number[][] {
  return A.map((row) => row.map((v, j) => v + b[j]!));
}

function sumRows(A: number[][]): number[] {
  return A[0]!.map((_, j) => A.reduce((acc, row) => acc + row[j]!, 0));
}

export function residualForward(X: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  const H = addBias(matmul(X, W1), b1).map((row) => row.map((v) => Math.max(0, v)));
  const F = addBias(matmul(H, W2), b2);
  return X.map((row, n) => row.map((x, d) => x + F[n]![d]!)); // the skip connection
}

export function residualBackward(
  X: number[][],
  W1: number[][],
  b1: number[],
  W2: number[][],
  _b2: number[], // b2 shifts Y but does not change any gradient
  dY: number[][],
): ResidualGrads {
  // forward again, keeping the pre-activation A for relu'
  const A = addBias(matmul(X, W1), b1);
  const H = A.map((row) => row.map((v) => Math.max(0, v)));

  // Y = X + F: the gradient reaches F unchanged, and X directly through the skip
  const dF = dY;
  const dW2 = matmul(transpose(H), dF);
  const db2 = sumRows(dF);
  const dH = matmul(dF, transpose(W2));
  const dA = dH.map((row, n) => row.map((g, h) => (A[n]![h]! > 0 ? g : 0))); // relu'(0) = 0
  const dW1 = matmul(transpose(X), dA);
  const db1 = sumRows(dA);
  const dXbranch = matmul(dA, transpose(W1));
  const dX = dY.map((row, n) => row.map((g, d) => g + dXbranch[n]![d]!)); // identity path + branch
  return { dX, dW1, db1, dW2, db2 };
}
