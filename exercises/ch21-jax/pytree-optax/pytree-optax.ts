/**
 * Un pytree de JAX: un número (hoja), un array de pytrees o un objeto cuyos valores son pytrees.
 * Por ejemplo { dense1: { kernel: [[…]], bias: […] }, dense2: { … } }.
 */
export type Tree = number | Tree[] | { [key: string]: Tree };

/**
 * Norma global de un pytree de gradientes (capítulo 21): √(Σ g²) sobre TODAS sus hojas.
 */
export function globalNorm(grads: Tree): number {
  throw new Error('Sin implementar: globalNorm');
}

/**
 * optax.clip_by_global_norm: si la norma global n supera maxNorm, multiplica TODAS las hojas
 * por maxNorm/n; si no, las deja igual. Devuelve un pytree nuevo con la misma estructura.
 * No modifiques grads.
 */
export function clipByGlobalNorm(grads: Tree, maxNorm: number): Tree {
  throw new Error('Sin implementar: clipByGlobalNorm');
}

/**
 * Un paso de SGD con tree_map: cada hoja p de params pasa a p − lr·g, con g la hoja de grads en
 * la misma posición (los dos pytrees tienen la misma estructura). Devuelve un pytree nuevo con la
 * misma estructura. No modifiques params ni grads.
 */
export function sgdStep(params: Tree, grads: Tree, lr: number): Tree {
  throw new Error('Sin implementar: sgdStep');
}
