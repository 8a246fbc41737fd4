/** Positions of the k smallest |w|, ties going to the earlier position. */
function smallestMagnitudes(w: number[], k: number): number[] {
  const order = w.map((_, i) => i);
  order.sort((a, b) => Math.abs(w[a]!) - Math.abs(w[b]!) || a - b);
  return order.slice(0, k);
}

/** Zeroes exactly ⌊s·n⌋ entries of w: the ones with the smallest magnitude. */
function pruneVector(w: number[], sparsity: number): number[] {
  const out = w.slice();
  for (const i of smallestMagnitudes(w, Math.floor(sparsity * w.length))) out[i] = 0;
  return out;
}

/**
 * Unstructured magnitude pruning (Han et al., 2015). 'layer': each layer loses the fraction s of its own
 * weights; 'global': the ⌊s·N⌋ smallest weights of the whole network go, wherever they are.
 */
export function magnitudePrune(layers: number[][], sparsity: number, scope: 'global' | 'layer'): number[][] {
  if (scope === 'layer') return layers.map((w) => pruneVector(w, sparsity));
  const pruned = pruneVector(layers.flat(), sparsity);
  const out: number[][] = [];
  let start = 0;
  for (const w of layers) {
    out.push(pruned.slice(start, start + w.length));
    start += w.length;
  }
  return out;
}
