import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { onProfileExit, profiling, record } from '../profile.ts';
import { decode, encode } from './codec.ts';
import { inheritableFds } from './inherited-fds.ts';
import { launchEnv, probeIsolation, recheckIsolation } from './isolation.ts';
import { runnerSource } from './runner-bundle.ts';
import { makeSandboxDir } from './sandbox-dirs.ts';
import { backstopFor, cpuMsOf, cpuReader, startCpuLimit, type CpuLimit } from './cpu-clock.ts';

export interface SandboxLimits {
  /** limit of one call, in the CPU time the student's processes use (wall-clock backstop: cpu-clock.ts) */
  callTimeMs: number;
  /**
   * the exercise's budget for the student's code: the CPU time the student's process uses in its
   * calls adds up against it (the wall clock where /proc cannot tell); the grader's own work does not
   */
  budgetMs: number;
  /** V8 heap limit; the resident set is also watched and capped at memoryMb + 160 MiB */
  memoryMb: number;
  /** bytes of stdout+stderr kept */
  outputBytes: number;
  /** the largest message accepted on the channel */
  messageBytes: number;
}

/** the time a student process may take to start and load the module */
export const LOAD_TIME_MS = 10_000;

/** loading gets its own, longer limit than a call (a module that hangs while loading is still stopped), within the budget */
function loadLimitOf(limits: SandboxLimits): number {
  return Math.max(1, Math.min(Math.max(LOAD_TIME_MS, limits.callTimeMs), limits.budgetMs));
}

export const DEFAULT_LIMITS: Omit<SandboxLimits, 'budgetMs'> = {
  callTimeMs: 5000,
  memoryMb: 256,
  outputBytes: 64 * 1024,
  messageBytes: 16 * 1024 * 1024,
};

export interface StudentError {
  /** 'error': an Error was thrown; 'non-error': something else was thrown; others: runner-side problems */
  kind: 'error' | 'non-error' | 'unserializable' | 'missing-export';
  name: string;
  message: string;
  stack: string;
}

export type DeathReason = 'timeout' | 'out-of-memory' | 'crash' | 'output-too-large' | 'protocol';

/**
 * Why the sandbox ended (or lost) a student process, as data: the report says it from the
 * catalog in the student's language (grader/i18n/sandbox-text.ts), never by matching a sentence.
 */
export type DeathDetail =
  | { code: 'call-time'; fn: string; ms: number }
  | { code: 'budget'; fn: string }
  | { code: 'load-time'; ms: number }
  | { code: 'start-failed'; detail: string }
  | { code: 'ended-while-loading' }
  | { code: 'too-large'; mib: number }
  | { code: 'protocol' }
  | { code: 'malformed' }
  | { code: 'used-memory'; mib: number }
  | { code: 'out-of-memory'; mib: number }
  | { code: 'killed'; signal: string }
  | { code: 'exited'; exitCode: string }
  /** a restarted process whose module threw while loading (grader/engine/steps/student-session.ts): the student's own error */
  | { code: 'load-failed'; error: string };

/** A dead process: what kind of death (scoring, retries) and its detail (the sentence). */
export interface Death {
  reason: DeathReason;
  detail: DeathDetail;
}

/**
 * V8 ends the process with abort() when its heap is exhausted ("FATAL ERROR: … heap out of
 * memory"), by far its commonest fatal error: SIGABRT; where the student's Node is pid 1 of its
 * namespace (unshare) abort() cannot raise SIGABRT and ends in SIGSEGV, SIGILL or SIGTRAP; a
 * launcher (bwrap) may report the signal as exit status 128 + n. What the student prints on
 * stderr decides nothing (it could forge V8's sentence); a student who sends itself one of these
 * signals is told it ran out of memory, and the call scores 0 either way.
 */
const FATAL_SIGNALS: ReadonlySet<string> = new Set(['SIGABRT', 'SIGSEGV', 'SIGILL', 'SIGTRAP', 'SIGBUS']);
const FATAL_STATUSES: ReadonlySet<number> = new Set([128 + 6, 128 + 11, 128 + 4, 128 + 5, 128 + 7]);

function isV8Abort(code: number | null, signal: NodeJS.Signals | null): boolean {
  return (signal !== null && FATAL_SIGNALS.has(signal)) || (code !== null && FATAL_STATUSES.has(code));
}

export type CallOutcome =
  | { kind: 'ok'; value: unknown; mutated: number[]; mutatedValues?: unknown[]; ms: number }
  | { kind: 'threw'; error: StudentError; mutated: number[]; mutatedValues?: unknown[] }
  | ({ kind: 'dead' } & Death);

/** `chargedMs`: the time loading charged to the student (CPU time where measurable, see cpu-clock.ts) */
export type StartOutcome = { chargedMs: number } & (
  | { kind: 'ready'; process: StudentProcess; exports: Record<string, string> }
  | { kind: 'load-error'; error: StudentError; output: string }
  | ({ kind: 'dead'; output: string } & Death)
);

/** One answer of a batch (see callBatch): the outcome, and the time it charged, not yet added to `usedMs`. */
export type BatchAnswer = CallOutcome & { chargedMs: number };

/** One call of a batch; `args` already encoded (codec.ts), as the memo compared them. */
export interface BatchCall {
  fn: string;
  encodedArgs: unknown;
  /** JSON.stringify(encodedArgs), when the caller has it already (the message is built from it) */
  argsJson?: string;
}

/** The batch message's line: built from each call's argsJson where given (the same text JSON.stringify writes). */
function batchLine(calls: readonly BatchCall[], firstId: number): string {
  const parts = calls.map((c, k) => (c.argsJson !== undefined ? `{"id":${firstId + k},"fn":${JSON.stringify(c.fn)},"args":${c.argsJson}}` : JSON.stringify({ id: firstId + k, fn: c.fn, args: c.encodedArgs })));
  return `{"batch":[${parts.join(',')}]}\n`;
}

/** Messages the trusted side wrote to student processes (calls and batches), for the profile and tests. */
let messagesSent = 0;
export function channelMessages(): number {
  return messagesSent;
}

interface Pending {
  id: number;
  resolve: (outcome: CallOutcome) => void;
  limit: CpuLimit;
}

/**
 * One student module in its own OS process. The trusted side only ever sends inputs and reads
 * outputs; a call that does not answer in time kills the process.
 */
export class StudentProcess {
  private readonly child: ChildProcess;
  private readonly channel: Duplex;
  readonly dir: string;
  /** the same folder, as the student process sees it */
  private readonly insideDir: string;
  private buffer = '';
  /** chunks received on the channel (a batch's limits wait for a turn without any, see callBatch) */
  private chunks = 0;
  /** time spent waiting for this process's answers, shared across restarts by the session */
  usedMs = 0;
  /** the launcher and the student's Node under it, found once the module is loaded */
  private tree: number[] | undefined;
  /** the tree's CPU time, its /proc files held open once the tree is known (see cpuReader) */
  private treeCpu: ReturnType<typeof cpuReader> | undefined;
  private nextId = 1;
  private pending: Pending | undefined;
  private outputChunks: Buffer[] = [];
  private outputSize = 0;
  private outputTruncated = false;
  private death: Death | undefined;
  private readyWaiter: ((message: Record<string, unknown>) => void) | undefined;
  private readonly memoryWatch: NodeJS.Timeout;
  private readonly exited: Promise<void>;
  /** its CPU time went to the profile (DLGRADE_PROFILE) */
  private cpuRecorded = false;
  /** the sandbox mechanism it was started under (a spare is only used under the same one) */
  private readonly mechanism: string;
  /** started ahead without the student's module (see spare-pool.ts); cleared once it is given one */
  private waitingForModule: boolean;
  /** started in its own process group (see Launch.detached) */
  private readonly detached: boolean;
  /** true when this process was a spare started ahead (it then loaded its one module on adoption) */
  startedAhead = false;
  /**
   * the grading whose exercise this process served and that may give it its next exercise
   * (`recycle`); undefined: a process that never held a module, or one that is not shared
   */
  private owner: object | undefined;
  /** modules this process was given so far (its files: student.mjs, then student-2.mjs, …) */
  private modules = 0;
  /** this process already graded an exercise of the same submission before its current one */
  shared = false;

  /** `moduleCode` undefined: a spare, started ahead; it loads a module once, when `adopt` hands it one */
  private constructor(
    private limits: SandboxLimits,
    moduleCode: string | undefined,
  ) {
    const isolation = probeIsolation();
    this.mechanism = isolation.mechanism;
    this.waitingForModule = moduleCode === undefined;
    if (moduleCode !== undefined) this.modules = 1;
    this.dir = makeSandboxDir();
    writeFileSync(join(this.dir, 'runner.mjs'), runnerSource());
    if (moduleCode !== undefined) writeFileSync(join(this.dir, 'student.mjs'), moduleCode);
    isolation.prepare(this.dir, moduleCode !== undefined ? ['runner.mjs', 'student.mjs'] : ['runner.mjs']);
    // the folder as the student process sees it ('/sandbox' in bubblewrap's empty root)
    this.insideDir = isolation.insideDir(this.dir);
    const nodeArgs = [
      `--max-old-space-size=${limits.memoryMb}`,
      '--max-semi-space-size=16',
      '--stack-size=2048',
      '--enable-source-maps',
      '--disable-proto=delete',
      '--no-addons',
      '--no-deprecation',
      '--no-warnings',
      ...isolation.hardeningFlags,
    ];
    // Node's permission model, the second wall inside: read only the folder, write nowhere, no
    // child process, no worker, no native addon
    if (isolation.permissionFlag) nodeArgs.push(isolation.permissionFlag, `--allow-fs-read=${this.insideDir}`);
    nodeArgs.push(join(this.insideDir, 'runner.mjs'), pathToFileURL(join(this.insideDir, 'student.mjs')).href);
    if (moduleCode === undefined) nodeArgs.push('deferred');
    // what this process holds without close-on-exec beyond the four descriptors set below: closed by
    // the runner before anything of the student's runs (grader/sandbox/inherited-fds.ts)
    const inherited = inheritableFds(4);
    if (inherited.length > 0) nodeArgs.push(`close-fds=${inherited.join(',')}`);
    const launch = isolation.launch(this.dir, nodeArgs);
    this.detached = launch.detached;
    this.child = spawn(launch.file, launch.args, {
      cwd: this.dir,
      // nothing of the grader's environment: no tokens, no secrets, no NODE_OPTIONS
      env: launchEnv(this.dir),
      stdio: [launch.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe', 'pipe'],
      detached: launch.detached,
      ...(launch.uid !== undefined ? { uid: launch.uid, gid: launch.gid } : {}),
    });
    // bubblewrap's arguments (grader/sandbox/isolation.ts), then end of file
    if (launch.input !== undefined) {
      this.child.stdin?.on('error', () => undefined); // it died first: its exit is reported
      this.child.stdin?.end(launch.input);
    }
    track(this);
    this.channel = this.child.stdio[3] as Duplex;
    this.channel.setEncoding('utf8');
    this.channel.on('data', (chunk: string) => this.onData(chunk));
    this.channel.on('error', () => undefined);
    this.child.stdout?.on('data', (chunk: Buffer) => this.onOutput(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.onOutput(chunk));
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        live.delete(this);
        this.onExit(code, signal);
        resolve();
      });
      this.child.on('error', (error) => {
        live.delete(this);
        this.die('crash', { code: 'start-failed', detail: error.message });
        resolve();
      });
    });
    this.memoryWatch = setInterval(() => this.checkMemory(), 100);
    this.memoryWatch.unref();
  }

  /**
   * Starts the process and waits until the module is loaded (or fails to load). `spare`: a process
   * started ahead (grader/sandbox/spare-pool.ts), taken from its pool for this start only; it is
   * used only if it can still take a module with these limits (usableFor), otherwise it is ended
   * and a process is started the usual way.
   */
  static async start(options: { moduleCode: string; limits: SandboxLimits; spare?: StudentProcess | undefined; owner?: object | undefined }): Promise<StartOutcome> {
    let spare = options.spare;
    if (spare !== undefined && !spare.usableFor(options.limits, options.owner)) {
      await spare.dispose();
      spare = undefined;
    }
    const proc = spare?.adopt(options.moduleCode, options.limits) ?? new StudentProcess(options.limits, options.moduleCode);
    let chargedMs = 0;
    const message = await new Promise<Record<string, unknown> | undefined>((resolve) => {
      // starting Node itself takes a while on a loaded machine: loading gets its own, longer
      // limit (a module that hangs while loading is still stopped), within the exercise's budget
      const loadLimit = loadLimitOf(options.limits);
      // counted in the CPU time of the student's processes: Node's own start-up waiting for a core
      // on a loaded machine is not the student's doing
      const limit = proc.startLimit(loadLimit, () => {
        chargedMs = loadLimit;
        proc.die('timeout', { code: 'load-time', ms: loadLimit });
        resolve(undefined);
      });
      const settle = (msg: Record<string, unknown> | undefined): void => {
        if (!proc.death) chargedMs = limit.charged();
        limit.cancel();
        resolve(msg);
      };
      proc.readyWaiter = settle;
      void proc.exited.then(() => settle(undefined));
    });
    if (!message) {
      await proc.dispose();
      // under an earlier run's cached sandbox answer, a process that never got ready makes it
      // probed again (it throws, a grader fault, when that sandbox no longer starts)
      recheckIsolation();
      const death: Death = proc.death ?? { reason: 'crash', detail: { code: 'ended-while-loading' } };
      return { kind: 'dead', ...death, output: proc.output(), chargedMs };
    }
    if (message['ready'] !== true) {
      const error = sanitizeError(message['error'], [proc.dir, proc.insideDir]);
      await proc.dispose();
      return { kind: 'load-error', error, output: proc.output(), chargedMs };
    }
    if (proc.child.pid !== undefined && proc.tree === undefined) {
      proc.tree = processTree(proc.child.pid);
      proc.treeCpu = cpuReader(proc.tree, { perTurn: true });
    }
    const exports: Record<string, string> = {};
    const raw = message['exports'];
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') exports[key.slice(0, 80)] = value.slice(0, 20);
    }
    return { kind: 'ready', process: proc, exports, chargedMs };
  }

  /**
   * A spare started ahead gets the student's module: written into its folder (bound read-only
   * inside, as always), then loaded once on the grader's word. Its limits are the exercise's (the
   * heap limit was set at spawn: StudentProcess.start only adopts a spare started with the same one, see usableFor).
   */
  private adopt(moduleCode: string, limits: SandboxLimits): StudentProcess {
    this.waitingForModule = false;
    this.startedAhead = true;
    this.limits = limits;
    const isolation = probeIsolation();
    if (this.owner === undefined) {
      this.modules = 1;
      writeFileSync(join(this.dir, 'student.mjs'), moduleCode);
      isolation.prepare(this.dir, ['runner.mjs', 'student.mjs']);
      this.channel.write('{"load":true}\n');
      return this;
    }
    // a shared process (recycle): the next module gets a name of its own (a module is imported
    // once per URL), the previous one's file is removed
    const previous = this.modules === 1 ? 'student.mjs' : `student-${this.modules}.mjs`;
    const name = `student-${++this.modules}.mjs`;
    rmSync(join(this.dir, previous), { force: true });
    writeFileSync(join(this.dir, name), moduleCode);
    isolation.prepare(this.dir, ['runner.mjs', name]);
    this.shared = true;
    this.channel.write(JSON.stringify({ load: name }) + '\n');
    return this;
  }

  /**
   * Offers this process, its exercise done, for the same submission's next exercise (spare-pool.ts
   * `recycle`): only a live process with no call pending, that loaded its module and answered all
   * it was asked, whose runner says it is as it was before that module (grader/sandbox/pristine.ts),
   * within a short limit. Then it waits as a spare that only `owner` may take (usableFor), with its
   * time, output and budget counted afresh. Otherwise it is ended. Whatever the runner says, an
   * exercise graded in a shared process that does not fully pass is graded again in a fresh one
   * (grader/engine/steps/run-exercise.ts): its answer only decides whether to try.
   */
  async recycle(owner: object): Promise<boolean> {
    if (this.death || this.pending || this.waitingForModule || this.readyWaiter || this.buffer !== '' || this.modules === 0) {
      await this.dispose();
      return false;
    }
    const limitMs = Math.max(1, Math.min(1000, this.limits.callTimeMs));
    const message = await new Promise<Record<string, unknown> | undefined>((resolve) => {
      const limit = this.startLimit(limitMs, () => {
        this.die('timeout', { code: 'load-time', ms: limitMs });
        resolve(undefined);
      });
      this.readyWaiter = (msg) => {
        limit.cancel();
        resolve(msg);
      };
      void this.exited.then(() => resolve(undefined));
      this.channel.write('{"recycle":true}\n');
    });
    this.readyWaiter = undefined;
    // what the module printed is in its pipes before the answer (its writes to them are
    // synchronous): one more turn of the event loop reads it, so that it is not counted as the
    // next module's output
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (message?.['recycled'] !== true || this.death || this.outputTruncated) {
      await this.dispose();
      return false;
    }
    this.owner = owner;
    this.waitingForModule = true;
    this.usedMs = 0;
    this.outputChunks = [];
    this.outputSize = 0;
    return true;
  }

  /** the grading a recycled spare may serve (undefined: a fresh spare, or a process in use) */
  get servesOwner(): object | undefined {
    return this.waitingForModule ? this.owner : undefined;
  }

  /** A spare (no module yet) with these limits; see grader/sandbox/spare-pool.ts. */
  static spare(limits: SandboxLimits): StudentProcess {
    return new StudentProcess(limits, undefined);
  }

  /**
   * A spare that can still take a module: alive, waiting for one, started under today's mechanism
   * with this heap limit; a recycled one only for the grading it served (`owner`), a fresh one for any.
   */
  usableFor(limits: SandboxLimits, owner?: object): boolean {
    return (
      this.waitingForModule &&
      (this.owner === undefined || this.owner === owner) &&
      !this.dead &&
      this.child.exitCode === null &&
      this.child.signalCode === null &&
      sameHeapLimit(this.limits, limits) &&
      this.mechanism === probeIsolation().mechanism
    );
  }

  /**
   * A time limit on this process: `limitMs` of the CPU time its process tree uses (where /proc
   * tells; else the wall clock), with a generous wall-clock backstop for a process that hangs idle.
   */
  private startLimit(limitMs: number, onExpire: () => void, startCpu?: number): CpuLimit {
    const pid = this.child.pid;
    return startCpuLimit({
      startCpu,
      limitMs,
      backstopMs: backstopFor(limitMs),
      // once the module answered, its process tree is known (it can start no process: the
      // permission model) and is not looked up again at every call
      cpuMs: () => (pid === undefined ? undefined : this.treeCpu ? this.treeCpu.read() : cpuMsOf(this.tree ?? processTree(pid))),
      onExpire,
    });
  }

  get dead(): boolean {
    return this.death !== undefined;
  }

  /** Calls an exported function with a copy of `args`; never throws. */
  call(fn: string, args: unknown[]): Promise<CallOutcome> {
    if (this.death) return Promise.resolve({ kind: 'dead', ...this.death });
    if (this.pending) throw new Error('StudentProcess.call: one call at a time');
    const id = this.nextId++;
    const budget = Math.min(this.limits.callTimeMs, this.limits.budgetMs - this.usedMs);
    return new Promise<CallOutcome>((resolve) => {
      const limit = this.startLimit(Math.max(1, budget), () => {
        this.die('timeout', budget < this.limits.callTimeMs ? { code: 'budget', fn } : { code: 'call-time', fn, ms: this.limits.callTimeMs });
      });
      this.pending = {
        id,
        resolve: (outcome) => {
          this.usedMs += limit.charged();
          resolve(outcome);
        },
        limit,
      };
      messagesSent++;
      this.channel.write(JSON.stringify({ id, fn, args: encode(args) }) + '\n');
    });
  }

  /**
   * Several calls in one message; each is still a call of its own: its own time limit (the
   * exercise's per-call limit, and the budget left after `reservedMs` and the batch's earlier
   * calls), its own answer line under the channel's size cap, its own mutation check. The answers
   * arrive one by one; each call's limit starts when the previous answer arrives. A death (a call
   * ran out of time, the process crashed, an answer too large) ends the batch: the dying call gets
   * it as its answer, the calls after it get none (the result is shorter than `calls`). Nothing is
   * added to `usedMs`: the caller charges an answer when it uses it (`charge`).
   */
  callBatch(calls: readonly BatchCall[], reservedMs: number): Promise<BatchAnswer[]> {
    if (this.death) return Promise.resolve([{ kind: 'dead', ...this.death, chargedMs: 0 }]);
    if (this.pending) throw new Error('StudentProcess.callBatch: one call at a time');
    if (calls.length === 0) return Promise.resolve([]);
    const firstId = this.nextId;
    this.nextId += calls.length;
    const answers: BatchAnswer[] = [];
    let spent = reservedMs;
    return new Promise<BatchAnswer[]>((resolve) => {
      /** the clock's reading at the end of the previous call of this batch: where the next one starts */
      let reading: number | undefined;
      const arm = (k: number): void => {
        const fn = calls[k]!.fn;
        const budget = Math.min(this.limits.callTimeMs, this.limits.budgetMs - this.usedMs - spent);
        const id = firstId + k;
        const expire = (): void => {
          if (this.pending?.id !== id) return;
          this.die('timeout', budget < this.limits.callTimeMs ? { code: 'budget', fn } : { code: 'call-time', fn, ms: this.limits.callTimeMs });
        };
        // the student's process runs on to the next call as soon as it answers: if this process
        // was busy (another exercise's reference), the answers may be waiting in the channel while
        // the CPU clock already counts the next call's time. The limit is only enforced once a
        // whole turn of the event loop brought no new data (a hung call brings none)
        const limit = this.startLimit(Math.max(1, budget), () => {
          let seen = this.chunks;
          let turns = 0;
          const settle = (): void => {
            if (this.pending?.id !== id) return;
            // a call that hangs cannot also write (one thread, no workers): still, never wait long
            if (this.chunks === seen || ++turns > 64) return expire();
            seen = this.chunks;
            setImmediate(settle);
          };
          setImmediate(settle);
        }, reading);
        this.pending = {
          id,
          resolve: (outcome) => {
            const chargedMs = limit.charged();
            reading = limit.lastReading();
            spent += chargedMs;
            answers.push({ ...outcome, chargedMs });
            if (outcome.kind === 'dead' || k + 1 === calls.length) resolve(answers);
            else arm(k + 1);
          },
          limit,
        };
      };
      arm(0);
      messagesSent++;
      this.channel.write(batchLine(calls, firstId));
    });
  }

  /** Adds the time of an answer the session used (a batch's answers are charged when used). */
  charge(ms: number): void {
    this.usedMs += ms;
  }

  /** The student's stdout and stderr, capped. */
  output(): string {
    const text = hideDirs(Buffer.concat(this.outputChunks).toString('utf8'), [this.dir, this.insideDir]);
    return this.outputTruncated ? `${text}\n…[output truncated at ${this.limits.outputBytes} bytes]` : text;
  }

  /** see endAllStudentProcesses */
  killNow(): void {
    clearInterval(this.memoryWatch);
    const pid = this.child.pid;
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        if (this.detached) process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      this.killTree(pid);
    }
    this.treeCpu?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** DLGRADE_PROFILE: the CPU time this process tree used, once, read just before it ends (one that ended by itself is not counted) */
  recordCpu(tree = this.child.pid !== undefined ? processTree(this.child.pid) : []): void {
    if ((!profiling && cpuTally === undefined) || this.cpuRecorded || tree.length === 0) return;
    this.cpuRecorded = true;
    const cpu = cpuMsOf(tree);
    if (cpu === undefined) return;
    if (profiling) record(STUDENT_CPU_SPAN, cpu);
    if (cpuTally !== undefined) cpuTally.ms += cpu;
  }

  /**
   * SIGKILL to the launcher and to every process under it, read just before: bubblewrap's own
   * child (the namespace's init) is ended by --die-with-parent only once it has set that up, and a
   * launcher killed in the first milliseconds of its start (a spare, on SIGINT) would leave it
   * behind, blocked waiting for its parent, in the sandbox folder.
   */
  private killTree(pid: number): void {
    const tree = processTree(pid);
    this.recordCpu(tree);
    this.child.kill('SIGKILL');
    for (const other of tree.slice(1)) {
      try {
        process.kill(other, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }

  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      if (this.child.pid !== undefined) this.killTree(this.child.pid);
      else this.child.kill('SIGKILL');
      await this.exited;
    }
    clearInterval(this.memoryWatch);
    this.treeCpu?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private onData(chunk: string): void {
    this.chunks++;
    this.buffer += chunk;
    // the cap holds per message (a batch's answers may arrive together): each answer line, with
    // its newline, and the one still arriving, must fit in messageBytes
    const tooLarge = (): void => this.die('output-too-large', { code: 'too-large', mib: Math.round(this.limits.messageBytes / 1048576) });
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0 && !this.death) {
      if (newline + 1 > this.limits.messageBytes) return tooLarge();
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      this.onMessage(line);
      newline = this.buffer.indexOf('\n');
    }
    if (!this.death && this.buffer.length > this.limits.messageBytes) tooLarge();
  }

  private onMessage(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      this.die('protocol', { code: 'protocol' });
      return;
    }
    if (!message || typeof message !== 'object') return this.die('protocol', { code: 'malformed' });
    const msg = message as Record<string, unknown>;
    if (msg['id'] === 0) {
      const waiter = this.readyWaiter;
      this.readyWaiter = undefined;
      waiter?.(msg);
      return;
    }
    const pending = this.pending;
    if (!pending || msg['id'] !== pending.id) return; // stale or forged: ignored
    pending.limit.cancel();
    this.pending = undefined;
    const mutated = Array.isArray(msg['mutated']) ? (msg['mutated'] as unknown[]).filter((i): i is number => Number.isInteger(i)).slice(0, 16) : [];
    // what the modified arguments hold now (only to say where they changed; untrusted, never compared for a grade)
    let mutatedValues: unknown[] | undefined;
    if (mutated.length > 0 && Array.isArray(msg['after']) && msg['after'].length === mutated.length) {
      try {
        mutatedValues = (msg['after'] as unknown[]).map((v) => (v === null ? undefined : decode(v)));
      } catch {
        mutatedValues = undefined;
      }
    }
    const tracked = mutatedValues ? { mutated, mutatedValues } : { mutated };
    if (msg['ok'] === true) {
      let value: unknown;
      try {
        value = decode(msg['value']);
      } catch (error) {
        pending.resolve({ kind: 'threw', error: { kind: 'unserializable', name: 'Error', message: String((error as Error).message), stack: '' }, ...tracked });
        return;
      }
      pending.resolve({ kind: 'ok', value, ...tracked, ms: typeof msg['ms'] === 'number' ? msg['ms'] : 0 });
    } else {
      pending.resolve({ kind: 'threw', error: sanitizeError(msg['error'], [this.dir, this.insideDir]), ...tracked });
    }
  }

  private onOutput(chunk: Buffer): void {
    if (this.outputSize >= this.limits.outputBytes) {
      this.outputTruncated = true;
      return; // keep draining so the child never blocks on a full pipe
    }
    const room = this.limits.outputBytes - this.outputSize;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.outputTruncated = true;
    this.outputChunks.push(Buffer.from(kept));
    this.outputSize += kept.length;
  }

  private checkMemory(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.death) return;
    // the student's Node may run under bwrap or unshare (and their init): the resident set of the
    // whole tree counts
    let kb = 0;
    for (const member of processTree(pid)) {
      try {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
        if (rss) kb += Number(rss[1]);
      } catch {
        // not Linux, or already gone
      }
    }
    if (kb / 1024 > this.limits.memoryMb + 160) {
      this.die('out-of-memory', { code: 'used-memory', mib: this.limits.memoryMb + 160 });
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.death) return this.settleDead();
    if (isV8Abort(code, signal)) {
      this.death = { reason: 'out-of-memory', detail: { code: 'out-of-memory', mib: this.limits.memoryMb } };
    } else {
      this.death = { reason: 'crash', detail: signal ? { code: 'killed', signal } : { code: 'exited', exitCode: String(code ?? '?') } };
    }
    this.settleDead();
  }

  private die(reason: DeathReason, detail: DeathDetail): void {
    if (!this.death) this.death = { reason, detail };
    if (this.child.exitCode === null && this.child.signalCode === null) {
      if (this.child.pid !== undefined) this.killTree(this.child.pid);
      else this.child.kill('SIGKILL');
    }
    this.settleDead();
  }

  private settleDead(): void {
    const pending = this.pending;
    if (pending && this.death) {
      pending.limit.cancel();
      this.pending = undefined;
      pending.resolve({ kind: 'dead', ...this.death });
    }
  }
}

/**
 * Every student process this grader process has started and that has not exited yet (spares
 * included): counted from the spawn to the child's exit, so the count is never below what the OS
 * holds. The spare pool keeps it under its bound (spare-pool.ts); tests read it.
 */
const live = new Set<StudentProcess>();
let mostLive = 0;
let endOnExit = false;

function track(proc: StudentProcess): void {
  live.add(proc);
  mostLive = Math.max(mostLive, live.size);
  if (!endOnExit) {
    endOnExit = true;
    // whatever ends this process (process.exit from a signal handler, the regrade worker's
    // exit): no student process, spare or not, outlives it, and no sandbox folder stays behind
    process.on('exit', endAllStudentProcesses);
    // the profile's report is made before that: the processes still alive count their CPU first
    onProfileExit(() => {
      for (const alive of live) alive.recordCpu();
    });
  }
}

/**
 * Node's heap limit is set when a process is spawned: a process started with limits `a` (a spare,
 * or one handed on by the exercise it served) can take only an exercise whose limit is the same.
 */
export function sameHeapLimit(a: SandboxLimits, b: SandboxLimits): boolean {
  return a.memoryMb === b.memoryMb;
}

/** the DLGRADE_PROFILE span of the student processes' CPU time (recordCpu), as the benchmarks read it */
export const STUDENT_CPU_SPAN = 'student processes: CPU time (10 ms ticks)';

/** see tallyStudentCpu */
let cpuTally: { ms: number } | undefined;

/**
 * For benchmarks in this process (tests/bench/process-bench.ts): from now on each student process
 * tree's CPU time, read just before it is ended (as DLGRADE_PROFILE's span does), is added to
 * `tally.ms`; undefined stops it. A process that ended by itself is not counted. Waited-for
 * children's rusage cannot give it: the sandbox's Node is SIGKILLed before its launcher waits.
 */
export function tallyStudentCpu(tally: { ms: number } | undefined): void {
  cpuTally = tally;
}

/** student processes started by this grader process and not exited yet */
export function liveStudentProcesses(): number {
  return live.size;
}

/** the most student processes alive at once since the last resetMostLive (tests, bench) */
export function mostLiveStudentProcesses(): number {
  return mostLive;
}

export function resetMostLive(): void {
  mostLive = live.size;
}

/**
 * Synchronously kills every live student process (SIGKILL to the launcher, and to its group
 * where it has its own) and removes its folder: for an exit or a signal, where nothing can be
 * awaited.
 */
export function endAllStudentProcesses(): void {
  for (const proc of [...live]) proc.killNow();
  live.clear();
}

/** the sandbox folder's paths (outside and inside) in a student's output become '<sandbox>' */
function hideDirs(text: string, dirs: string[]): string {
  let out = text;
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) out = out.split(dir).join('<sandbox>');
  return out;
}

/**
 * pid and its descendants (Linux: /proc/<pid>/task/<pid>/children; bwrap and unshare fork from
 * their main thread, and the student's Node may start no process), at most a few
 */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length && tree.length < 8; i++) {
    try {
      const children = readFileSync(`/proc/${tree[i]}/task/${tree[i]}/children`, 'utf8').trim();
      if (children) for (const child of children.split(/\s+/)) tree.push(Number(child));
    } catch {
      // not Linux, or already gone
    }
  }
  return tree;
}

function sanitizeError(raw: unknown, sandboxDirs: string[] = []): StudentError {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  // longest first: '/tmp/sandbox' must not be cut by a shorter match
  const dirs = [...new Set(sandboxDirs)].sort((a, b) => b.length - a.length);
  const text = (value: unknown, max: number): string => {
    let cleaned = typeof value === 'string' ? value : '';
    for (const dir of dirs) cleaned = cleaned.split(pathToFileURL(dir).href + '/').join('').split(dir + '/').join('');
    return hideDirs(cleaned, dirs).slice(0, max);
  };
  const kind = record['kind'];
  return {
    kind: kind === 'error' || kind === 'non-error' || kind === 'unserializable' || kind === 'missing-export' ? kind : 'error',
    name: text(record['name'], 100),
    message: text(record['message'], 2000),
    stack: text(record['stack'], 4000),
  };
}
