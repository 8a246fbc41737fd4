export interface EncoderParams {
  Wq: number[][]; // d×d
  Wk: number[][]; // d×d
  Wv: number[][]; // d×d
  Wo: number[][]; // d×d
  W1: number[][]; // d×dff
  b1: number[]; // dff
  W2: number[][]; // dff×d
  b2: number[]; // d
  gamma1: number[]; // d
  beta1: number[]; // d
  gamma2: number[]; // d
  beta2: number[]; // d
}

const EPS = 1e-5;
const matMul = (a: number[][], b: number[][]) => a.map((row) => b[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * b[k]![j]!, 0)));
const add = (a: number[][], b: number[][]) => a.map((row, i) => row.map((v, j) => v + b[i]![j]!));
const columns = (m: number[][], from: number, to: number) => m.map((row) => row.slice(from, to));

/** Each row (one token) normalised over its d features, then scaled by γ and shifted by β. */
export function layerNorm(X: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return X.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / row.length; // biased: 1/d
    const std = Math.sqrt(variance + eps);
    return row.map((v, j) => ((v - mean) / std) * gamma[j]! + beta[j]!);
  });
}

function softmax(row: number[]): number[] {
  const max = Math.max(...row);
  const exps = row.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

function multiHeadAttention(X: number[][], p: EncoderParams, heads: number): number[][] {
  const [Q, K, V] = [matMul(X, p.Wq), matMul(X, p.Wk), matMul(X, p.Wv)];
  const dh = p.Wq[0]!.length / heads;
  const concat: number[][] = X.map(() => []);
  for (let h = 0; h < heads; h++) {
    const [q, k, v] = [columns(Q, h * dh, (h + 1) * dh), columns(K, h * dh, (h + 1) * dh), columns(V, h * dh, (h + 1) * dh)];
    const weights = q.map((qi) => softmax(k.map((kj) => qi.reduce((acc, x, t) => acc + x * kj[t]!, 0) / Math.sqrt(dh))));
    matMul(weights, v).forEach((row, i) => concat[i]!.push(...row));
  }
  return matMul(concat, p.Wo);
}

/** Position-wise feed-forward network: ReLU(Z·W1 + b1)·W2 + b2, the same for every token. */
function feedForward(Z: number[][], p: EncoderParams): number[][] {
  const hidden = matMul(Z, p.W1).map((row) => row.map((v, j) => Math.max(0, v + p.b1[j]!)));
  return matMul(hidden, p.W2).map((row) => row.map((v, j) => v + p.b2[j]!));
}

/** One post-LN encoder layer: Z = LN(X + MHA(X)), Y = LN(Z + FFN(Z)). */
export function encoderLayer(X: number[][], params: EncoderParams, heads: number): number[][] {
  const Z = layerNorm(add(X, multiHeadAttention(X, params, heads)), params.gamma1, params.beta1, EPS);
  return layerNorm(add(Z, feedForward(Z, params)), params.gamma2, params.beta2, EPS);
}
