import * as tf from '@tensorflow/tfjs';

export interface Params {
  W: number[][];
  b: number[];
}

export interface PerExample {
  loss: number[];
  W: number[][][];
  b: number[][];
}

const loss = (W: tf.Tensor, b: tf.Tensor, x: tf.Tensor, y: tf.Tensor): tf.Scalar =>
  tf.tanh(tf.matMul(x, W).add(b)).sub(y).square().sum().mul(0.5) as tf.Scalar;

/** tf.valueAndGrads of the one-example loss, applied to every row: what vmap(value_and_grad) computes. */
export function perExampleGrads(params: Params, X: number[][], Y: number[][]): PerExample {
  const out: PerExample = { loss: [], W: [], b: [] };
  tf.tidy(() => {
    const W = tf.tensor2d(params.W, [params.W.length, params.b.length]);
    const b = tf.tensor1d(params.b);
    const vg = tf.valueAndGrads((w: tf.Tensor, bias: tf.Tensor, x: tf.Tensor, y: tf.Tensor) => loss(w, bias, x, y));
    X.forEach((row, i) => {
      const x = tf.tensor2d([row]);
      const y = tf.tensor2d([Y[i]!]);
      const { value, grads } = vg([W, b, x, y]);
      out.loss.push(value.dataSync()[0]!);
      out.W.push(grads[0]!.arraySync() as number[][]);
      out.b.push(Array.from(grads[1]!.dataSync()));
    });
  });
  return out;
}

/** The gradient of the MEAN loss over the batch (what grad of a batched loss gives), for the mean-of-per-example check. */
export function meanGradient(params: Params, X: number[][], Y: number[][]): { W: number[][]; b: number[] } {
  let result = { W: [] as number[][], b: [] as number[] };
  tf.tidy(() => {
    const x = tf.tensor2d(X, [X.length, params.W.length]);
    const y = tf.tensor2d(Y, [Y.length, params.b.length]);
    const [gW, gb] = tf.grads((w: tf.Tensor, bias: tf.Tensor) => loss(w, bias, x, y).div(X.length))([tf.tensor2d(params.W, [params.W.length, params.b.length]), tf.tensor1d(params.b)]);
    result = { W: gW!.arraySync() as number[][], b: Array.from(gb!.dataSync()) };
  });
  return result;
}
