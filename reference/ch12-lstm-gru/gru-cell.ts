import * as tf from '@tensorflow/tfjs';

/** One GRU step (the book's convention: reset before U_h, h' = (1 − z)⊙h + z⊙h̃) composed from tfjs ops on column vectors. */
export function gruCell(x: number[], h: number[], W: number[][], U: number[][], b: number[]): number[] {
  return tf.tidy(() => {
    const xt = tf.tensor2d(x, [x.length, 1]);
    const ht = tf.tensor2d(h, [h.length, 1]);
    const [Wz, Wr, Wh] = tf.split(tf.tensor2d(W), 3, 0);
    const [Uz, Ur, Uh] = tf.split(tf.tensor2d(U), 3, 0);
    const [bz, br, bh] = tf.split(tf.tensor2d(b, [b.length, 1]), 3, 0);
    const z = tf.sigmoid(tf.matMul(Wz!, xt).add(tf.matMul(Uz!, ht)).add(bz!));
    const r = tf.sigmoid(tf.matMul(Wr!, xt).add(tf.matMul(Ur!, ht)).add(br!));
    const candidate = tf.tanh(tf.matMul(Wh!, xt).add(tf.matMul(Uh!, r.mul(ht))).add(bh!));
    const next = tf.sub(1, z).mul(ht).add(z.mul(candidate));
    return Array.from(next.dataSync());
  });
}
