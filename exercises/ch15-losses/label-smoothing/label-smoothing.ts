/**
 * Entropía cruzada con suavizado de etiquetas (capítulo 15).
 *
 * logits: N×K (una fila de K logits por ejemplo); labels: la clase correcta de cada fila (0…K−1);
 * eps: cuánta masa se reparte entre todas las clases (0 ≤ eps ≤ 1).
 * Objetivo suavizado: q_k = (1 − eps)·[k = y] + eps/K.
 *
 * Devuelve loss = media sobre las N filas de −Σ_k q_k · log softmax(z)_k, y dLogits (N×K), el
 * gradiente de esa media respecto a los logits. No modifiques los argumentos.
 */
export function labelSmoothingCE(logits: number[][], labels: number[], eps: number): { loss: number; dLogits: number[][] } {
  throw new Error('Sin implementar: labelSmoothingCE');
}
