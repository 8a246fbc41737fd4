/**
 * Condicionar una GAN con la etiqueta de clase (cGAN, Tema 5).
 *
 * labels: B enteros en 0 … numClasses − 1 (numClasses ≥ 2).
 */

/** Codificación one-hot: fila i con un 1 en la columna labels[i] y 0 en el resto (B×numClasses). */
export function oneHot(labels: number[], numClasses: number): number[][] {
  throw new Error('Sin implementar: oneHot');
}

/**
 * Entrada del generador: cada vector de ruido z_i (B×dz) seguido de one-hot(y_i).
 * Devuelve B×(dz + numClasses). No modifiques z.
 */
export function generatorInput(z: number[][], labels: number[], numClasses: number): number[][] {
  throw new Error('Sin implementar: generatorInput');
}

/**
 * Entrada del discriminador: imágenes B×H×W en escala de grises más numClasses canales
 * constantes con one-hot(y_i). Devuelve B×H×W×(1 + numClasses): en cada píxel, primero el
 * valor de la imagen y después los numClasses valores de la etiqueta. No modifiques images.
 */
export function discriminatorInput(images: number[][][], labels: number[], numClasses: number): number[][][][] {
  throw new Error('Sin implementar: discriminatorInput');
}
