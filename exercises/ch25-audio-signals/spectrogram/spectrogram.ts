/**
 * Espectrograma de magnitud (capítulo 25): tramas + ventana de Hann + DFT.
 */

/** Ventana de Hann «periódica» de longitud N: w[n] = 0.5 − 0.5·cos(2πn / N), n = 0 … N−1. */
export function hannWindow(length: number): number[] {
  throw new Error('Sin implementar: hannWindow');
}

/**
 * Magnitudes de la DFT de x (longitud N), calculada por la definición
 *   X_k = Σ_{n=0}^{N−1} x[n]·e^{−j2πkn/N}   (sin normalizar),
 * solo para k = 0 … ⌊N/2⌋ (la mitad no redundante). Devuelve [|X_0|, …, |X_{⌊N/2⌋}|].
 */
export function dftMagnitude(x: number[]): number[] {
  throw new Error('Sin implementar: dftMagnitude');
}

/**
 * |X(m, k)| para cada trama completa m (sin relleno: empiezan en 0, H, 2H, … mientras quepan)
 * y k = 0 … N/2: cada trama se multiplica por hannWindow(N) y se pasa por dftMagnitude.
 * Devuelve una matriz (número de tramas)×(N/2 + 1). N es par. No modifiques signal.
 */
export function magnitudeSpectrogram(signal: number[], frameLength: number, hop: number): number[][] {
  throw new Error('Sin implementar: magnitudeSpectrogram');
}
