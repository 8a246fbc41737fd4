import * as tf from '@tensorflow/tfjs';

/** Fake quantisation as tf ops, with the straight-through estimator as its tf.customGrad gradient. */
function fakeQuantOp(scale: number, zeroPoint: number, numBits: number) {
  const qmax = 2 ** numBits - 1;
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor;
    const save = args[1] as tf.GradSaveFunc;
    const raw = tf.add(tf.round(tf.div(x, scale)), zeroPoint);
    const inside = tf.cast(tf.logicalAnd(tf.greaterEqual(raw, 0), tf.lessEqual(raw, qmax)), 'float32');
    save([inside]);
    const value = tf.mul(tf.sub(tf.clipByValue(raw, 0, qmax), zeroPoint), scale);
    return { value, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0]!) };
  });
}

export function fakeQuantize(x: number[], scale: number, zeroPoint: number, numBits: number): number[] {
  return tf.tidy(() => Array.from(fakeQuantOp(scale, zeroPoint, numBits)(tf.tensor1d(x)).dataSync()));
}

export function fakeQuantizeGrad(x: number[], dY: number[], scale: number, zeroPoint: number, numBits: number): number[] {
  return tf.tidy(() => Array.from(tf.grad((v: tf.Tensor) => fakeQuantOp(scale, zeroPoint, numBits)(v))(tf.tensor1d(x), tf.tensor1d(dY)).dataSync()));
}

/** One SGD step of tf.losses.meanSquaredError through the fake-quantised weights, by tf.valueAndGrad. */
export function qatStep(w: number[], X: number[][], y: number[], lr: number, scale: number, zeroPoint: number, numBits: number): { w: number[]; loss: number } {
  return tf.tidy(() => {
    const fq = fakeQuantOp(scale, zeroPoint, numBits);
    const x = tf.tensor2d(X);
    const target = tf.tensor1d(y);
    const lossOf = (weights: tf.Tensor) => tf.losses.meanSquaredError(target, tf.matMul(x, fq(weights).reshape([-1, 1])).reshape([-1])) as tf.Scalar;
    const weights = tf.tensor1d(w);
    const { value, grad } = tf.valueAndGrad(lossOf)(weights);
    return { w: Array.from(tf.sub(weights, tf.mul(grad, lr)).dataSync()), loss: value.dataSync()[0]! };
  });
}
