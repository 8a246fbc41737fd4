/**
 * Codificación de cajas respecto a anclas (capítulo 23, Faster R-CNN / SSD).
 *
 * Cajas y anclas en formato [y1, x1, y2, x2] con y1 < y2 y x1 < x2. Para una caja con centro
 * (cy, cx), alto h y ancho w, y un ancla con (cyₐ, cxₐ, hₐ, wₐ):
 *   t = [ (cy − cyₐ)/hₐ, (cx − cxₐ)/wₐ, log(h/hₐ), log(w/wₐ) ]   (orden: ty, tx, th, tw)
 */

/** Desplazamientos t de cada caja respecto a su ancla (anchors[i] con boxes[i]). N×4. */
export function encodeBoxes(anchors: number[][], boxes: number[][]): number[][] {
  throw new Error('Sin implementar: encodeBoxes');
}

/** La operación inversa: de los desplazamientos predichos t a cajas [y1, x1, y2, x2]. N×4. */
export function decodeBoxes(anchors: number[][], deltas: number[][]): number[][] {
  throw new Error('Sin implementar: decodeBoxes');
}
