export interface RingAllReduceResult {
  /** el búfer de cada trabajador (N×L) al terminar la fase reduce-scatter */
  afterReduceScatter: number[][];
  /** el búfer de cada trabajador (N×L) al terminar la fase all-gather */
  final: number[][];
  /** cuántos números envía en total cada trabajador (N elementos) */
  sent: number[];
}

/**
 * Simulación de ring all-reduce (capítulo 29).
 *
 * buffers: N×L, buffers[r] es el vector (por ejemplo, los gradientes) del trabajador r.
 *
 * Cada vector se parte en N trozos contiguos; los L mod N primeros trozos tienen un elemento más.
 * Reduce-scatter: N − 1 pasos; en el paso s (s = 0..N−2) cada trabajador r envía a la vez su trozo
 * (r − s) mod N al trabajador (r + 1) mod N, que lo SUMA al suyo.
 * All-gather: N − 1 pasos; en el paso s cada trabajador r envía su trozo (r + 1 − s) mod N al
 * trabajador (r + 1) mod N, que lo COPIA encima del suyo.
 *
 * Devuelve los búferes tras cada fase y los números enviados por cada trabajador.
 * No modifiques buffers.
 */
export function ringAllReduce(buffers: number[][]): RingAllReduceResult {
  throw new Error('Sin implementar: ringAllReduce');
}
