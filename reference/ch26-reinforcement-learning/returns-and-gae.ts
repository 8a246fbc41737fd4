import * as tf from '@tensorflow/tfjs';

/**
 * The T×(T+1) matrix W with W[t][k] = factor^(k−t) when k ≥ t and no done lies in steps t..k−1,
 * else 0. A discounted sum that stops at episode ends is then one matrix product.
 * (Step T is the bootstrap position: the state after the last step.)
 */
function discountMatrix(dones: number[], factor: number): tf.Tensor2D {
  const t = dones.length;
  // c[k] = number of dones among steps 0..k−1, for k = 0..T
  const c = tf.cumsum(tf.tensor1d([...dones, 0]), 0, true);
  const rows = tf.range(0, t).reshape([t, 1]);
  const cols = tf.range(0, t + 1).reshape([1, t + 1]);
  const ahead = tf.greaterEqual(cols, rows);
  const sameEpisode = tf.equal(c.reshape([1, t + 1]).sub(c.slice(0, t).reshape([t, 1])), 0);
  const power = tf.pow(tf.scalar(factor), tf.relu(cols.sub(rows)));
  return tf.where(tf.logicalAnd(ahead, sameEpisode), power, tf.zerosLike(power)) as tf.Tensor2D;
}

/** G = W_γ · [r_0 … r_{T−1}, lastValue]. */
export function discountedReturns(rewards: number[], dones: number[], gamma: number, lastValue: number): number[] {
  return tf.tidy(() => {
    const w = discountMatrix(dones, gamma);
    const r = tf.tensor2d([...rewards, lastValue], [rewards.length + 1, 1]);
    return Array.from(tf.matMul(w, r).dataSync());
  });
}

/** GAE: δ from shifted values, then Â = W_{γλ} · δ (the bootstrap column is not used). */
export function gae(rewards: number[], values: number[], dones: number[], gamma: number, lambda: number, lastValue: number): { advantages: number[]; returns: number[] } {
  return tf.tidy(() => {
    const t = rewards.length;
    const v = tf.tensor1d(values);
    const next = tf.tensor1d([...values.slice(1), lastValue]);
    const notDone = tf.sub(1, tf.tensor1d(dones));
    const delta = tf.tensor1d(rewards).add(next.mul(notDone).mul(gamma)).sub(v);
    const w = discountMatrix(dones, gamma * lambda).slice([0, 0], [t, t]);
    const advantages = tf.matMul(w, delta.reshape([t, 1])).reshape([t]);
    return { advantages: Array.from(advantages.dataSync()), returns: Array.from(advantages.add(v).dataSync()) };
  });
}
