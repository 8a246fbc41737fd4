// The type checker's thread (grader/typecheck/bounded.ts): loads the checker once (precompiled, or through tsx: grader/boot/register.mjs), then
// checks one student file per message. It never runs the student's code, only tsc on its text;
// the parent bounds each check (CPU time of this thread, a wall-clock backstop, a heap limit).
import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

await import('../boot/register.mjs');
const { typecheckStudentFile } = await import('./typecheck.ts');
// one empty check loads the compiler and parses the standard library before the first real one,
// so that loading is not counted in any student's limit
await typecheckStudentFile({ source: '', stubSource: '', fileName: 'warm.ts', displayPath: 'warm.ts', exports: [], exportLine: () => undefined, lang: 'en' });

/** this thread's id, so the parent can read its CPU time in /proc/<pid>/task/<tid>/stat */
let tid;
try {
  tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
} catch {
  tid = undefined; // not Linux: the parent's wall clock is the only clock
}

parentPort.on('message', async (job) => {
  const lines = new Map(job.exportLines);
  const outcome = await typecheckStudentFile({ ...job.input, exportLine: (name) => lines.get(name) });
  parentPort.postMessage({ id: job.id, outcome });
});
parentPort.postMessage({ ready: true, tid: Number.isFinite(tid) ? tid : undefined });
