import * as tf from '@tensorflow/tfjs';

const END = '</w>';

function mergePair(symbols: string[], a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
      out.push(a + b);
      i++;
    } else out.push(symbols[i]!);
  }
  return out;
}

/**
 * Pair counting as a weighted one-hot sum over pair ids a·V + b (the wasm backend has no
 * unsortedSegmentSum kernel), where symbol ids follow the sorted vocabulary: the id order is the
 * lexicographic pair order, so tf.argMax (first maximum) applies the tie rule by itself.
 */
export function learnBpe(wordCounts: Record<string, number>, numMerges: number): [string, string][] {
  let words = Object.entries(wordCounts).map(([w, c]) => ({ symbols: [...w, END], count: c }));
  const merges: [string, string][] = [];
  for (let step = 0; step < numMerges; step++) {
    const vocab = [...new Set(words.flatMap((w) => w.symbols))].sort();
    const id = new Map(vocab.map((s, i) => [s, i]));
    const v = vocab.length;
    const pairIds: number[] = [];
    const weights: number[] = [];
    for (const w of words) {
      for (let i = 0; i + 1 < w.symbols.length; i++) {
        pairIds.push(id.get(w.symbols[i]!)! * v + id.get(w.symbols[i + 1]!)!);
        weights.push(w.count);
      }
    }
    if (pairIds.length === 0) break;
    const best = tf.tidy(() => {
      const oneHot = tf.equal(tf.tensor2d(pairIds, [pairIds.length, 1]), tf.range(0, v * v).reshape([1, v * v])).toFloat(); // P×V²
      const counts = tf.matMul(tf.tensor2d(weights, [1, weights.length]), oneHot).reshape([v * v]);
      return tf.argMax(counts).dataSync()[0]!;
    });
    const pair: [string, string] = [vocab[Math.floor(best / v)]!, vocab[best % v]!];
    merges.push(pair);
    words = words.map((w) => ({ symbols: mergePair(w.symbols, pair[0], pair[1]), count: w.count }));
  }
  return merges;
}

/** Encoding GPT-2 style: repeatedly merge the present pair with the lowest merge rank. */
export function encodeBpe(word: string, merges: [string, string][]): string[] {
  const rank = new Map(merges.map(([a, b], i) => [`${a}\u0000${b}`, i]));
  let symbols = [...word, END];
  for (;;) {
    let bestRank = Infinity;
    let best: [string, string] | undefined;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const r = rank.get(`${symbols[i]}\u0000${symbols[i + 1]}`);
      if (r !== undefined && r < bestRank) {
        bestRank = r;
        best = [symbols[i]!, symbols[i + 1]!];
      }
    }
    if (!best) return symbols;
    symbols = mergePair(symbols, best[0], best[1]);
  }
}
