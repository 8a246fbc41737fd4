/** TensorBoard's curve smoothing: an exponential moving average, debiased, skipping non-finite points. */
export function smoothCurve(values: number[], weight: number, debias = true): number[] {
  const out: number[] = [];
  let last = 0;
  let count = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) {
      out.push(value); // a diverged or missing point is shown as it is and does not enter the average
      continue;
    }
    last = weight * last + (1 - weight) * value;
    count++;
    out.push(debias ? last / (1 - weight ** count) : last);
  }
  return out;
}
