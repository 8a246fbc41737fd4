/**
 * Pérdida NT-Xent de SimCLR (capítulo 30).
 *
 * z:   2N×d, los embeddings (proyecciones) de un lote de N ejemplos con dos vistas cada uno:
 *      las filas i y i + N son las dos vistas del ejemplo i (0 ≤ i < N). Ninguna fila es nula.
 * tau: la temperatura τ > 0.
 *
 * Normaliza cada fila a norma L2 1 y, para cada ancla i (las 2N filas), calcula
 *   ℓ_i = −log( exp(z_i·z_pos(i) / τ) / Σ_{k≠i} exp(z_i·z_k / τ) ),  pos(i) = (i + N) mod 2N.
 * Devuelve la media de ℓ_i sobre las 2N anclas. No modifiques z.
 */
export function ntXent(z: number[][], tau: number): number {
  throw new Error('Sin implementar: ntXent');
}
