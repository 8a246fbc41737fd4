/**
 * IoU por pares entre dos conjuntos de cajas (capítulo 23, detección de objetos).
 *
 * boxesA: N cajas, cada una [y1, x1, y2, x2] con y1 < y2 y x1 < x2 (esquina superior
 *         izquierda y esquina inferior derecha, coordenadas reales, no píxeles).
 * boxesB: M cajas con el mismo formato.
 *
 * Devuelve la matriz N×M con iou[i][j] = área(A_i ∩ B_j) / área(A_i ∪ B_j).
 * Si las cajas no se solapan (o solo se tocan en un borde) el IoU es 0.
 * No modifiques boxesA ni boxesB.
 */
export function boxIou(boxesA: number[][], boxesB: number[][]): number[][] {
  throw new Error('Sin implementar: boxIou');
}
