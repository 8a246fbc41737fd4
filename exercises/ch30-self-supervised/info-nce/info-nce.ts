export interface InfoNceResult {
  /** la pérdida InfoNCE media sobre el lote */
  loss: number;
  /** fracción de consultas cuyo positivo supera estrictamente a todos los negativos */
  accuracy: number;
}

/**
 * Pérdida InfoNCE con cola de negativos, como en MoCo (capítulo 30).
 *
 * queries: B×d, las consultas q_b (codificador de consultas).
 * keys:    B×d, la clave positiva k₊ de cada consulta (otra vista del mismo ejemplo).
 * queue:   K×d, las claves negativas n_1..n_K de la cola, compartidas por todas las consultas (K ≥ 1).
 * tau:     la temperatura τ > 0.
 *
 * Para cada consulta: logits = [q·k₊, q·n_1, …, q·n_K] / τ y
 *   ℓ_b = −log( exp(logit positivo) / Σ exp(logits) ).
 * Devuelve la media de ℓ_b y la exactitud top-1 (empates con un negativo cuentan como fallo).
 * Los vectores se usan tal cual (sin normalizar). No modifiques ningún argumento.
 */
export function infoNce(queries: number[][], keys: number[][], queue: number[][], tau: number): InfoNceResult {
  throw new Error('Sin implementar: infoNce');
}
