/**
 * Regla de aprendizaje del perceptrón (capítulo 4).
 *
 * Etiquetas y predicciones en {0, 1}. Ninguna función modifica sus argumentos.
 */

/**
 * Predicción del perceptrón: ŷ = 1 si el potencial z = w·x + b es ≥ 0, y ŷ = 0 si z < 0.
 *
 * w: pesos (longitud d).  b: sesgo.  x: una muestra (longitud d).
 */
export function predict(w: number[], b: number, x: number[]): 0 | 1 {
  throw new Error('Sin implementar: predict');
}

/**
 * Un paso de la regla de Rosenblatt sobre la muestra (x, y) con tasa de aprendizaje lr:
 *   ŷ = predict(w, b, x);  w ← w + lr·(y − ŷ)·x;  b ← b + lr·(y − ŷ).
 * Si la muestra ya está bien clasificada, w y b no cambian.
 *
 * Devuelve los valores nuevos { w, b } en un array nuevo: no modifiques w.
 */
export function perceptronStep(w: number[], b: number, x: number[], y: 0 | 1, lr: number): { w: number[]; b: number } {
  throw new Error('Sin implementar: perceptronStep');
}

/**
 * Entrena un perceptrón sobre X (N×d) con etiquetas y (longitud N).
 *
 * - Empieza con w = [0, …, 0] (longitud d) y b = 0.
 * - Cada época recorre las muestras en orden (0, 1, …, N−1) y aplica perceptronStep a cada una.
 * - errors[e] = número de muestras mal clasificadas (ŷ ≠ y en el momento de visitarlas) en la época e.
 * - Para tras la primera época sin errores (su 0 es el último elemento de errors) o al
 *   completar opts.epochs épocas; por tanto errors.length ≤ opts.epochs.
 *
 * Devuelve { w, b, errors } finales. No modifiques X ni y.
 */
export function trainPerceptron(X: number[][], y: (0 | 1)[], opts: { lr: number; epochs: number }): { w: number[]; b: number; errors: number[] } {
  throw new Error('Sin implementar: trainPerceptron');
}
