/**
 * División de una señal en tramas (frames) solapadas (capítulo 25).
 *
 * signal:      muestras x[0], x[1], …
 * frameLength: N, muestras por trama.
 * hop:         H, desplazamiento entre el inicio de una trama y el de la siguiente.
 * padEnd:      false → solo tramas completas: empiezan en 0, H, 2H, … mientras quepan enteras.
 *              true  → además, sigue creando tramas mientras el inicio esté dentro de la señal,
 *                      rellenando con ceros lo que falte al final.
 *
 * Devuelve la lista de tramas (cada una de longitud N); [] si no cabe ninguna.
 * No modifiques signal.
 */
export function frameSignal(signal: number[], frameLength: number, hop: number, padEnd: boolean): number[][] {
  throw new Error('Sin implementar: frameSignal');
}
