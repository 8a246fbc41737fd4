/** Un hiper-parámetro del espacio de búsqueda (capítulo 18). Los rangos incluyen sus extremos. */
export type Param =
  | { name: string; kind: 'uniform'; low: number; high: number }
  | { name: string; kind: 'log-uniform'; low: number; high: number }
  | { name: string; kind: 'int'; low: number; high: number }
  | { name: string; kind: 'choice'; options: (number | string)[] };

export type Config = Record<string, number | string>;

/**
 * Búsqueda aleatoria: convierte sorteos uniformes en configuraciones.
 *
 * space: los hiper-parámetros, en orden.
 * draws: una fila por configuración y una columna por hiper-parámetro; cada u está en [0, 1).
 *
 * Para cada u:
 *   'uniform'     → low + u·(high − low)
 *   'log-uniform' → exp(ln low + u·(ln high − ln low))   (uniforme en escala logarítmica)
 *   'int'         → low + ⌊u·(high − low + 1)⌋           (cada entero de [low, high] igual de probable)
 *   'choice'      → options[⌊u·k⌋], con k opciones
 * Devuelve una configuración { [name]: valor } por fila. No modifiques los argumentos.
 */
export function sampleConfigs(space: Param[], draws: number[][]): Config[] {
  throw new Error('Sin implementar: sampleConfigs');
}

/**
 * Índice de la mejor prueba: la de menor score si mode = 'min', la de mayor si mode = 'max'.
 * Si hay empate gana la que aparece antes.
 */
export function bestTrial(scores: number[], mode: 'min' | 'max'): number {
  throw new Error('Sin implementar: bestTrial');
}
