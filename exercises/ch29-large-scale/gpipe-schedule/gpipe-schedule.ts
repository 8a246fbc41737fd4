export interface PipelineSchedule {
  /** 2(M + K − 1) filas × K columnas: forward[t][s] = micro-batch cuyo forward hace la etapa s en el paso t, o −1 */
  forward: number[][];
  /** igual para el backward */
  backward: number[][];
  /** fracción de huecos (etapa ociosa en un paso) sobre los 2(M + K − 1)·K huecos totales */
  bubbleFraction: number;
}

/**
 * Calendario de GPipe (capítulo 29).
 *
 * stages:       K, número de etapas (una GPU por etapa).
 * microbatches: M, número de micro-batches en que se divide el lote.
 *
 * Cada paso de tiempo, cada etapa hace como mucho un forward o un backward de un micro-batch.
 * Forward: el micro-batch i pasa por la etapa s en el paso i + s.
 * Backward: empieza cuando termina el último forward (paso M + K − 1), en la última etapa y por el
 * último micro-batch (M − 1); recorre las etapas de K − 1 a 0 y los micro-batches de M − 1 a 0,
 * sin huecos innecesarios.
 */
export function gpipeSchedule(stages: number, microbatches: number): PipelineSchedule {
  throw new Error('Sin implementar: gpipeSchedule');
}
