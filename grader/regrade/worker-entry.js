// The grading worker of `dlgrade regrade` (grader/regrade/worker.ts): grades the students the pool
// sends it, one at a time, with the trusted side loaded once.
// The inspector is never opened: SIGUSR1 is ignored before anything else loads.
process.on('SIGUSR1', () => {});
// The grader from the build tree, as bin/dlgrade.js loads it (grader/boot/tree.mjs: compiled
// once, no module hooks) when it is exactly the build of the sources as they are now; else
// through the module hooks.
const { entryUrl } = await import('../boot/tree.mjs');
const { runWorker } = await import(await entryUrl('grader/regrade/worker.ts'));
await runWorker();
// every reply was handed to the channel before runWorker returned; a lingering handle (esbuild's
// service) must not keep a retired worker alive
process.exit(0);
