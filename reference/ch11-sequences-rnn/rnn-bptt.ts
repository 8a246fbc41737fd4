import * as tf from '@tensorflow/tfjs';

export interface RnnGradients {
  loss: number;
  dWxh: number[][];
  dWhh: number[][];
  db: number[];
  dh0: number[];
}

/** Unrolled vanilla RNN in tfjs ops; the gradients come from autodiff (tf.valueAndGrads), not from a hand-written BPTT. */
export function rnnBptt(xs: number[][], h0: number[], Wxh: number[][], Whh: number[][], b: number[], targets: number[][]): RnnGradients {
  return tf.tidy(() => {
    const inputs = xs.map((x) => tf.tensor2d(x, [x.length, 1]));
    const wanted = targets.map((y) => tf.tensor2d(y, [y.length, 1]));
    const lossOf = (wxh: tf.Tensor, whh: tf.Tensor, bias: tf.Tensor, start: tf.Tensor): tf.Scalar => {
      let h = start;
      let loss: tf.Tensor = tf.scalar(0);
      inputs.forEach((x, t) => {
        h = tf.tanh(tf.matMul(wxh as tf.Tensor2D, x).add(tf.matMul(whh as tf.Tensor2D, h as tf.Tensor2D)).add(bias));
        loss = loss.add(tf.squaredDifference(h, wanted[t]!).sum().mul(0.5));
      });
      return loss as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(lossOf)([
      tf.tensor2d(Wxh),
      tf.tensor2d(Whh),
      tf.tensor2d(b, [b.length, 1]),
      tf.tensor2d(h0, [h0.length, 1]),
    ]);
    const [dWxh, dWhh, db, dh0] = grads;
    return {
      loss: value.dataSync()[0]!,
      dWxh: dWxh!.arraySync() as number[][],
      dWhh: dWhh!.arraySync() as number[][],
      db: Array.from(db!.dataSync()),
      dh0: Array.from(dh0!.dataSync()),
    };
  });
}
