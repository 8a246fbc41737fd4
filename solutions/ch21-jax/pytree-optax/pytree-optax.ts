export type Tree = number | Tree[] | { [key: string]: Tree };

/** tree_map over one or two trees with the same structure: rebuilds the structure, applies f at the leaves. */
function treeMap(f: (leaf: number, other: number) => number, tree: Tree, other: Tree = tree): Tree {
  if (typeof tree === 'number') return f(tree, other as number);
  if (Array.isArray(tree)) return tree.map((child, i) => treeMap(f, child, (other as Tree[])[i]!));
  const out: { [key: string]: Tree } = {};
  for (const key of Object.keys(tree)) out[key] = treeMap(f, tree[key]!, (other as { [key: string]: Tree })[key]!);
  return out;
}

/** tree_leaves: every number in the tree. */
function leaves(tree: Tree): number[] {
  if (typeof tree === 'number') return [tree];
  const children = Array.isArray(tree) ? tree : Object.values(tree);
  return children.flatMap(leaves);
}

export function globalNorm(grads: Tree): number {
  return Math.sqrt(leaves(grads).reduce((sum, g) => sum + g * g, 0));
}

export function clipByGlobalNorm(grads: Tree, maxNorm: number): Tree {
  const norm = globalNorm(grads);
  const scale = norm > maxNorm ? maxNorm / norm : 1;
  return treeMap((g) => g * scale, grads);
}

export function sgdStep(params: Tree, grads: Tree, lr: number): Tree {
  return treeMap((p, g) => p - lr * g, params, grads);
}
