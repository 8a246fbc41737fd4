export interface Pruned {
  weights: number[][];
  mask: number[][];
}

export function magnitudePrune(layers: number[][], sparsity: number): Pruned {
  // every weight with its position, ranked by magnitude; ties keep their order (sort is stable)
  const all = layers.flatMap((layer, l) => layer.map((w, i) => ({ l, i, size: Math.abs(w) })));
  const k = Math.floor(sparsity * all.length);
  const ranked = [...all].sort((a, b) => a.size - b.size);
  const mask = layers.map((layer) => layer.map(() => 1));
  for (const { l, i } of ranked.slice(0, k)) mask[l]![i] = 0;
  const weights = layers.map((layer, l) => layer.map((w, i) => (mask[l]![i] === 1 ? w : 0)));
  return { weights, mask };
}
