import { onShutdown } from '../shutdown.ts';
import { probeIsolation } from './isolation.ts';
import { DEFAULT_LIMITS, liveStudentProcesses, StudentProcess, type SandboxLimits } from './student-process.ts';

/**
 * How many student processes a grading may hold beyond its concurrency: at most this many spares
 * are waiting while every exercise slot has its own process (more only before the slots are busy,
 * and never more in all than concurrency + PRESTART_EXTRA).
 */
export const PRESTART_EXTRA = 1;

/** `DLGRADE_PRESTART=0`: no student process is started ahead (each exercise starts its own, as before). */
export function prestartEnabled(): boolean {
  return process.env['DLGRADE_PRESTART'] !== '0';
}

/**
 * Spares are only started under a sandbox whose processes wall holds (bubblewrap, unshare): there
 * a student's process cannot see, signal or stop a spare waiting for another exercise (or, in a
 * regrade worker, for the next student). Under the plain-process fallback it could (same uid),
 * so there every exercise starts its own process, as before.
 */
export function sparesAllowed(): boolean {
  return probeIsolation().info.walls.processes === 'isolated';
}

/**
 * `DLGRADE_SHARE=0`: no process takes a second exercise (every exercise starts in a fresh
 * process, as before item 5). See SparePool.recycle.
 */
export function sharingEnabled(): boolean {
  return process.env['DLGRADE_SHARE'] !== '0';
}

/** spares started by every pool of this process (tests: a grading's own pool is not reachable from outside) */
let startedInAll = 0;
export function sparesStarted(): number {
  return startedInAll;
}

/**
 * Student processes started ahead, while the trusted side prepares (the catalog, the specs and
 * references, TensorFlow.js) and while other exercises are graded (grader/engine/grade.ts, the
 * regrade worker, check --watch). A spare is a student process like any other (same launch, same
 * sandbox, same Node flags and heap limit, the same permission model reading only its own folder)
 * that waits without the student's module (runner.ts `deferred`). It holds no student code until
 * it is taken; it is taken once (removed from the pool) by one exercise's first start, loads that
 * one module and is disposed with its exercise like every process. A spare is used only when it
 * is alive and was started under the mechanism probed now with the same heap limit
 * (StudentProcess.usableFor); restarts after a crash never take one.
 *
 * The bound: a spare is started only while fewer than `bound` student processes of this grader
 * process are alive (spares included), and a start that finds no spare first ends spares until it
 * fits (makeRoom). A grading sets `bound` to its concurrency + PRESTART_EXTRA, and its exercises
 * hold at most one process each, so no more than that are ever alive at once.
 */
export class SparePool {
  readonly #spares: StudentProcess[] = [];
  #upcoming: () => readonly SandboxLimits[] = () => [];
  #bound: number;
  /** spares started and spares taken so far (tests, bench) */
  started = 0;
  taken = 0;
  /** processes recycled for a next exercise, and those taken again (tests, bench) */
  recycled = 0;
  reused = 0;
  /** exercises graded in a recycled process without a full pass, then graded again in a fresh one (run-exercise.ts) */
  redone = 0;

  constructor(concurrency = 1) {
    this.#bound = Math.max(1, concurrency) + PRESTART_EXTRA;
  }

  /** the most student processes alive at once while this pool starts spares */
  get bound(): number {
    return this.#bound;
  }

  /** A grading with this concurrency: at most concurrency + PRESTART_EXTRA processes alive. */
  setConcurrency(concurrency: number): void {
    this.#bound = Math.max(1, concurrency) + PRESTART_EXTRA;
  }

  /** spares waiting now */
  get size(): number {
    return this.#spares.length;
  }

  /**
   * What comes next: the limits of the exercises about to start a process, in order. The pool
   * starts spares for the first of them (as many as the bound allows), now and after every take.
   */
  plan(upcoming: () => readonly SandboxLimits[]): void {
    this.#upcoming = upcoming;
    this.fill();
  }

  /** Starts the spares the plan asks for that are not waiting yet, within the bound. */
  fill(): void {
    this.#dropDead();
    const free = [...this.#spares];
    for (const limits of this.#upcoming().slice(0, this.#bound)) {
      const i = free.findIndex((s) => s.usableFor(limits, s.servesOwner));
      if (i >= 0) {
        free.splice(i, 1);
        continue;
      }
      if (liveStudentProcesses() >= this.#bound) return;
      try {
        this.#spares.push(StudentProcess.spare(limits));
        this.started++;
        startedInAll++;
      } catch {
        return; // no spare: the start spawns as usual (and reports why it cannot)
      }
    }
  }

  /**
   * A spare for an exercise's first start with these limits, removed from the pool (it is never
   * given back), or undefined: then room is made for the start's own process. `owner`: the
   * grading asking; a process it recycled is taken first (no start at all), then a fresh one. A
   * process recycled by another grading is never given. Either way the next spares are started
   * right after.
   */
  async take(limits: SandboxLimits, owner?: object): Promise<StudentProcess | undefined> {
    this.#dropDead();
    let i = owner === undefined ? -1 : this.#spares.findIndex((s) => s.servesOwner === owner && s.usableFor(limits, owner));
    if (i < 0) i = this.#spares.findIndex((s) => s.servesOwner === undefined && s.usableFor(limits));
    const taken = i >= 0 ? this.#spares.splice(i, 1)[0] : undefined;
    if (taken !== undefined) this.taken++;
    if (taken?.servesOwner !== undefined) this.reused++;
    if (taken === undefined) await this.makeRoom();
    this.fill();
    return taken;
  }

  /**
   * An exercise is done with its process: where it may serve the same grading's next exercise
   * (StudentProcess.recycle: alive, idle, and its runner finds it as it was before the module), it
   * waits here for `owner` alone; otherwise it is ended. Recycled processes are ended first when
   * room is needed, and all of `owner`'s when its grading is done (release).
   */
  async recycle(proc: StudentProcess, owner: object): Promise<void> {
    if (!(await proc.recycle(owner))) return;
    this.recycled++;
    this.#spares.push(proc);
  }

  /** The grading `owner` is done: every process it recycled is ended (never given to another grading). */
  async release(owner: object): Promise<void> {
    const mine = this.#spares.filter((s) => s.servesOwner === owner);
    for (const s of mine) this.#spares.splice(this.#spares.indexOf(s), 1);
    await Promise.all(mine.map((s) => s.dispose()));
    this.fill();
  }

  /**
   * Before a start that takes no spare (none fits, or a restart): ends spares until `more` more
   * processes fit under the bound (recycled ones first: they serve one grading, a fresh one any).
   */
  async makeRoom(more = 1): Promise<void> {
    this.#dropDead();
    const ended: Promise<void>[] = [];
    while (this.#spares.length > 0 && liveStudentProcesses() - ended.length > this.#bound - more) {
      const r = this.#spares.findIndex((s) => s.servesOwner !== undefined);
      ended.push(this.#spares.splice(r >= 0 ? r : this.#spares.length - 1, 1)[0]!.dispose());
    }
    await Promise.all(ended);
  }

  /** Ends every spare and forgets the plan (a grading is done, the watcher stops, the worker exits). */
  async dispose(): Promise<void> {
    this.#upcoming = () => [];
    await Promise.all(this.#spares.splice(0).map((s) => s.dispose()));
  }

  /** a spare that died while waiting (killed from outside, out of memory) is ended and forgotten */
  #dropDead(): void {
    for (let i = this.#spares.length - 1; i >= 0; i--) {
      const spare = this.#spares[i]!;
      if (spare.dead) {
        this.#spares.splice(i, 1);
        void spare.dispose();
      }
    }
  }
}

/** The pool startEarlySpare started, until a grading takes it (takeEarlyPool). */
let early: SparePool | undefined;

/**
 * `dlgrade grade` and `dlgrade check` (cli/main.ts, before the command and its imports load):
 * one spare started now, with the limits every exercise of the catalog has unless it sets its own
 * memory (`memoryMb`: what a spare must match, StudentProcess.usableFor), ~100 ms before the
 * grading would start it. The grading's own pool begins with it (takeEarlyPool); a spare no
 * exercise can use is ended like any other (makeRoom, dispose), and one no grading took is ended
 * at shutdown. Nothing under the plain-process fallback or with DLGRADE_PRESTART=0 (as any spare).
 */
export function startEarlySpare(memoryMb: number): void {
  if (early !== undefined || !prestartEnabled()) return;
  try {
    if (!sparesAllowed()) return;
  } catch {
    return; // the probe's own failure is reported by the grading, with its fix
  }
  const pool = new SparePool(1);
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, memoryMb, budgetMs: DEFAULT_LIMITS.callTimeMs };
  let first = true;
  pool.plan(() => (first ? ((first = false), [limits]) : []));
  early = pool;
  onShutdown(() => takeEarlyPool()?.dispose());
}

/** The pool startEarlySpare started, for the grading that takes it (then its own, ended with it); undefined if none. */
export function takeEarlyPool(): SparePool | undefined {
  const pool = early;
  early = undefined;
  return pool;
}

