/** Row scaled to unit L2 norm. */
function normalize(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

function dot(u: number[], v: number[]): number {
  return u.reduce((s, x, i) => s + x * v[i]!, 0);
}

/**
 * NT-Xent (SimCLR): rows i and i + N of z are the two views of example i. For every anchor i,
 *   ℓ_i = −log( exp(sim(i, pos(i))/τ) / Σ_{k≠i} exp(sim(i, k)/τ) ),
 * with sim the cosine similarity; the loss is the mean of ℓ_i over the 2N anchors.
 */
export function ntXent(z: number[][], tau: number): number {
  const twoN = z.length;
  const n = twoN / 2;
  const unit = z.map(normalize);
  let total = 0;
  for (let i = 0; i < twoN; i++) {
    const logits: number[] = [];
    for (let k = 0; k < twoN; k++) if (k !== i) logits.push(dot(unit[i]!, unit[k]!) / tau);
    const positive = dot(unit[i]!, unit[(i + n) % twoN]!) / tau;
    // log Σ exp, shifted by the max so that a small τ cannot overflow exp
    const max = Math.max(...logits);
    const logSumExp = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
    total += logSumExp - positive;
  }
  return total / twoN;
}
