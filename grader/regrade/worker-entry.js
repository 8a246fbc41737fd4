// The grading worker of `dlgrade regrade` (grader/regrade/worker.ts): grades the students the pool
// sends it, one at a time, with the trusted side loaded once.
// The inspector is never opened: SIGUSR1 is ignored before anything else loads.
process.on('SIGUSR1', () => {});
await import('../boot/register.mjs');
await import('../backend/tfjs-register.mjs');
const { runWorker } = await import('./worker.ts');
await runWorker();
// every reply was handed to the channel before runWorker returned; a lingering handle (esbuild's
// service) must not keep a retired worker alive
process.exit(0);
