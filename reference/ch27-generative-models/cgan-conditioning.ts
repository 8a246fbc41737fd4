import * as tf from '@tensorflow/tfjs';

function oneHotTensor(labels: number[], numClasses: number): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses).toFloat() as tf.Tensor2D;
}

export function oneHot(labels: number[], numClasses: number): number[][] {
  return tf.tidy(() => oneHotTensor(labels, numClasses).arraySync());
}

export function generatorInput(z: number[][], labels: number[], numClasses: number): number[][] {
  return tf.tidy(() => tf.concat([tf.tensor2d(z), oneHotTensor(labels, numClasses)], 1).arraySync() as number[][]);
}

/** Image as channel 0, the one-hot label tiled over H×W as channels 1 … C. */
export function discriminatorInput(images: number[][][], labels: number[], numClasses: number): number[][][][] {
  return tf.tidy(() => {
    const x = tf.tensor3d(images).expandDims(3) as tf.Tensor4D; // B×H×W×1
    const [batch, h, w] = x.shape;
    const maps = oneHotTensor(labels, numClasses).reshape([batch, 1, 1, numClasses]).tile([1, h, w, 1]);
    return tf.concat([x, maps], 3).arraySync() as number[][][][];
  });
}
