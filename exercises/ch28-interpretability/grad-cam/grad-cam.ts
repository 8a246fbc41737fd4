/**
 * Grad-CAM (capítulo 28, §28.1).
 *
 * A son las activaciones de la última capa convolucional, H×W×K (A[i][j][k]: posición (i, j),
 * canal k). dYdA son los gradientes ∂y/∂A de la puntuación y de la clase, con la misma forma.
 */

/**
 * Gradiente de la cabeza y = Σ_k w[k] · GAP(A)_k (media global por canal y luego una capa densa de
 * una salida, sin sesgo que importe) respecto a A. Devuelve un H×W×K. No modifiques los argumentos.
 */
export function gapDenseGrad(A: number[][][], w: number[]): number[][][] {
  throw new Error('Sin implementar: gapDenseGrad');
}

/**
 * Mapa Grad-CAM H×W: α_k = media espacial de dYdA en el canal k, L = ReLU(Σ_k α_k·A_k), dividido
 * entre su máximo para que quede en [0, 1]. Si ningún valor es positivo, el mapa es todo ceros.
 * No modifiques los argumentos.
 */
export function gradCam(A: number[][][], dYdA: number[][][]): number[][] {
  throw new Error('Sin implementar: gradCam');
}
