/** Periodic Hann window: w[n] = 0.5 − 0.5·cos(2πn / N). */
export function hannWindow(length: number): number[] {
  const w: number[] = [];
  for (let n = 0; n < length; n++) w.push(0.5 - 0.5 * Math.cos((2 * Math.PI * n) / length));
  return w;
}

/** |X_k| for k = 0 … ⌊N/2⌋, with X_k = Σ_n x[n]·e^{−j2πkn/N} summed term by term. */
export function dftMagnitude(x: number[]): number[] {
  const n = x.length;
  const magnitudes: number[] = [];
  for (let k = 0; k <= Math.floor(n / 2); k++) {
    let re = 0;
    let im = 0;
    for (let t = 0; t < n; t++) {
      const angle = (2 * Math.PI * k * t) / n;
      re += x[t]! * Math.cos(angle);
      im -= x[t]! * Math.sin(angle);
    }
    magnitudes.push(Math.sqrt(re * re + im * im));
  }
  return magnitudes;
}

/** Complete frames every `hop` samples, each windowed with Hann and transformed. */
export function magnitudeSpectrogram(signal: number[], frameLength: number, hop: number): number[][] {
  const window = hannWindow(frameLength);
  const rows: number[][] = [];
  for (let start = 0; start + frameLength <= signal.length; start += hop) {
    const frame = signal.slice(start, start + frameLength).map((v, n) => v * window[n]!);
    rows.push(dftMagnitude(frame));
  }
  return rows;
}
