import * as tf from '@tensorflow/tfjs';

export interface Conv2dOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

/**
 * 2-D cross-correlation of an H×W×Cin image with kh×kw×Cin×Cout filters, via tf.conv2d.
 * TensorFlow's 'same' padding is resolved by tfjs's own conv_util into explicit top/bottom/left/right
 * amounts: tfjs-backend-wasm 4.22 hands 'same' to XNNPACK, which pads wrongly when stride > 1.
 */
export function conv2d(input: number[][][], kernel: number[][][][], opts: Conv2dOptions = {}): number[][][] {
  return tf.tidy(() => {
    const x = tf.tensor3d(input);
    const filter = tf.tensor4d(kernel);
    const stride = opts.stride ?? 1;
    const padding = opts.padding ?? 'valid';
    if (padding === 'valid') return tf.conv2d(x, filter, stride, 'valid').arraySync();
    const info = tf.backend_util.computeConv2DInfo([1, ...x.shape], filter.shape, stride, 1, 'same');
    const { top, bottom, left, right } = info.padInfo;
    const explicit: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [top, bottom], [left, right], [0, 0]];
    return tf.conv2d(x, filter, stride, explicit).arraySync();
  });
}
