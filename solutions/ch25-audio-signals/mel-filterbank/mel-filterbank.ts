export function hzToMel(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}

export function melToHz(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

/** Triangular filters whose edges are evenly spaced on the mel scale; the triangles are drawn in Hz. */
export function melFilterbank(numFilters: number, fftLength: number, sampleRate: number, fMin: number, fMax: number): number[][] {
  const melLow = hzToMel(fMin);
  const melHigh = hzToMel(fMax);
  const edges: number[] = [];
  for (let i = 0; i < numFilters + 2; i++) edges.push(melToHz(melLow + ((melHigh - melLow) * i) / (numFilters + 1)));

  const filters: number[][] = [];
  for (let m = 1; m <= numFilters; m++) {
    const [left, centre, right] = [edges[m - 1]!, edges[m]!, edges[m + 1]!];
    const row: number[] = [];
    for (let k = 0; k <= fftLength / 2; k++) {
      const f = (k * sampleRate) / fftLength;
      const rising = (f - left) / (centre - left);
      const falling = (right - f) / (right - centre);
      row.push(Math.max(0, Math.min(rising, falling)));
    }
    filters.push(row);
  }
  return filters;
}

/** log(power · filtersᵀ + 1e-6): the energy each filter collects in each frame, on a log scale. */
export function logMelSpectrogram(power: number[][], filters: number[][]): number[][] {
  return power.map((frame) => filters.map((filter) => Math.log(filter.reduce((sum, w, k) => sum + w * frame[k]!, 0) + 1e-6)));
}
