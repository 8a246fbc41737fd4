/**
 * Retropropagación en un MLP con una capa oculta (capítulo 4).
 *
 * Formas (N muestras, D entradas, H unidades ocultas, C clases):
 *   X: N×D    W1: D×H (entradas×ocultas)    b1: H    W2: H×C    b2: C    Y: N×C one-hot
 *
 * Propagación hacia delante:
 *   Z1 = X·W1 + b1,  A1 = act(Z1),  Z2 = A1·W2 + b2 (logits),
 *   loss = −(1/N) · Σₙ Σ_c Y[n][c] · log softmax(Z2[n])[c]   (media sobre el lote).
 *
 * Devuelve loss y los gradientes de loss respecto a cada parámetro, cada uno con la misma forma
 * que su parámetro (dW1: D×H, db1: H, dW2: H×C, db2: C).
 *
 * - activation: 'sigmoid', 'tanh' o 'relu' (con ReLU'(0) = 0).
 * - La softmax debe ser numéricamente estable: logits de magnitud grande no pueden dar NaN ni Infinity.
 * - No modifiques p, X ni Y.
 */
export function mlpBackward(
  p: { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] },
  X: number[][],
  Y: number[][],
  activation: 'sigmoid' | 'tanh' | 'relu',
): { loss: number; dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] } {
  throw new Error('Sin implementar: mlpBackward');
}
