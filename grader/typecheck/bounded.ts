import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { currentTree } from '../boot/tree.mjs';
import { backstopFor, cpuMsOfThread, startCpuLimit } from '../sandbox/cpu-clock.ts';
import { t } from '../i18n/index.ts';
import { onShutdown } from '../shutdown.ts';
import { cacheEntry, typecheckCacheEnabled } from './cache.ts';
import { typecheckStudentFile, type TypecheckInput, type TypecheckOutcome } from './typecheck.ts';

/**
 * The type check with a limit of its own. tsc runs on the student's text, and a type-level bomb
 * (recursive conditional types that instantiate millions of distinct types, statement after
 * statement) can keep it busy for hours: in the grading process that would hold `dlgrade grade`
 * forever. So the check runs in a worker thread, one file at a time, and is stopped once that
 * thread has used `limitMs` of CPU time (counted from /proc/<pid>/task/<tid>/stat, like the
 * student's own limits in grader/sandbox/cpu-clock.ts, so a loaded machine that makes it wait for
 * a core does not stop it), or after a generous wall-clock backstop, or when its heap passes a
 * limit. A stopped check is one finding that says so; grading goes on as usual and nothing is
 * charged (type errors never cost points). The worker stays loaded between checks (watch mode
 * checks again on every save) and does not keep the process alive while idle.
 */

/** CPU time one check may use: a warm check of a real exercise takes well under a second */
export const TYPECHECK_CPU_LIMIT_MS = 30_000;
/** the worker's heap: a check of one file needs a few hundred MB at most */
const HEAP_LIMIT_MB = 2048;
/** loading the checker, TypeScript and the standard library in a fresh worker (not counted in the limit) */
const STARTUP_LIMIT_MS = 120_000;

/** the limit in force: DLGRADE_TYPECHECK_CPU_MS (a positive integer) overrides the default, for tests */
function cpuLimitMs(): number {
  const raw = process.env.DLGRADE_TYPECHECK_CPU_MS;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : TYPECHECK_CPU_LIMIT_MS;
}

interface Job {
  id: number;
  input: Omit<TypecheckInput, 'exportLine'>;
  exportLines: [string, number | undefined][];
  lang: TypecheckInput['lang'];
  resolve: (outcome: TypecheckOutcome | { stopped: 'cpu' | 'wall' | 'memory'; seconds: number }) => void;
}

interface Checker {
  worker: Worker;
  ready: Promise<number | undefined>;
  current?: { job: Job; limit?: { cancel(): void; charged(): number } };
  dead: boolean;
}

/** the worker's script in an install; absent in the self-contained assignment bundle */
const WORKER_URL = new URL('./bounded-worker.mjs', import.meta.url);
/** workerData that starts the assignment bundle (.dlgrade/grader.mjs) as the type checker's thread */
export const BUNDLED_WORKER_FLAG = 'dlgradeTypecheckWorker';
/** workerData naming the build tree the install's worker script loads the checker from (bounded-worker.mjs) */
const TREE_WORKER_DATA = 'dlgradeTree';
let bundledWorker: URL | undefined;

/**
 * The assignment bundle names itself as the worker's script: it starts as the checker's thread
 * (serveTypecheckWorker) when its workerData holds BUNDLED_WORKER_FLAG (grader/assign/bundle.ts).
 */
export function registerBundledTypecheckWorker(url: string): void {
  bundledWorker = new URL(url);
  workerAvailable = undefined;
}

let workerAvailable: boolean | undefined;
function hasWorker(): boolean {
  workerAvailable ??= bundledWorker !== undefined || (WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL)));
  return workerAvailable;
}

let checker: Checker | undefined;
const queue: Job[] = [];
let nextId = 1;

/**
 * What the install's worker script (bounded-worker.mjs) loads the checker from: the build tree
 * this process loads from, when it does (the same build as the rest of the grader, and no module
 * hooks: they cost the thread a hooks thread of its own and a round trip to it for every module,
 * ~0.3 s of CPU), else the sources through the hooks.
 */
function installWorkerData(): { [TREE_WORKER_DATA]?: { root: string; out: string; sources: string[] } } {
  const tree = currentTree();
  return tree === undefined ? {} : { [TREE_WORKER_DATA]: { root: tree.root, out: tree.out, sources: [...tree.sources] } };
}

function spawn(): Checker {
  const worker = new Worker(bundledWorker ?? WORKER_URL, {
    workerData: bundledWorker ? { [BUNDLED_WORKER_FLAG]: true } : installWorkerData(),
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  // a command that ends early (an error before any check) must not wait for the worker's start
  const forget = onShutdown(() => worker.terminate());
  worker.once('exit', () => forget());
  const self: Checker = { worker, dead: false, ready: Promise.resolve(undefined) };
  self.ready = new Promise((resolve, reject) => {
    const startup = setTimeout(() => {
      die(new Error(`the type checker did not start within ${STARTUP_LIMIT_MS / 1000} s`));
      void worker.terminate();
    }, STARTUP_LIMIT_MS);
    startup.unref();
    worker.on('message', (message: { ready?: boolean; tid?: number; id?: number; outcome?: TypecheckOutcome }) => {
      if (message.ready) {
        clearTimeout(startup);
        resolve(message.tid);
        return;
      }
      const current = self.current;
      if (!current || current.job.id !== message.id) return;
      current.limit?.cancel();
      self.current = undefined;
      current.job.resolve(message.outcome!);
      worker.unref();
      pump();
    });
    const die = (error: Error): void => {
      clearTimeout(startup);
      reject(error);
      if (self.dead) return;
      self.dead = true;
      if (checker === self) checker = undefined;
      const current = self.current;
      self.current = undefined;
      current?.limit?.cancel();
      if (current) {
        const oom = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        current.job.resolve(oom ? { stopped: 'memory', seconds: Math.round((current.limit?.charged() ?? 0) / 1000) } : { ok: false, message: t(current.job.lang).typecheck.checkerFailed(error.message) });
      }
      pump();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`the type checker's thread exited (${code})`)));
  });
  self.ready.catch(() => undefined);
  return self;
}

/** Sends the next queued check to the worker (starting one if there is none) when it is free. */
function pump(): void {
  if (queue.length === 0) return;
  if (!checker || checker.dead) checker = spawn();
  const self = checker;
  if (self.current) return;
  const job = queue.shift()!;
  self.current = { job };
  self.worker.ref(); // a check in progress keeps the process alive; an idle worker does not
  self.ready.then(
    (tid) => {
      if (self.dead || self.current?.job !== job) return;
      const limitMs = cpuLimitMs();
      self.current.limit = startCpuLimit({
        limitMs,
        backstopMs: backstopFor(limitMs),
        cpuMs: () => (tid === undefined ? undefined : cpuMsOfThread(tid)),
        onExpire: (kind) => {
          if (self.dead || self.current?.job !== job) return;
          const seconds = Math.round((self.current.limit?.charged() ?? limitMs) / 1000);
          self.dead = true;
          if (checker === self) checker = undefined;
          self.current = undefined;
          job.resolve({ stopped: kind, seconds });
          void self.worker.terminate();
          pump();
        },
      });
      self.worker.postMessage({ id: job.id, input: job.input, exportLines: job.exportLines });
    },
    () => undefined, // the worker died before it was ready: `die` answered the job
  );
}

/** Starts the worker (loading tsx and TypeScript takes a while) so the first check does not wait for it. */
export function warmBoundedTypecheck(options: { evenWithCache?: boolean } = {}): void {
  if (!hasWorker()) return;
  // with the cache on, a grading whose files were all checked before never needs the thread: it is
  // started by the first miss (in parallel with that exercise's properties, like this warm-up);
  // a watcher asks for it anyway, so that its first save does not wait for TypeScript to load
  if (typecheckCacheEnabled() && options.evenWithCache !== true) return;
  if (!checker || checker.dead) checker = spawn();
}

/**
 * typecheckStudentFile, bounded: the same outcome, or, when the check was stopped, one finding
 * that says so (never a grader error, never charged to the student).
 */
export async function typecheckBounded(input: TypecheckInput): Promise<TypecheckOutcome> {
  const { exportLine, ...rest } = input;
  const exportLines: [string, number | undefined][] = input.exports.map((e) => [e.name, exportLine(e.name)]);
  // checked before, with the same text, stub, names and checker: the same findings (cache.ts)
  const entry = cacheEntry({ ...rest, exportLines });
  const cached = entry.read();
  if (cached !== undefined) return { ok: true, diagnostics: cached, durationMs: 0 };
  // neither the install's worker script nor a bundle that names itself (a test importing the
  // checker some other way): the check runs in the process, unbounded
  const result = !hasWorker()
    ? await typecheckStudentFile(input)
    : await new Promise<Parameters<Job['resolve']>[0]>((resolve) => {
        queue.push({ id: nextId++, input: rest, exportLines, lang: input.lang, resolve });
        pump();
      });
  if (!('stopped' in result)) {
    if (result.ok) entry.store(result.diagnostics);
    return result;
  }
  const m = t(input.lang).typecheck;
  return { ok: true, durationMs: result.seconds * 1000, diagnostics: [{ file: input.displayPath, line: 1, column: 1, code: 0, message: m.checkStopped(result.stopped, result.seconds) }] };
}
