/**
 * Normalización por grupos, Group Normalization (capítulo 9).
 *
 * x:      mapa de activaciones de UN ejemplo, forma H×W×C (x[i][j][c]).
 * groups: número de grupos G; C es múltiplo de G y el grupo g reúne los canales
 *         contiguos g·C/G, …, (g+1)·C/G − 1.
 * gamma:  escala por canal (longitud C).
 * beta:   desplazamiento por canal (longitud C).
 * eps:    constante de estabilidad dentro de la raíz (por defecto 1e-5).
 *
 * Para cada grupo calcula la media μ_g y la varianza σ²_g (sesgada: divide entre
 * S = H·W·C/G) sobre todas sus posiciones y canales, y devuelve
 *   y[i][j][c] = gamma[c] · (x[i][j][c] − μ_g) / sqrt(σ²_g + eps) + beta[c]
 * con la misma forma H×W×C. No modifiques los argumentos.
 */
export function groupNorm(x: number[][][], groups: number, gamma: number[], beta: number[], eps = 1e-5): number[][][] {
  throw new Error('Sin implementar: groupNorm');
}
