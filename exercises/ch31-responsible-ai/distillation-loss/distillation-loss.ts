/**
 * Pérdida de destilación de conocimiento de Hinton (capítulo 31).
 *
 * studentLogits: B×C, logits del modelo alumno z_s.
 * teacherLogits: B×C, logits del modelo profesor z_t.
 * labels:        B etiquetas verdaderas, enteros en [0, C).
 * T:             temperatura (T > 0) con la que se suavizan ambas distribuciones.
 * alpha:         peso α ∈ [0, 1] de la entropía cruzada con las etiquetas (el de destilación pesa 1 − α), como en el libro (§31.2).
 *
 * Para cada ejemplo: α·CE(y, softmax(z_s)) + (1 − α)·T²·KL(softmax(z_t/T) ‖ softmax(z_s/T)),
 * donde la entropía cruzada con la etiqueta usa temperatura 1. Devuelve la media sobre el lote.
 * No modifiques ningún argumento.
 */
export function distillationLoss(studentLogits: number[][], teacherLogits: number[][], labels: number[], T: number, alpha: number): number {
  throw new Error('Sin implementar: distillationLoss');
}
