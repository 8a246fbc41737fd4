import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExerciseDef } from '../catalog/types.ts';
import type { GradeResult, Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import { LOAD_TIME_MS } from '../sandbox/student-process.ts';
import type { WorkerJob, WorkerReply } from './worker.ts';

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'worker-entry.js');
/** restarts of a student process within one exercise (grader/engine/steps/student-session.ts) */
const SPAWNS_PER_EXERCISE = 3;
/** the engine grades an exercise twice when it saw a grader fault or an unexpected death */
const ATTEMPTS_PER_EXERCISE = 2;
/** headroom for a loaded machine */
const SLACK = 3;
/** starting Node, tsx and TensorFlow.js in the worker */
const STARTUP_MS = 120_000;
const OUTPUT_KEPT = 4000;

/**
 * The wall-clock limit of one student's grading: far above what a correct student can need on a
 * loaded machine (every exercise's own budget, every restart's loading limit, the engine's one
 * retry, three times over, plus two minutes to start), so only a grading that hangs or was frozen
 * reaches it.
 */
export function studentTimeLimitMs(defs: readonly ExerciseDef[]): number {
  const perExercise = defs.map((d) => (d.limits.timeMs + SPAWNS_PER_EXERCISE * Math.max(LOAD_TIME_MS, d.limits.callTimeMs)) * ATTEMPTS_PER_EXERCISE * SLACK);
  return STARTUP_MS + perExercise.reduce((a, b) => a + b, 0);
}

export type WorkerOutcome = { ok: true; result: GradeResult } | { ok: false; why: 'died' | 'time-limit' | 'failed'; message: string };

/** the flags every Node the grader starts gets: no inspector on SIGUSR1 where Node can say so */
export function graderNodeFlags(): string[] {
  return process.allowedNodeEnvironmentFlags.has('--disable-sigusr1') ? ['--disable-sigusr1'] : [];
}

/** The grader's environment without its secrets: the worker needs none (it publishes nothing). */
function workerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/TOKEN|SECRET|PASSWORD|PRIVATE|CREDENTIAL|^ACTIONS_|^GITHUB_APP/i.test(key)) continue;
    env[key] = value;
  }
  delete env['NODE_OPTIONS'];
  return env;
}

const live = new Set<ChildProcess>();

/** Ends every worker in flight and everything in its process group (an interrupted regrade). */
export function killWorkers(): void {
  for (const child of live) killGroup(child);
  live.clear();
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** 'T' (stopped) or 't' (traced) in /proc/<pid>/stat; false where /proc cannot tell. */
function isStopped(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'T' || state === 't';
  } catch {
    return false;
  }
}

/** One worker process: what the pool knows of it. */
interface Worker {
  child: ChildProcess;
  /** students it has been sent */
  jobs: number;
  /** the last output it printed (for a message when it dies) */
  output: string;
  /** the reply to the job in flight, once it comes */
  onReply?: (reply: WorkerReply) => void;
  /** the worker ended (exit code, signal) */
  onEnd?: (code: number | null, signal: NodeJS.Signals | null) => void;
  ended: boolean;
}

export interface WorkerPoolOptions {
  /**
   * students one worker grades before it is replaced by a fresh one (default 25). 1 gives every
   * student a fresh worker: use it where the sandbox lacks the processes wall, since a student
   * process that escaped its sandbox could then outlive its grading inside the worker's group.
   */
  jobsPerWorker?: number;
}

/** students a warm worker grades before it is replaced (bounds memory growth and any leftover state) */
export const DEFAULT_JOBS_PER_WORKER = 25;

/**
 * Grading workers for `dlgrade regrade`, each in its own process group (grader/regrade/worker.ts).
 * A worker stays loaded between students (catalog, specs, references, TensorFlow.js), so only
 * the first student it grades pays for starting Node, tsx and TensorFlow.js. It grades one student
 * at a time. Whatever happens during one student's grading (a student process that kills or
 * freezes its parent, a grading that hangs) ends with that student: the worker is killed with its
 * group at the student's time limit or when it dies, that student's outcome says so, and the next
 * student gets a fresh worker. A worker stopped by SIGSTOP is resumed. Student code never runs
 * in a worker, only in the sandboxed processes the engine starts for it.
 */
export class WorkerPool {
  readonly #idle: Worker[] = [];
  readonly #jobsPerWorker: number;
  #closed = false;
  #started = 0;

  /** worker processes started so far */
  get started(): number {
    return this.#started;
  }

  constructor(options: WorkerPoolOptions = {}) {
    this.#jobsPerWorker = Math.max(1, options.jobsPerWorker ?? DEFAULT_JOBS_PER_WORKER);
  }

  /** Grades one student in an idle worker (or a new one). Never throws. */
  async grade(job: WorkerJob, timeLimitMs: number): Promise<WorkerOutcome> {
    let worker = this.#idle.pop();
    while (worker !== undefined && worker.ended) worker = this.#idle.pop();
    if (worker === undefined) {
      const started = startWorker(job.options.lang ?? 'es');
      if (!started.ok) return { ok: false, why: 'failed', message: started.message };
      worker = started.worker;
      this.#started++;
    }
    worker.jobs++;
    const outcome = await runJob(worker, job, timeLimitMs);
    if (outcome.ok && !worker.ended && !this.#closed && worker.jobs < this.#jobsPerWorker) this.#idle.push(worker);
    else await retire(worker);
    return outcome;
  }

  /**
   * Ends every idle worker (one still grading is retired when its job ends) and resolves once
   * they have exited or been killed with their group.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#idle.splice(0).map((worker) => retire(worker)));
  }
}

function startWorker(lang: Lang): { ok: true; worker: Worker } | { ok: false; message: string } {
  let child: ChildProcess;
  try {
    child = fork(ENTRY, [], { execArgv: graderNodeFlags(), env: workerEnv(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true, serialization: 'advanced' });
  } catch (error: unknown) {
    return { ok: false, message: t(lang).regrade.worker.startFailed((error as Error).message) };
  }
  live.add(child);
  const worker: Worker = { child, jobs: 0, output: '', ended: false };
  const keep = (chunk: Buffer): void => {
    worker.output = (worker.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('message', (message) => worker.onReply?.(message as WorkerReply));
  child.on('error', () => undefined);
  let settled = false;
  const end = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (settled) return;
    settled = true;
    worker.ended = true;
    live.delete(child);
    worker.onEnd?.(code, signal);
  };
  // 'close' comes after the IPC channel and the pipes are drained (a reply is in); a process the
  // worker left holding a pipe is ended with its group, and 'close' is not waited for long
  child.on('exit', (code, signal) => {
    killGroup(child);
    setTimeout(() => end(code, signal), 5000).unref();
  });
  child.on('close', (code, signal) => end(code, signal));
  return { ok: true, worker };
}

/**
 * A worker that has done its share, or whose last job went wrong: asked to exit, and its group
 * ended when it does (or after 2 s, should it not). Resolves when it has ended.
 */
function retire(worker: Worker): Promise<void> {
  worker.onReply = undefined;
  if (worker.ended) {
    worker.onEnd = undefined;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(worker.child), 2000);
    worker.onEnd = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      if (worker.child.connected) worker.child.send({ kind: 'exit' }, () => undefined);
      else killGroup(worker.child);
    } catch {
      killGroup(worker.child);
    }
  });
}

function runJob(worker: Worker, job: WorkerJob, timeLimitMs: number): Promise<WorkerOutcome> {
  const { child } = worker;
  worker.output = '';
  const m = t(job.options.lang ?? 'es').regrade.worker;
  return new Promise((resolve) => {
    let timedOut = false;
    let resumed = 0;
    let done = false;
    const finish = (outcome: WorkerOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(watch);
      worker.onReply = undefined;
      worker.onEnd = undefined;
      resolve(outcome);
    };
    const stopped = (): string => (resumed > 0 ? m.stoppedFromOutside(resumed) : '');
    const overTime = (): WorkerOutcome => ({ ok: false, why: 'time-limit', message: m.overTime(Math.round(timeLimitMs / 1000), stopped()) });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
      // the group's end is reported by onEnd; should it never come, the time limit still answers
      setTimeout(() => finish(overTime()), 10_000).unref();
    }, timeLimitMs);
    const watch = setInterval(() => {
      if (child.pid !== undefined && isStopped(child.pid)) {
        resumed++;
        try {
          process.kill(child.pid, 'SIGCONT');
        } catch {
          /* gone */
        }
      }
    }, 500);
    worker.onReply = (reply) => {
      if (timedOut) return;
      if (reply.kind === 'result') finish({ ok: true, result: reply.result });
      else finish({ ok: false, why: 'failed', message: m.failed(reply.message) });
    };
    worker.onEnd = (code, signal) => {
      const tail = worker.output.trim() !== '' ? m.lastOutput(worker.output.trim().slice(-600)) : '';
      if (timedOut) finish(overTime());
      else finish({ ok: false, why: 'died', message: m.ended(signal ? m.killedBy(signal) : m.exitCode(String(code ?? '?')), stopped(), tail) });
    };
    if (worker.ended) {
      worker.onEnd(null, null);
      return;
    }
    try {
      child.send(job, (error) => {
        if (error) killGroup(child);
      });
    } catch {
      killGroup(child);
    }
  });
}
