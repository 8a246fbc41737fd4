import * as tf from '@tensorflow/tfjs';

export interface ConvOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

/**
 * Pads the image as TensorFlow's 'same' would (amounts from tfjs's own conv_util) and returns it with
 * the stride, so the op itself runs 'valid': tfjs-backend-wasm 4.22 pads 'same' wrongly when stride > 1.
 */
function prepared(input: number[][][], kh: number, kw: number, opts: ConvOptions): { x: tf.Tensor3D; stride: [number, number] } {
  const s = opts.stride ?? 1;
  const stride: [number, number] = typeof s === 'number' ? [s, s] : s;
  let x = tf.tensor3d(input);
  if ((opts.padding ?? 'valid') === 'same') {
    const info = tf.backend_util.computeConv2DInfo([1, ...x.shape], [kh, kw, x.shape[2], 1], stride, 1, 'same');
    const { top, bottom, left, right } = info.padInfo;
    x = tf.pad(x, [[top, bottom], [left, right], [0, 0]]);
  }
  return { x, stride };
}

/** tf.depthwiseConv2d: one kh×kw filter per input channel and multiplier, output channel c·M + m. */
export function depthwiseConv2d(input: number[][][], kernel: number[][][][], opts: ConvOptions = {}): number[][][] {
  return tf.tidy(() => {
    const { x, stride } = prepared(input, kernel.length, kernel[0]!.length, opts);
    return tf.depthwiseConv2d(x, tf.tensor4d(kernel), stride, 'valid').arraySync();
  });
}

/** tf.separableConv2d: the depthwise step, then the 1×1 pointwise kernel over its C·M channels. */
export function separableConv2d(input: number[][][], depthwiseKernel: number[][][][], pointwiseKernel: number[][][][], opts: ConvOptions = {}): number[][][] {
  return tf.tidy(() => {
    const { x, stride } = prepared(input, depthwiseKernel.length, depthwiseKernel[0]!.length, opts);
    return tf.separableConv2d(x, tf.tensor4d(depthwiseKernel), tf.tensor4d(pointwiseKernel), stride, 'valid').arraySync();
  });
}
