import * as tf from '@tensorflow/tfjs';

export interface RingAllReduceResult {
  afterReduceScatter: number[][];
  final: number[][];
  sent: number[];
}

/** Chunk sizes for L elements in N chunks: the first L mod N chunks get one extra element. */
function chunkSizes(L: number, N: number): number[] {
  return Array.from({ length: N }, (_, c) => Math.floor(L / N) + (c < L % N ? 1 : 0));
}

/**
 * What a ring all-reduce leaves behind, computed from the data rather than by replaying messages:
 * - chunk c travels the ring from worker c, so worker c + j holds x_c + … + x_{c+j} of that chunk
 *   after reduce-scatter: a cumulative sum over the workers in ring order starting at c;
 * - after all-gather every worker holds Σ_r x_r;
 * - worker r sends every chunk but (r + 1) in reduce-scatter and every chunk but (r + 2) in all-gather.
 */
export function ringAllReduce(buffers: number[][]): RingAllReduceResult {
  const N = buffers.length;
  const L = buffers[0]!.length;
  const sizes = chunkSizes(L, N);
  return tf.tidy(() => {
    const X = tf.tensor2d(buffers, [N, L]);
    const ring = (shift: number) => tf.tensor1d(Array.from({ length: N }, (_, w) => (w + shift + N) % N), 'int32');

    const pieces: tf.Tensor2D[] = [];
    let start = 0;
    for (let c = 0; c < N; c++) {
      if (sizes[c]! > 0) {
        const chunk = tf.slice(X, [0, start], [N, sizes[c]!]);
        const partial = tf.cumsum(tf.gather(chunk, ring(c)), 0); // row j = workers c..c+j
        pieces.push(tf.gather(partial, ring(-c)) as tf.Tensor2D); // back to worker order
      }
      start += sizes[c]!;
    }
    const afterReduceScatter = tf.concat(pieces, 1);

    const final = tf.tile(tf.sum(X, 0, true), [N, 1]);

    const s = tf.tensor1d(sizes);
    const sent = tf.sub(2 * L, tf.add(tf.gather(s, ring(1)), tf.gather(s, ring(2))));

    return {
      afterReduceScatter: afterReduceScatter.arraySync() as number[][],
      final: final.arraySync() as number[][],
      sent: Array.from(sent.dataSync()),
    };
  });
}
