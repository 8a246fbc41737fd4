/** Región rectangular semiabierta: filas top ≤ i < bottom, columnas left ≤ j < right (puede salirse de la imagen). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Imagen mezclada (H×W×C) y su etiqueta mezclada (longitud K). */
export interface Mixed {
  image: number[][][];
  label: number[];
}

/**
 * Mixup (capítulo 9): combinación convexa de dos ejemplos.
 *
 * x1, x2: imágenes H×W×C de la misma forma.  y1, y2: etiquetas (one-hot o probabilidades) de longitud K.
 * lambda: peso λ ∈ [0, 1] del PRIMER ejemplo (ya muestreado de una Beta(α, α)).
 *
 * Devuelve image = λ·x1 + (1 − λ)·x2 y label = λ·y1 + (1 − λ)·y2. No modifiques los argumentos.
 */
export function mixup(x1: number[][][], y1: number[], x2: number[][][], y2: number[], lambda: number): Mixed {
  throw new Error('Sin implementar: mixup');
}

/**
 * CutMix (capítulo 9): pega en x1 el recorte de x2 que cae dentro de `box`.
 *
 * box: caja semiabierta en coordenadas de píxel; recórtala primero a la imagen (0 ≤ i < H, 0 ≤ j < W).
 * Los píxeles dentro de la caja recortada (todos sus canales) vienen de x2; el resto, de x1.
 * Con λ = 1 − (área de la caja recortada) / (H·W), la etiqueta es λ·y1 + (1 − λ)·y2.
 * No modifiques los argumentos.
 */
export function cutmix(x1: number[][][], y1: number[], x2: number[][][], y2: number[], box: Box): Mixed {
  throw new Error('Sin implementar: cutmix');
}
