const END_OF_WORD = '</w>';

/** Replaces every non-overlapping occurrence of the pair (a, b), left to right, with a + b. */
function applyMerge(symbols: string[], a: string, b: string): string[] {
  const merged: string[] = [];
  let i = 0;
  while (i < symbols.length) {
    if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
      merged.push(a + b);
      i += 2;
    } else {
      merged.push(symbols[i]!);
      i += 1;
    }
  }
  return merged;
}

/** Pair frequencies over the current segmentation, each occurrence weighted by its word's count. */
function countPairs(words: { symbols: string[]; count: number }[]): Map<string, { pair: [string, string]; count: number }> {
  const counts = new Map<string, { pair: [string, string]; count: number }>();
  for (const { symbols, count } of words) {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const pair: [string, string] = [symbols[i]!, symbols[i + 1]!];
      const key = pair.join(' ');
      const entry = counts.get(key) ?? { pair, count: 0 };
      entry.count += count;
      counts.set(key, entry);
    }
  }
  return counts;
}

/** True when pair p comes before pair q in lexicographic order. */
function pairLess(p: [string, string], q: [string, string]): boolean {
  return p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
}

export function learnBpe(wordCounts: Record<string, number>, numMerges: number): [string, string][] {
  let words = Object.entries(wordCounts).map(([word, count]) => ({ symbols: [...word, END_OF_WORD], count }));
  const merges: [string, string][] = [];
  for (let step = 0; step < numMerges; step++) {
    let best: { pair: [string, string]; count: number } | undefined;
    for (const candidate of countPairs(words).values()) {
      if (!best || candidate.count > best.count || (candidate.count === best.count && pairLess(candidate.pair, best.pair))) best = candidate;
    }
    if (!best) break;
    const [a, b] = best.pair;
    merges.push([a, b]);
    words = words.map(({ symbols, count }) => ({ symbols: applyMerge(symbols, a, b), count }));
  }
  return merges;
}

export function encodeBpe(word: string, merges: [string, string][]): string[] {
  let symbols = [...word, END_OF_WORD];
  for (const [a, b] of merges) symbols = applyMerge(symbols, a, b);
  return symbols;
}
