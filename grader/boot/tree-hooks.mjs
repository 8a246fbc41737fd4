// Module hooks for a process that loads the grader from the build tree (grader/boot/tree.mjs) and
// then imports TypeScript the tree does not hold (the solutions `verify` checks, another course
// root's specs): an import that resolves to a source the tree holds (a spec of another root
// importing `../../../grader/spec/index.ts` through its link to this install) gets the tree's
// module, never a second copy of it loaded from the .ts file. Two copies of the grader in one
// process would disagree on `instanceof PropertyFailure`: a student's failure reported as the
// grader's. Registered by typeScriptLoader, after the precompiled hooks.
import { fileURLToPath } from 'node:url';
import { heldUrl } from './tree.mjs';

let tree;

/** data: { root, out, sources } of the tree this process loads from */
export function initialize(data) {
  tree = { root: data.root, out: data.out, sources: new Set(data.sources) };
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (tree === undefined || !resolved.url.startsWith('file:') || resolved.url.includes('?') || !resolved.url.endsWith('.ts')) return resolved;
  const url = heldUrl(tree, fileURLToPath(resolved.url));
  return url === undefined ? resolved : { url, format: 'module', shortCircuit: true };
}
