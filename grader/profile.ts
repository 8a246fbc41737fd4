import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Where the grader's time goes, measured in the trusted process only when DLGRADE_PROFILE is set
 * (`1`: a table on stderr at exit; a path: that file gets the JSON). Off, every helper is a
 * no-op apart from one boolean test. Spans add up wall time per name; spans of exercises graded
 * concurrently overlap, so their sums can exceed the process's wall time. Never read by tests
 * as timings (only as counts): machines are noisy.
 */
const target = process.env['DLGRADE_PROFILE'];
export const profiling = target !== undefined && target !== '' && target !== '0';

export interface ProfileSpan {
  count: number;
  ms: number;
}

export interface ProfileReport {
  /** Node's own start-up (ms since the process began): bootstrap, the first user code */
  node: { bootstrapCompleteMs: number; environmentMs: number };
  /** named points (ms since the process began), in the order they were reached */
  marks: Record<string, number>;
  spans: Record<string, ProfileSpan>;
  /** ms since the process began, at exit */
  totalMs: number;
  /** CPU time of this process (not its children), ms */
  cpuMs: { user: number; system: number };
  /**
   * This process's threads, from the kernel's scheduler statistics (Linux; absent elsewhere): the
   * main thread's CPU time and the time it was ready to run but waited for a core (another thread
   * or process had it), and the CPU time of every other thread together (V8's compiler and
   * garbage-collector threads, libuv's pool, a type-check worker), ms
   */
  threads?: { mainRunMs: number; mainWaitMs: number; otherRunMs: number; others: number };
}

const spans = new Map<string, ProfileSpan>();

/**
 * A named point in time (first time reached wins). A performance mark named `dlgrade:<name>`, so
 * that bin/dlgrade.js, which runs before any TypeScript can load, sets them the same way.
 */
export function mark(name: string): void {
  if (profiling && performance.getEntriesByName(`dlgrade:${name}`, 'mark').length === 0) performance.mark(`dlgrade:${name}`);
}

function marks(): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('mark')) {
    if (entry.name.startsWith('dlgrade:') && !(entry.name.slice(8) in seen)) seen[entry.name.slice(8)] = entry.startTime;
  }
  return seen;
}

/** Adds `ms` to the span `name` (one more occurrence). */
export function record(name: string, ms: number): void {
  if (!profiling) return;
  const span = spans.get(name) ?? { count: 0, ms: 0 };
  span.count++;
  span.ms += ms;
  spans.set(name, span);
}

/** Times a synchronous step. */
export function timed<T>(name: string, fn: () => T): T {
  if (!profiling) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    record(name, performance.now() - t0);
  }
}

/** Times an asynchronous step (its wall time, waiting included). */
export async function timedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!profiling) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    record(name, performance.now() - t0);
  }
}

export function profileReport(): ProfileReport {
  const timing = performance.nodeTiming;
  const threads = threadsNow();
  return {
    node: { bootstrapCompleteMs: timing.bootstrapComplete, environmentMs: timing.environment },
    marks: marks(),
    spans: Object.fromEntries([...spans].sort((a, b) => b[1].ms - a[1].ms)),
    totalMs: performance.now(),
    cpuMs: { user: process.cpuUsage().user / 1000, system: process.cpuUsage().system / 1000 },
    ...(threads ? { threads } : {}),
  };
}

/** /proc/self/task/<tid>/schedstat: "<ns on a core> <ns waiting for one> <slices>", per thread (undefined where there is none) */
function threadsNow(): ProfileReport['threads'] {
  try {
    const out = { mainRunMs: 0, mainWaitMs: 0, otherRunMs: 0, others: 0 };
    for (const tid of readdirSync('/proc/self/task')) {
      const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
      if (!Number.isFinite(run) || !Number.isFinite(wait)) return undefined;
      if (Number(tid) === process.pid) {
        out.mainRunMs = run! / 1e6;
        out.mainWaitMs = wait! / 1e6;
      } else {
        out.otherRunMs += run! / 1e6;
        out.others++;
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The spans so far (a copy), to print what one step added (`check --watch`: one re-run). */
export function spanSnapshot(): Record<string, ProfileSpan> {
  return Object.fromEntries([...spans].map(([name, s]) => [name, { ...s }]));
}

/** What the spans gained since `before`, as lines like the exit table's (empty when not profiling). */
export function formatSpansSince(before: Record<string, ProfileSpan>, title: string): string {
  if (!profiling) return '';
  const lines = [`dlgrade profile, ${title} (spans: wall, count)`];
  const rows = [...spans].map(([name, s]) => [name, s.ms - (before[name]?.ms ?? 0), s.count - (before[name]?.count ?? 0)] as const).filter(([, , count]) => count > 0);
  for (const [name, ms, count] of rows.sort((a, b) => b[1] - a[1])) lines.push(`  ${name.padEnd(30)} ${ms.toFixed(0).padStart(7)} ms  ×${count}`);
  return lines.join('\n') + '\n';
}

function formatReport(report: ProfileReport): string {
  const lines = ['dlgrade profile (ms since the process began; spans: total wall, count)'];
  lines.push(`  node bootstrap complete        ${report.node.bootstrapCompleteMs.toFixed(0).padStart(7)}`);
  for (const [name, at] of Object.entries(report.marks)) lines.push(`  ${name.padEnd(30)} ${at.toFixed(0).padStart(7)}`);
  for (const [name, s] of Object.entries(report.spans)) lines.push(`  ${name.padEnd(30)} ${s.ms.toFixed(0).padStart(7)} ms  ×${s.count}`);
  lines.push(`  exit                           ${report.totalMs.toFixed(0).padStart(7)}`);
  lines.push(`  CPU of this process            ${report.cpuMs.user.toFixed(0).padStart(7)} user, ${report.cpuMs.system.toFixed(0)} system`);
  if (report.threads) {
    lines.push(`  main thread: on a core         ${report.threads.mainRunMs.toFixed(0).padStart(7)}, waiting for one ${report.threads.mainWaitMs.toFixed(0)}`);
    lines.push(`  ${`other threads (${report.threads.others})`.padEnd(30)} ${report.threads.otherRunMs.toFixed(0).padStart(7)}`);
  }
  return lines.join('\n') + '\n';
}

const beforeReport: (() => void)[] = [];

/** Runs `fn` at exit just before the report is made (what is still alive then records itself: the student processes' CPU). */
export function onProfileExit(fn: () => void): void {
  if (profiling) beforeReport.push(fn);
}

if (profiling) {
  process.on('exit', () => {
    for (const fn of beforeReport) {
      try {
        fn();
      } catch {
        // a record that fails leaves the rest of the report as it is
      }
    }
    const report = profileReport();
    try {
      if (target === '1') process.stderr.write(formatReport(report));
      else writeFileSync(target!, JSON.stringify(report, null, 2));
    } catch {
      // a profile that cannot be written never changes the grader's exit
    }
  });
}
