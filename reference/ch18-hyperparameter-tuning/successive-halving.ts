import * as tf from '@tensorflow/tfjs';

export interface Rung {
  budget: number;
  configs: number[];
}

export interface Bracket {
  s: number;
  n: number;
  r: number;
}

/** Successive Halving with tf.topk on the negated losses of each rung (tf.topk puts the lower index first on ties). */
export function successiveHalving(losses: number[][], minBudget: number, eta: number): { rungs: Rung[]; winner: number } {
  const rungs: Rung[] = [];
  let winner = 0;
  tf.tidy(() => {
    const table = tf.tensor2d(losses);
    const maxBudget = table.shape[1];
    let alive = tf.range(0, table.shape[0], 1, 'int32');
    for (let budget = minBudget; budget <= maxBudget; budget *= eta) {
      const configs = Array.from(alive.dataSync());
      rungs.push({ budget, configs });
      const negLoss = tf.gather(table.slice([0, budget - 1], [-1, 1]).reshape([-1]), alive).neg();
      winner = configs[tf.argMax(negLoss).dataSync()[0]!]!;
      if (configs.length === 1) break;
      const keep = Math.max(1, Math.floor(configs.length / eta));
      const chosen = tf.gather(alive, tf.topk(negLoss, keep).indices);
      alive = tf.topk(chosen.neg(), keep).values.neg() as tf.Tensor1D; // back to increasing index order
    }
  });
  return { rungs, winner };
}

/** Hyperband brackets: η^s as a cumulative product, s_max counted from the powers ≤ R, n with an exact ceil-division. */
export function hyperbandBrackets(R: number, eta: number): Bracket[] {
  const columns = tf.tidy(() => {
    // η^0, η^1, …, far enough to pass R (float32 keeps them exact up to 2^24 and never wraps around)
    const count = Math.ceil(Math.log2(R + 1)) + 1;
    const powers = tf.concat([tf.ones([1]), tf.cumprod(tf.fill([count], eta))]);
    const sMax = tf.sum(tf.lessEqual(powers, R).toInt()).dataSync()[0]! - 1;
    const s = tf.range(sMax, -1, -1);
    const etaS = tf.gather(powers, s.toInt());
    const numerator = etaS.mul(sMax + 1);
    const n = tf.floorDiv(numerator.add(s), s.add(1)); // ⌈a/b⌉ = ⌊(a + b − 1)/b⌋
    const r = tf.div(R, etaS);
    return [Array.from(s.dataSync()), Array.from(n.dataSync()), Array.from(r.dataSync())];
  });
  return columns[0]!.map((value, i) => ({ s: value, n: columns[1]![i]!, r: columns[2]![i]! }));
}
