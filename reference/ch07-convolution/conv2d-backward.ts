import * as tf from '@tensorflow/tfjs';

export interface Conv2dOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

type ExplicitPad = [[number, number], [number, number], [number, number], [number, number]];

/**
 * Gradients of L = Σ dY ⊙ conv2d(X, K) with respect to X and K, by tf.grads of tf.conv2d.
 * 'same' is resolved into explicit pads by tfjs's conv_util (as in the conv2d reference):
 * tfjs-backend-wasm 4.22 pads 'same' wrongly when stride > 1.
 * tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel: there dK comes from the identity
 * dK[u, v, c, o] = Σ_ij Xpad[i·sh + u, j·sw + v, c] · dY[i, j, o], a forward tf.conv2d of the padded
 * input (one image per channel) with dY as the filter, dilated by the stride.
 */
export function conv2dBackward(
  input: number[][][],
  kernel: number[][][][],
  dY: number[][][],
  opts: Conv2dOptions = {},
): { dInput: number[][][]; dKernel: number[][][][] } {
  return tf.tidy(() => {
    const x = tf.tensor3d(input);
    const filter = tf.tensor4d(kernel);
    const stride = opts.stride ?? 1;
    let pad: 'valid' | ExplicitPad = 'valid';
    if ((opts.padding ?? 'valid') === 'same') {
      const { top, bottom, left, right } = tf.backend_util.computeConv2DInfo([1, ...x.shape], filter.shape, stride, 1, 'same').padInfo;
      pad = [[0, 0], [top, bottom], [left, right], [0, 0]];
    }
    const dy = tf.tensor3d(dY);
    const conv = (a: tf.Tensor, k: tf.Tensor) => tf.conv2d(a as tf.Tensor3D, k as tf.Tensor4D, stride, pad);
    if (tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) !== undefined) {
      const [dx, dk] = tf.grads(conv)([x, filter], dy);
      return { dInput: dx!.arraySync() as number[][][], dKernel: dk!.arraySync() as number[][][][] };
    }
    const dx = tf.grad((a: tf.Tensor) => conv(a, filter))(x, dy);
    const [kh, kw, cin, cout] = filter.shape;
    const [hout, wout] = dy.shape;
    const [sh, sw] = typeof stride === 'number' ? [stride, stride] : stride;
    const pads: [number, number][] = pad === 'valid' ? [[0, 0], [0, 0], [0, 0]] : [pad[1], pad[2], [0, 0]];
    const perChannel = tf.transpose(tf.pad(x, pads), [2, 0, 1]).expandDims(3) as tf.Tensor4D; // cin × Hp × Wp × 1
    const full = tf.conv2d(perChannel, dy.reshape([hout, wout, 1, cout]) as tf.Tensor4D, 1, 'valid', 'NHWC', [sh, sw]);
    const dk = tf.transpose(tf.slice(full, [0, 0, 0, 0], [cin, kh, kw, cout]), [1, 2, 0, 3]);
    return { dInput: dx.arraySync() as number[][][], dKernel: dk.arraySync() as number[][][][] };
  });
}
