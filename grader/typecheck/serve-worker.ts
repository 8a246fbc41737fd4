import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { keepCompilerCodeCache, typecheckStudentFile, type TypecheckInput } from './typecheck.ts';

/**
 * The type checker's thread (grader/typecheck/bounded.ts): loads the checker once, then checks
 * one student file per message. It never runs the student's code, only tsc on its text; the
 * parent bounds each check (CPU time of this thread, a wall-clock backstop, a heap limit). Started
 * as grader/typecheck/bounded-worker.mjs in an install, and as the assignment's own
 * `.dlgrade/grader.mjs` in worker mode in an assignment repository (grader/assign/bundle.ts).
 */
export async function serveTypecheckWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveTypecheckWorker runs in a worker thread');
  // one empty check loads the compiler and parses the standard library before the first real one,
  // so that loading is not counted in any student's limit
  await typecheckStudentFile({ source: '', stubSource: '', fileName: 'warm.ts', displayPath: 'warm.ts', exports: [], exportLine: () => undefined, lang: 'en' });
  /** this thread's id, so the parent can read its CPU time in /proc/<pid>/task/<tid>/stat */
  let tid: number | undefined;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    tid = undefined; // not Linux: the parent's wall clock is the only clock
  }
  port.on('message', async (job: { id: number; input: Omit<TypecheckInput, 'exportLine'>; exportLines: [string, number | undefined][] }) => {
    const lines = new Map(job.exportLines);
    const outcome = await typecheckStudentFile({ ...job.input, exportLine: (name) => lines.get(name) });
    port.postMessage({ id: job.id, outcome });
    // after the answer, not before it (once: the first time only)
    setImmediate(keepCompilerCodeCache);
  });
  port.postMessage({ ready: true, tid: Number.isFinite(tid) ? tid : undefined });
}
