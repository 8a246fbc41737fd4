import { loadCatalog } from '../catalog/load.ts';
import type { Catalog } from '../catalog/types.ts';
import { gradeSubmission, type GradeOptions } from '../engine/grade.ts';
import type { GradeResult } from '../engine/result.ts';
import { INSTALL_ROOT } from '../paths.ts';
import { describeThrown } from '../errors.ts';
import { writeEntryFiles } from '../reference-cache/runtime.ts';
import { SparePool } from '../sandbox/spare-pool.ts';

/** What the regrade sends its worker: one student's clean tree and the grading settings. */
export interface WorkerJob {
  kind: 'grade';
  /** the catalog's root (the grader's own install unless a test gives another) */
  catalogRoot: string;
  options: Omit<GradeOptions, 'catalog' | 'onExercise' | 'spares'>;
}

/** Sent by the pool when a worker has graded its share of students: finish and exit. */
export interface WorkerExit {
  kind: 'exit';
}

export type WorkerReply = { kind: 'result'; result: GradeResult } | { kind: 'failed'; message: string };

/**
 * The worker's side (started by grader/regrade/worker-entry.js): grades the jobs the pool sends on
 * the IPC channel, one at a time (the pool never sends a second job before the first's reply),
 * and sends each result back. The catalog, the specs, the references and TensorFlow.js stay
 * loaded between jobs; that is what makes a warm worker faster. Trusted grader code only: it never
 * runs student code itself (the engine starts the sandboxed student processes), so nothing of one
 * student's grading survives into the next but the grader's own loaded modules. It exits when the
 * pool says so or the channel closes.
 */
export async function runWorker(): Promise<void> {
  // the other workers grade the same inputs at the same time: each answer this one computes is
  // written as its own entry file at once, for them, not only in its packs after each student
  writeEntryFiles(true);
  const catalogs = new Map<string, Catalog>();
  const catalogFor = (root: string): Catalog => {
    let catalog = catalogs.get(root);
    if (catalog === undefined) {
      catalog = root === INSTALL_ROOT ? loadCatalog() : loadCatalog({ root });
      catalogs.set(root, catalog);
    }
    return catalog;
  };
  // student processes started ahead, kept between students: while one student's last exercise is
  // graded, the next student's first process starts (it holds no code until that student's file
  // is loaded into it; grader/sandbox/spare-pool.ts). Ended when the worker is done.
  const spares = new SparePool();
  const queue: WorkerJob[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  process.on('message', (message: WorkerJob | WorkerExit) => {
    if (message.kind === 'exit') ended = true;
    else queue.push(message);
    wake?.();
  });
  process.on('disconnect', () => {
    ended = true;
    wake?.();
  });
  for (;;) {
    while (queue.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
    const job = queue.shift();
    if (job === undefined) break;
    let reply: WorkerReply;
    try {
      reply = { kind: 'result', result: await gradeSubmission({ ...job.options, catalog: catalogFor(job.catalogRoot), spares }) };
    } catch (error: unknown) {
      reply = { kind: 'failed', message: describeThrown(error) };
    }
    if (!process.connected) break;
    await new Promise<void>((resolve) => process.send!(reply, () => resolve()));
  }
  await spares.dispose();
  if (process.connected) process.disconnect();
}
