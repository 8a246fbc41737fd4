// The type checker's thread in an install (grader/typecheck/bounded.ts): the checker loads from the
// build tree the grader loads from (workerData.dlgradeTree, grader/boot/tree.mjs useTree: no module
// hooks), else precompiled or through tsx (grader/boot/register.mjs); the loop is
// grader/typecheck/serve-worker.ts.
import { workerData } from 'node:worker_threads';

const tree = workerData?.dlgradeTree;
let entry;
if (tree !== undefined && typeof tree.root === 'string' && typeof tree.out === 'string' && Array.isArray(tree.sources)) {
  const { useTree } = await import('../boot/tree.mjs');
  entry = useTree({ root: tree.root, out: tree.out, sources: new Set(tree.sources) }, 'grader/typecheck/serve-worker.ts');
} else {
  await import('../boot/register.mjs');
  entry = new URL('./serve-worker.ts', import.meta.url).href;
}
const { serveTypecheckWorker } = await import(entry);
await serveTypecheckWorker();
