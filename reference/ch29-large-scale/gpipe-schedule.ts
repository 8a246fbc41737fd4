import * as tf from '@tensorflow/tfjs';

export interface PipelineSchedule {
  forward: number[][];
  backward: number[][];
  bubbleFraction: number;
}

/**
 * GPipe's synchronous schedule as closed-form index grids over (time t, stage s):
 * forward runs micro-batch t − s; backward, which starts at the last stage right after the last
 * forward, runs micro-batch (M − 1) − (t − T_f − (K − 1 − s)), with T_f = M + K − 1 forward steps.
 * Slots outside [0, M) are idle (−1); the bubble is the share of idle slots.
 */
export function gpipeSchedule(stages: number, microbatches: number): PipelineSchedule {
  const K = stages;
  const M = microbatches;
  const steps = 2 * (M + K - 1);
  return tf.tidy(() => {
    const t = tf.range(0, steps).reshape([steps, 1]);
    const s = tf.range(0, K).reshape([1, K]);
    const inRange = (i: tf.Tensor) => tf.logicalAnd(tf.greaterEqual(i, 0), tf.less(i, M));
    const idle = tf.fill([steps, K], -1);

    const fIndex = tf.sub(t, s);
    const forward = tf.where(inRange(fIndex), fIndex, idle);

    const sinceStart = tf.sub(tf.sub(t, M + K - 1), tf.sub(K - 1, s));
    const bIndex = tf.sub(M - 1, sinceStart);
    const backward = tf.where(tf.logicalAnd(inRange(bIndex), tf.greaterEqual(sinceStart, 0)), bIndex, idle);

    const busy = tf.logicalOr(tf.greaterEqual(forward, 0), tf.greaterEqual(backward, 0));
    const bubble = tf.sub(1, tf.mean(tf.cast(busy, 'float32')));
    return {
      forward: forward.arraySync() as number[][],
      backward: backward.arraySync() as number[][],
      bubbleFraction: bubble.dataSync()[0]!,
    };
  });
}
