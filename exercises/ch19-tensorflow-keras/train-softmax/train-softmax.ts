/** Resultado del entrenamiento. */
export interface Trained {
  /** pesos finales d×K */
  W: number[][];
  /** sesgos finales (K) */
  b: number[];
  /** losses[e]: pérdida media del lote completo al EMPEZAR la época e (antes de su actualización) */
  losses: number[];
}

/**
 * Regresión softmax entrenada con descenso de gradiente de lote completo (capítulo 19).
 *
 * X:      N×d entradas.       labels: N etiquetas enteras en 0..K−1.
 * W0:     pesos iniciales d×K. b0: sesgos iniciales (K).
 * lr:     tasa de aprendizaje η. epochs: número de pasos (uno por época, con todo el lote).
 *
 * Logits z = X·W + b; p = softmax(z) por fila; pérdida L = −(1/N)·Σ_i log p_i[labels_i].
 * Cada época: W ← W − η·∂L/∂W, b ← b − η·∂L/∂b, con ∂L/∂z = (p − onehot)/N.
 * Es lo que hace model.fit con SGD, batchSize = N y sin barajar. No modifiques los argumentos.
 */
export function trainSoftmax(X: number[][], labels: number[], W0: number[][], b0: number[], lr: number, epochs: number): Trained {
  throw new Error('Sin implementar: trainSoftmax');
}
