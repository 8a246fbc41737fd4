import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExerciseDef } from '../catalog/types.ts';
import type { GradeResult } from '../engine/result.ts';
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

/**
 * Grades one student in a worker process of its own (grader/regrade/worker.ts, its own process
 * group), so that whatever happens to that grading (a student process that kills or freezes its
 * parent, a grading that hangs) ends with this student: the worker is killed at `timeLimitMs`, a
 * worker stopped by SIGSTOP is resumed, and the other students carry on. Never throws.
 */
export function gradeInWorker(job: WorkerJob, timeLimitMs: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = fork(ENTRY, [], { execArgv: graderNodeFlags(), env: workerEnv(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true, serialization: 'advanced' });
    } catch (error: unknown) {
      resolve({ ok: false, why: 'failed', message: `could not start the grading worker: ${(error as Error).message}` });
      return;
    }
    live.add(child);
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let reply: WorkerReply | undefined;
    let timedOut = false;
    let resumed = 0;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
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
    child.on('message', (message) => {
      reply = message as WorkerReply;
    });
    child.on('error', () => undefined);
    let settled = false;
    const settle = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      live.delete(child);
      const tail = output.trim() !== '' ? `; its last output: ${output.trim().slice(-600)}` : '';
      const stopped = resumed > 0 ? ` (it was stopped from outside ${resumed} time(s) and resumed)` : '';
      if (reply?.kind === 'result') resolve({ ok: true, result: reply.result });
      else if (reply?.kind === 'failed') resolve({ ok: false, why: 'failed', message: `grading failed: ${reply.message}` });
      else if (timedOut) resolve({ ok: false, why: 'time-limit', message: `the grading did not finish within ${Math.round(timeLimitMs / 1000)} s and was stopped${stopped}` });
      else resolve({ ok: false, why: 'died', message: `the grading worker ended (${signal ? `killed by ${signal}` : `exit code ${code ?? '?'}`}) before sending a result${stopped}${tail}` });
    };
    // 'close' comes after the IPC channel and the pipes are drained (the reply is in); a process
    // the worker left holding a pipe is ended with its group, and 'close' is not waited for long
    child.on('exit', (code, signal) => {
      killGroup(child);
      setTimeout(() => settle(code, signal), 5000).unref();
    });
    child.on('close', (code, signal) => settle(code, signal));
    child.send(job, (error) => {
      if (error) killGroup(child);
    });
  });
}
