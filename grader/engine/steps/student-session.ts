import { mark, record } from '../../profile.ts';
import { StudentProcess, type BatchAnswer, type BatchCall, type CallOutcome, type Death, type DeathDetail, type DeathReason, type SandboxLimits } from '../../sandbox/student-process.ts';
import type { SparePool } from '../../sandbox/spare-pool.ts';

const MAX_SPAWNS = 3;
/** batched calls answered before their cost is estimated (expectedBatchMs) */
const MIN_CALLS_TO_ESTIMATE = 8;

/** `DLGRADE_BATCH=0` turns batching off: every call is its own round trip, as before. */
export function batchingEnabled(): boolean {
  return process.env['DLGRADE_BATCH'] !== '0';
}

export type SessionStart =
  | { kind: 'ok'; exports: Record<string, string> }
  | { kind: 'load-error'; name: string; message: string; stack: string; output: string }
  | ({ kind: 'dead'; output: string } & Death);

/**
 * The student's module for one exercise: one sandboxed process at a time, restarted after a
 * crash (up to MAX_SPAWNS), never after a timeout (the wall-clock limit ends the exercise).
 */
export class StudentSession {
  private proc: StudentProcess | undefined;
  private spawns = 0;
  /** processes started, restarts the grader caused included */
  private starts = 0;
  private outputs: string[] = [];
  /** time the student's code has used (loading and calls) across restarts */
  private usedMs = 0;

  private remainingMs(): number {
    return Math.max(1, this.limits.budgetMs - this.usedMs - (this.proc?.usedMs ?? 0));
  }
  /** set once a call hit the time limit: every later call fails at once */
  timedOut: { detail: DeathDetail } | undefined;
  /**
   * deaths by `crash` (the process ended without being told to: the student's own doing, or a
   * kill from outside the sandbox); the exercise is then graded once more (run-exercise.ts)
   */
  unexpectedDeaths = 0;
  /** set once the restart budget is spent */
  exhausted: Death | undefined;

  /**
   * Whether calls may still be sent in batches (grader/engine/steps/prefetch.ts): off with
   * DLGRADE_BATCH=0, and for the rest of the exercise once a batch ended in a death or the time
   * of batched answers never used passed WASTE_LIMIT_MS (a student cannot make batching cost more
   * than that, once: from then on every call is a round trip of its own, as before).
   */
  batching = batchingEnabled();
  /** time charged by batched calls whose answers were never used (their property failed earlier) */
  private wastedMs = 0;
  /** batched answers received but not used yet: their time is reserved from the budget of later batches */
  reservedMs = 0;
  /** the calls answered in batches so far, and the time charged for them (what a batch is expected to cost) */
  private batched = { calls: 0, ms: 0 };
  /**
   * the process died during a batch and that death has not been used as an answer: today's
   * sequence of calls would have found it alive, so the next live call restarts it without
   * counting the restart or charging its loading to the student
   */
  private diedInBatch = false;
  /** a process was started once: a restart (silent or not) never takes a spare */
  private everStarted = false;

  /**
   * `spares`: the grading's pool of processes started ahead (spare-pool.ts). `takeSpare`: the
   * first start may take one; restarts never do (nor does the engine's second grading of an
   * exercise), they only make room under the pool's bound.
   */
  constructor(
    private readonly moduleCode: string,
    private readonly limits: SandboxLimits,
    private readonly spares?: { pool: SparePool; takeSpare: boolean; owner?: object; takeShared?: boolean },
  ) {}

  /**
   * This exercise's first process had graded an exercise of the same submission before (a
   * recycled process, SparePool.recycle): a property that fails here ends the attempt at once
   * (`abandon`), and the exercise is graded again in a fresh process (run-exercise.ts).
   */
  shared = false;
  /** a property failed in a shared process: nothing more is asked of it (shrinking stops too) */
  abandoned = false;

  /** see `shared`: called when a property fails; in a fresh process it changes nothing */
  abandon(): void {
    if (this.shared) this.abandoned = true;
  }

  private get wasteLimitMs(): number {
    return Math.max(1000, this.limits.callTimeMs);
  }

  /** Starts the first process; tells whether the module loads at all. `silent`: a restart the grader caused (see diedInBatch). */
  async start(silent = false): Promise<SessionStart> {
    const t0 = Date.now();
    const limits = { ...this.limits, budgetMs: this.remainingMs() };
    const pool = this.spares?.pool;
    const first = !this.everStarted;
    const owner = this.spares?.takeShared === true ? this.spares.owner : undefined;
    const spare = pool !== undefined && this.spares?.takeSpare === true && first ? await pool.take(limits, owner) : (await pool?.makeRoom(), undefined);
    this.everStarted = true;
    this.starts++;
    const started = await StudentProcess.start({ moduleCode: this.moduleCode, limits, spare, owner });
    // the spare was recycled and took this module (StudentProcess.adopt); one whose module does
    // not load counts too: the exercise is graded again in a fresh process, like a failure
    if (first && spare?.shared === true) this.shared = true;
    // what loading cost the student: CPU time where measurable, not the wait for a core
    if (!silent) this.usedMs += started.chargedMs;
    record('student process start (spawn, sandbox, load)', Date.now() - t0);
    mark('first student process ready');
    if (!silent) this.spawns++;
    if (started.kind === 'ready') {
      this.proc = started.process;
      return { kind: 'ok', exports: started.exports };
    }
    this.outputs.push(started.output);
    if (started.kind === 'dead' && started.reason === 'crash') this.unexpectedDeaths++;
    if (started.kind === 'dead' && started.reason === 'timeout') this.timedOut = { detail: started.detail };
    if (started.kind === 'load-error') {
      const { name, message, stack } = started.error;
      return { kind: 'load-error', name, message, stack, output: started.output };
    }
    return { kind: 'dead', reason: started.reason, detail: started.detail, output: started.output };
  }

  /** True when calls can no longer produce real answers (shrinking should stop). */
  get finished(): boolean {
    return this.timedOut !== undefined || this.exhausted !== undefined || this.abandoned;
  }

  /** A live process for the next call: the current one, or a restart (undefined: none could start; `exhausted` says why). */
  private async live(): Promise<StudentProcess | undefined> {
    if (this.proc && !this.proc.dead) return this.proc;
    const silent = this.diedInBatch;
    this.diedInBatch = false;
    if (this.proc) {
      this.usedMs += this.proc.usedMs;
      this.outputs.push(this.proc.output());
      await this.proc.dispose();
      this.proc = undefined;
    }
    const restarted = await this.start(silent);
    if (restarted.kind !== 'ok') {
      const reason: DeathReason = restarted.kind === 'dead' ? restarted.reason : 'crash';
      this.exhausted = { reason, detail: restarted.kind === 'dead' ? restarted.detail : { code: 'load-failed', error: `${restarted.name}: ${restarted.message}` } };
      return undefined;
    }
    return this.proc;
  }

  /**
   * Sends several calls in one message (see StudentProcess.callBatch). The answers are only
   * kept: `use` applies one (its time, its death) when the property's check makes that very call;
   * `release` forgets those never used. A death ends the batch and batching for this exercise.
   */
  async batch(calls: readonly BatchCall[]): Promise<BatchAnswer[]> {
    if (!this.batching || this.finished || calls.length === 0) return [];
    // a process that died on a live call is restarted by the next live call, as before
    if (this.proc?.dead && !this.diedInBatch) return [];
    const proc = await this.live();
    if (!proc) return [];
    const t1 = performance.now();
    const answers = await proc.callBatch(calls, this.reservedMs);
    record('round trip to the student process (batch)', performance.now() - t1);
    const last = answers[answers.length - 1];
    if (last?.kind === 'dead') {
      this.batching = false;
      this.diedInBatch = true;
      // a batch that ran out of the budget reserved for it says nothing about today's sequence
      // of calls (those reserved answers may never be used): that call goes live
      if (last.detail.code === 'budget') answers.pop();
    }
    for (const a of answers) {
      this.reservedMs += a.chargedMs;
      this.batched.calls++;
      this.batched.ms += a.chargedMs;
    }
    return answers;
  }

  /**
   * What `calls` more batched calls are expected to cost the student's process, from the calls
   * this exercise's batches answered so far (undefined before MIN_CALLS_TO_ESTIMATE of them).
   */
  expectedBatchMs(calls: number): number | undefined {
    if (this.batched.calls < MIN_CALLS_TO_ESTIMATE) return undefined;
    return (this.batched.ms / this.batched.calls) * calls;
  }

  /**
   * A property of this exercise failed: its next properties will likely fail early too (a stub, a
   * wrong function), so their runs are no longer fetched all at once (prefetch.ts).
   */
  failedProperty = false;

  /** A batched answer is the answer of the call the check makes now: charge it, apply its death as a live call's. */
  async use(answer: BatchAnswer): Promise<CallOutcome> {
    record('calls answered from a batch', 0);
    this.reservedMs = Math.max(0, this.reservedMs - answer.chargedMs);
    if (this.proc) this.proc.charge(answer.chargedMs);
    else this.usedMs += answer.chargedMs;
    const { chargedMs: _charged, ...outcome } = answer;
    void _charged;
    if (outcome.kind === 'dead') {
      // the death happens here in today's sequence: the process the calls in between used (a
      // restart nobody counted) is ended, and the next call restarts it as after any death
      this.diedInBatch = false;
      if (this.proc && !this.proc.dead) await this.proc.dispose();
      this.afterDeath(outcome);
    }
    return outcome;
  }

  /** Answers of a batch never used (their property ended first). */
  release(answers: readonly BatchAnswer[]): void {
    for (const a of answers) {
      this.reservedMs = Math.max(0, this.reservedMs - a.chargedMs);
      this.wastedMs += a.chargedMs;
    }
    if (this.wastedMs > this.wasteLimitMs) this.batching = false;
  }

  private afterDeath(outcome: Extract<CallOutcome, { kind: 'dead' }>): void {
    if (outcome.reason === 'crash') this.unexpectedDeaths++;
    if (outcome.reason === 'timeout') this.timedOut = { detail: outcome.detail };
    else if (this.spawns >= MAX_SPAWNS) this.exhausted = { reason: outcome.reason, detail: outcome.detail };
  }

  async call(fn: string, args: unknown[]): Promise<CallOutcome> {
    if (this.timedOut) return { kind: 'dead', reason: 'timeout', detail: this.timedOut.detail };
    if (this.exhausted) return { kind: 'dead', ...this.exhausted };
    if (!(await this.live())) return { kind: 'dead', ...this.exhausted! };
    const t1 = performance.now();
    const outcome = await this.proc!.call(fn, args);
    record('round trip to the student process', performance.now() - t1);
    if (outcome.kind === 'dead') this.afterDeath(outcome);
    return outcome;
  }

  /** Everything the student's processes printed, capped by each process. */
  output(): string {
    const current = this.proc ? [this.proc.output()] : [];
    return [...this.outputs, ...current].filter((o) => o.length > 0).join('\n');
  }

  async dispose(): Promise<void> {
    if (this.proc) {
      this.outputs.push(this.proc.output());
      await this.proc.dispose();
      this.proc = undefined;
    }
  }

  /**
   * The exercise is done. `offer`: its process may serve the same grading's next exercise
   * (SparePool.recycle decides, with the runner's check), but only one that never died, restarted,
   * timed out or was abandoned, all of whose answers were used or released. Else it is ended.
   */
  async end(offer: boolean): Promise<void> {
    const pool = this.spares?.pool;
    const owner = this.spares?.owner;
    const proc = this.proc;
    const clean = proc !== undefined && !proc.dead && this.starts === 1 && this.unexpectedDeaths === 0 && !this.finished && !this.diedInBatch && this.reservedMs === 0;
    if (!offer || pool === undefined || owner === undefined || !clean) return this.dispose();
    this.outputs.push(proc.output());
    this.proc = undefined;
    await pool.recycle(proc, owner);
  }
}
