import { mark, record } from '../../profile.ts';
import { StudentProcess, type CallOutcome, type Death, type DeathDetail, type DeathReason, type SandboxLimits } from '../../sandbox/student-process.ts';
import type { SparePool } from '../../sandbox/spare-pool.ts';

const MAX_SPAWNS = 3;

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
   * `spares`: the grading's pool of processes started ahead (spare-pool.ts). `takeSpare`: the
   * first start may take one; restarts never do (nor does the engine's second grading of an
   * exercise), they only make room under the pool's bound.
   */
  constructor(
    private readonly moduleCode: string,
    private readonly limits: SandboxLimits,
    private readonly spares?: { pool: SparePool; takeSpare: boolean },
  ) {}

  /** Starts the first process; tells whether the module loads at all. */
  async start(): Promise<SessionStart> {
    const t0 = Date.now();
    const limits = { ...this.limits, budgetMs: this.remainingMs() };
    const pool = this.spares?.pool;
    const spare = pool !== undefined && this.spares?.takeSpare === true && this.spawns === 0 ? await pool.take(limits) : (await pool?.makeRoom(), undefined);
    const started = await StudentProcess.start({ moduleCode: this.moduleCode, limits, spare });
    // what loading cost the student: CPU time where measurable, not the wait for a core
    this.usedMs += started.chargedMs;
    record('student process start (spawn, sandbox, load)', Date.now() - t0);
    mark('first student process ready');
    this.spawns++;
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
    return this.timedOut !== undefined || this.exhausted !== undefined;
  }

  async call(fn: string, args: unknown[]): Promise<CallOutcome> {
    if (this.timedOut) return { kind: 'dead', reason: 'timeout', detail: this.timedOut.detail };
    if (this.exhausted) return { kind: 'dead', ...this.exhausted };
    if (!this.proc || this.proc.dead) {
      if (this.proc) {
        this.usedMs += this.proc.usedMs;
        this.outputs.push(this.proc.output());
        await this.proc.dispose();
        this.proc = undefined;
      }
      const restarted = await this.start();
      if (restarted.kind !== 'ok') {
        const reason: DeathReason = restarted.kind === 'dead' ? restarted.reason : 'crash';
        this.exhausted = { reason, detail: restarted.kind === 'dead' ? restarted.detail : { code: 'load-failed', error: `${restarted.name}: ${restarted.message}` } };
        return { kind: 'dead', ...this.exhausted };
      }
    }
    const t1 = performance.now();
    const outcome = await this.proc!.call(fn, args);
    record('round trip to the student process', performance.now() - t1);
    if (outcome.kind === 'dead') {
      if (outcome.reason === 'crash') this.unexpectedDeaths++;
      if (outcome.reason === 'timeout') this.timedOut = { detail: outcome.detail };
      else if (this.spawns >= MAX_SPAWNS) this.exhausted = { reason: outcome.reason, detail: outcome.detail };
    }
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
}
