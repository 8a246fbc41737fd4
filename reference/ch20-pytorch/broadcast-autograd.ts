import * as tf from '@tensorflow/tfjs';

export type Tensor = number | Tensor[];
export type Op = 'add' | 'sub' | 'mul' | 'div';

/** The broadcast shape, as tf.add of two zero tensors computes it. */
export function broadcastShape(a: number[], b: number[]): number[] {
  return tf.tidy(() => tf.add(tf.zeros(a), tf.zeros(b)).shape);
}

/** The gradient of tf.broadcastTo(x, grad's shape) with respect to x, for upstream grad. */
export function unbroadcast(grad: Tensor, shape: number[]): Tensor {
  return tf.tidy(() => {
    const g = tf.tensor(grad as number[]);
    return tf.grad((x: tf.Tensor) => tf.broadcastTo(x, g.shape))(tf.zeros(shape), g).arraySync() as Tensor;
  });
}

/** tf.grads of tf.add / tf.sub / tf.mul / tf.div, whose gradients sum over the broadcast axes. */
export function broadcastBackward(op: Op, a: Tensor, b: Tensor, dOut: Tensor): { dA: Tensor; dB: Tensor } {
  return tf.tidy(() => {
    const fn = { add: tf.add, sub: tf.sub, mul: tf.mul, div: tf.div }[op];
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => fn(x, y))([tf.tensor(a as number[]), tf.tensor(b as number[])], tf.tensor(dOut as number[]));
    return { dA: da!.arraySync() as Tensor, dB: db!.arraySync() as Tensor };
  });
}
