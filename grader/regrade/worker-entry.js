// One student's grading during `dlgrade regrade`, in its own process (grader/regrade/worker.ts).
// The inspector is never opened: SIGUSR1 is ignored before anything else loads.
process.on('SIGUSR1', () => {});
const { register } = await import('tsx/esm/api');
register();
await import('../backend/tfjs-register.mjs');
const { runWorker } = await import('./worker.ts');
await runWorker();
