/**
 * Inicialización de Xavier/Glorot y de He (capítulo 4, §4.5.2).
 *
 * scheme elige el esquema; noise es el ruido ya sorteado y tiene la forma de la matriz, fanIn×fanOut:
 * u ∈ [0, 1) uniforme para 'xavier-uniform' y 'he-uniform', z ~ N(0, 1) para 'xavier-normal' y
 * 'he-normal'. Devuelve la matriz de pesos. No modifiques los argumentos.
 */
export function initWeights(scheme: 'xavier-uniform' | 'xavier-normal' | 'he-uniform' | 'he-normal', noise: number[][]): number[][] {
  throw new Error('Sin implementar: initWeights');
}

/**
 * Pasada hacia delante de una MLP sin sesgos, h_l = act(h_{l−1}·W_l) con h_0 = x (N×d0; W_l es
 * d_{l−1}×d_l), y la desviación típica (poblacional, entre N) de todas las activaciones de cada capa.
 * No modifiques los argumentos.
 */
export function activationStds(x: number[][], weights: number[][][], activation: 'tanh' | 'relu'): number[] {
  throw new Error('Sin implementar: activationStds');
}
