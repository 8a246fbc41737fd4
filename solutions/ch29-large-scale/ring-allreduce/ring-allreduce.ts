export interface RingAllReduceResult {
  afterReduceScatter: number[][];
  final: number[][];
  sent: number[];
}

/** [start, end) of each of the N chunks; the first L mod N chunks get one extra element. */
function chunkBounds(L: number, N: number): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (let c = 0; c < N; c++) {
    const size = Math.floor(L / N) + (c < L % N ? 1 : 0);
    bounds.push([start, start + size]);
    start += size;
  }
  return bounds;
}

/** Simulates ring all-reduce: N − 1 reduce-scatter steps, then N − 1 all-gather steps. */
export function ringAllReduce(buffers: number[][]): RingAllReduceResult {
  const N = buffers.length;
  const L = buffers[0]!.length;
  const bounds = chunkBounds(L, N);
  const mod = (a: number) => ((a % N) + N) % N;
  const buf = buffers.map((b) => b.slice());
  const sent: number[] = new Array<number>(N).fill(0);

  // one step: every worker r sends chunk chunkOf(r) to worker r + 1 at the same time
  const step = (chunkOf: (r: number) => number, combine: (old: number, incoming: number) => number) => {
    const messages = buf.map((b, r) => {
      const [lo, hi] = bounds[chunkOf(r)]!;
      return { lo, data: b.slice(lo, hi) };
    });
    messages.forEach(({ lo, data }, r) => {
      const dst = buf[mod(r + 1)]!;
      data.forEach((v, k) => (dst[lo + k] = combine(dst[lo + k]!, v)));
      sent[r]! += data.length;
    });
  };

  for (let s = 0; s < N - 1; s++) step((r) => mod(r - s), (old, incoming) => old + incoming);
  const afterReduceScatter = buf.map((b) => b.slice()); // worker r now owns the full sum of chunk r + 1
  for (let s = 0; s < N - 1; s++) step((r) => mod(r + 1 - s), (_old, incoming) => incoming);

  return { afterReduceScatter, final: buf, sent };
}
