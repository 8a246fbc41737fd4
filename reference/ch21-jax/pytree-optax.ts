import * as tf from '@tensorflow/tfjs';

export type Tree = number | Tree[] | { [key: string]: Tree };

/** Plumbing (not math): the leaves of a tree in a fixed order, and the inverse that refills a tree's structure. */
function flatten(tree: Tree): number[] {
  if (typeof tree === 'number') return [tree];
  return (Array.isArray(tree) ? tree : Object.values(tree)).flatMap(flatten);
}

function unflatten(structure: Tree, values: ArrayLike<number>, position = { next: 0 }): Tree {
  if (typeof structure === 'number') return values[position.next++]!;
  if (Array.isArray(structure)) return structure.map((child) => unflatten(child, values, position));
  const out: { [key: string]: Tree } = {};
  for (const key of Object.keys(structure)) out[key] = unflatten(structure[key]!, values, position);
  return out;
}

/** tf.norm over the flattened leaves. */
export function globalNorm(grads: Tree): number {
  return tf.tidy(() => tf.norm(tf.tensor1d(flatten(grads))).dataSync()[0]!);
}

/** g · maxNorm / max(‖g‖, maxNorm), as optax writes it, on the flattened leaves. */
export function clipByGlobalNorm(grads: Tree, maxNorm: number): Tree {
  const values = tf.tidy(() => {
    const g = tf.tensor1d(flatten(grads));
    return g.mul(tf.div(maxNorm, tf.maximum(tf.norm(g), maxNorm))).dataSync();
  });
  return unflatten(grads, values);
}

/** p − lr·g on the flattened leaves of both trees, refilled into params' structure. */
export function sgdStep(params: Tree, grads: Tree, lr: number): Tree {
  const values = tf.tidy(() => tf.sub(tf.tensor1d(flatten(params)), tf.tensor1d(flatten(grads)).mul(lr)).dataSync());
  return unflatten(params, values);
}
