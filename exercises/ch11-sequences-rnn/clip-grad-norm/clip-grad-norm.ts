/** Resultado del recorte: los gradientes (mismas formas) y la norma global ANTES de recortar. */
export interface Clipped {
  grads: number[][][];
  totalNorm: number;
}

/**
 * Recorte de gradientes por norma global (capítulo 11), como clip_grad_norm_ de PyTorch.
 *
 * grads:   lista de gradientes, uno por parámetro; cada uno es una matriz (filas×columnas)
 *          y cada matriz puede tener su propia forma.
 * maxNorm: norma máxima permitida (> 0).
 *
 * ‖g‖ = sqrt(suma de los cuadrados de TODOS los elementos de TODAS las matrices).
 * Si maxNorm / (‖g‖ + 1e-6) < 1, multiplica todos los elementos por ese factor;
 * si no, devuelve los gradientes sin cambiar. Devuelve copias nuevas; no modifiques grads.
 */
export function clipGradNorm(grads: number[][][], maxNorm: number): Clipped {
  throw new Error('Sin implementar: clipGradNorm');
}
