import * as tf from '@tensorflow/tfjs';

export interface WindowLayer {
  kernel: number;
  stride: number;
  dilation: number;
}

/**
 * Measures the receptive field with autodiff instead of a formula: the stack is built from
 * tf.conv1d layers with all-ones kernels ('valid' padding, no nonlinearity, so no cancellation),
 * and the input pixels on which output unit 0 depends are exactly those where tf.grad of that
 * unit is non-zero. The jump is where the dependence of output unit 1 starts.
 * tfjs has no gradient for dilated convolutions, so a dilated window is written as the equivalent
 * undilated kernel of length d·(k − 1) + 1 with ones on its k taps and zeros in the holes.
 */
function dilatedOnes({ kernel, dilation }: WindowLayer): tf.Tensor3D {
  const taps = Array.from({ length: dilation * (kernel - 1) + 1 }, (_, i) => (i % dilation === 0 ? 1 : 0));
  return tf.tensor3d(taps, [taps.length, 1, 1]);
}

export function receptiveField(layers: WindowLayer[]): { rf: number[]; jump: number[] } {
  // an input long enough for at least two output units of the whole stack
  const length = layers.reduce((acc, l) => acc * l.stride, 1) * (layers.reduce((acc, l) => acc + l.dilation * l.kernel, 0) + 4);
  const rf: number[] = [];
  const jump: number[] = [];
  for (let depth = 1; depth <= layers.length; depth++) {
    const stack = layers.slice(0, depth);
    const unitGrad = (unit: number): Float32Array | Int32Array | Uint8Array =>
      tf.tidy(() => {
        const g = tf.grad((x: tf.Tensor) => {
          let h = x as tf.Tensor3D;
          for (const l of stack) h = tf.conv1d(h, dilatedOnes(l), l.stride, 'valid');
          return h.slice([0, unit, 0], [1, 1, 1]).sum();
        });
        return g(tf.zeros([1, length, 1])).dataSync();
      });
    const first = unitGrad(0);
    const second = unitGrad(1);
    rf.push(first.findLastIndex((v) => v !== 0) + 1);
    jump.push(second.findIndex((v) => v !== 0));
  }
  return { rf, jump };
}
