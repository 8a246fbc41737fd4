// The type checker's thread in an install (grader/typecheck/bounded.ts): the grader's modules load
// precompiled, or through tsx (grader/boot/register.mjs); the loop is grader/typecheck/serve-worker.ts.
await import('../boot/register.mjs');
const { serveTypecheckWorker } = await import('./serve-worker.ts');
await serveTypecheckWorker();
