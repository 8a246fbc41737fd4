import { loadCatalog } from '../catalog/load.ts';
import { gradeSubmission, type GradeOptions } from '../engine/grade.ts';
import type { GradeResult } from '../engine/result.ts';
import { INSTALL_ROOT } from '../paths.ts';
import { describeThrown } from '../errors.ts';

/** What the regrade sends its worker: one student's clean tree and the grading settings. */
export interface WorkerJob {
  kind: 'grade';
  /** the catalog's root (the grader's own install unless a test gives another) */
  catalogRoot: string;
  options: Omit<GradeOptions, 'catalog' | 'onExercise'>;
}

export type WorkerReply = { kind: 'result'; result: GradeResult } | { kind: 'failed'; message: string };

/**
 * The worker's side (started by grader/regrade/worker-entry.js): waits for one job on the IPC
 * channel, grades it (the engine starts the sandboxed student processes), sends the result back
 * and exits. Trusted grader code only; it never runs student code itself.
 */
export async function runWorker(): Promise<void> {
  const job = await new Promise<WorkerJob>((resolve) => process.once('message', (m) => resolve(m as WorkerJob)));
  let reply: WorkerReply;
  try {
    const catalog = job.catalogRoot === INSTALL_ROOT ? loadCatalog() : loadCatalog({ root: job.catalogRoot });
    reply = { kind: 'result', result: await gradeSubmission({ ...job.options, catalog }) };
  } catch (error: unknown) {
    reply = { kind: 'failed', message: describeThrown(error) };
  }
  await new Promise<void>((resolve) => process.send!(reply, () => resolve()));
  process.disconnect();
}
