/**
 * Banco de filtros mel y log-espectrograma mel (capítulo 25, espectrogramas y MFCC).
 */

/** Escala mel (fórmula HTK): mel(f) = 2595 · log10(1 + f / 700). */
export function hzToMel(hz: number): number {
  throw new Error('Sin implementar: hzToMel');
}

/** La inversa: f = 700 · (10^(mel / 2595) − 1). */
export function melToHz(mel: number): number {
  throw new Error('Sin implementar: melToHz');
}

/**
 * M filtros triangulares sobre los bins k = 0 … fftLength/2 de una DFT de fftLength puntos
 * (el bin k está en la frecuencia f_k = k · sampleRate / fftLength Hz).
 * Bordes: M + 2 puntos equiespaciados EN MEL entre hzToMel(fMin) y hzToMel(fMax), pasados a Hz:
 * e_0 < e_1 < … < e_{M+1}. El filtro m (m = 1 … M) vale, en Hz,
 *   w_m(f) = max(0, min((f − e_{m−1}) / (e_m − e_{m−1}), (e_{m+1} − f) / (e_{m+1} − e_m))).
 * Devuelve una matriz M×(fftLength/2 + 1).
 */
export function melFilterbank(numFilters: number, fftLength: number, sampleRate: number, fMin: number, fMax: number): number[][] {
  throw new Error('Sin implementar: melFilterbank');
}

/**
 * Log-espectrograma mel: para cada trama t y filtro m, log(Σ_k power[t][k] · filters[m][k] + 1e-6).
 * power es T×(fftLength/2 + 1) (|X|², por ejemplo); devuelve T×M. No modifiques los argumentos.
 */
export function logMelSpectrogram(power: number[][], filters: number[][]): number[][] {
  throw new Error('Sin implementar: logMelSpectrogram');
}
