/**
 * A spare student process started ahead (grader/sandbox/spare-pool.ts; check --watch, grade, regrade):
 * it is used by exactly one start, only with the heap limit it was started with, it loads one
 * module (a second start gets a new process, never the same one with another version of the
 * file), it answers like a process started the usual way, and the sandbox's walls hold in it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SparePool } from '../../grader/sandbox/spare-pool.ts';
import { DEFAULT_LIMITS, liveStudentProcesses, StudentProcess, type SandboxLimits } from '../../grader/sandbox/student-process.ts';

const limits = (memoryMb = DEFAULT_LIMITS.memoryMb): SandboxLimits => ({ ...DEFAULT_LIMITS, memoryMb, budgetMs: 60_000 });

/** a module that tells which process it runs in (how many modules this process loaded), its heap limit and whether it can read a host file */
const MODULE = `
import { getHeapStatistics } from 'node:v8';
import { readFileSync } from 'node:fs';
globalThis.__loads = (globalThis.__loads ?? 0) + 1;
const loads = globalThis.__loads;
export function loaded() { return loads; }
export function heapMb() { return Math.round(getHeapStatistics().heap_size_limit / 1048576); }
export function reads() { try { readFileSync('/etc/hostname'); return 'read'; } catch { return 'refused'; } }
export function conv(x, k) { return x.map((v, i) => v * k[i % k.length]); }
`;

let pool = new SparePool();
/** one spare with these limits (the pool plans no more after it) */
const prestartSpare = (l: SandboxLimits): void => {
  pool.plan(() => [l]);
  pool.plan(() => []);
};
const hasSpare = (): boolean => pool.size > 0;

/** a first start: it takes the pool's spare when one fits (as an exercise's first start does) */
async function started(memoryMb?: number): Promise<StudentProcess> {
  const s = await StudentProcess.start({ moduleCode: MODULE, limits: limits(memoryMb), spare: await pool.take(limits(memoryMb)) });
  if (s.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(s)}`);
  return s.process;
}

async function value(proc: StudentProcess, fn: string, args: unknown[] = []): Promise<unknown> {
  const out = await proc.call(fn, args);
  if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
  return out.value;
}

afterEach(async () => {
  await pool.dispose();
  pool = new SparePool();
});

describe('the spare student process (check --watch)', () => {
  it('is taken by one start, answers like a fresh process, keeps the walls, and the next start gets a new process', async () => {
    prestartSpare(limits());
    expect(hasSpare()).toBe(true);
    const first = await started(); // takes it
    expect(hasSpare()).toBe(false);
    expect(first.startedAhead).toBe(true);
    expect(await value(first, 'loaded')).toBe(1);
    await first.dispose();

    prestartSpare(limits());
    await new Promise((r) => setTimeout(r, 300)); // idle, as between two saves
    const fromSpare = await started();
    const another = await started(); // no spare left: a new process
    try {
      expect(fromSpare.startedAhead).toBe(true);
      expect(another.startedAhead).toBe(false);
      expect(await value(fromSpare, 'loaded')).toBe(1);
      expect(await value(another, 'loaded')).toBe(1);
      expect(await value(fromSpare, 'heapMb')).toBe(await value(another, 'heapMb'));
      expect(await value(fromSpare, 'reads')).toBe('refused');
      expect(await value(another, 'reads')).toBe('refused');
      expect(await value(fromSpare, 'conv', [[1, 2, 3], [2, -1]])).toEqual([2, -2, 6]);
      expect(await value(fromSpare, 'conv', [[1, 2, 3], [2, -1]])).toEqual(await value(another, 'conv', [[1, 2, 3], [2, -1]]));
    } finally {
      await fromSpare.dispose();
      await another.dispose();
    }
  }, 120_000);

  it('is not used for another heap limit (that start spawns its own, with its own limit)', async () => {
    prestartSpare(limits(256));
    const other = await started(128);
    try {
      expect(hasSpare()).toBe(true); // not taken for another heap limit
      expect(other.startedAhead).toBe(false);
      const heap = (await value(other, 'heapMb')) as number;
      expect(heap).toBeLessThan(200);
    } finally {
      await other.dispose();
    }
    prestartSpare(limits(256));
    const same = await started(256);
    try {
      expect(same.startedAhead).toBe(true);
      expect((await value(same, 'heapMb')) as number).toBeGreaterThanOrEqual(256);
    } finally {
      await same.dispose();
    }
  }, 120_000);

  it('a module that fails to load in a spare is a load error, as in a fresh process', async () => {
    prestartSpare(limits());
    const s = await StudentProcess.start({ moduleCode: 'throw new Error("boom at load")', limits: limits(), spare: await pool.take(limits()) });
    expect(s.kind).toBe('load-error');
    if (s.kind === 'load-error') expect(s.error.message).toBe('boom at load');
  }, 60_000);

  it('disposing the pool ends it; a start afterwards spawns as usual', async () => {
    prestartSpare(limits());
    await pool.dispose();
    expect(hasSpare()).toBe(false);
    const proc = await started();
    try {
      expect(proc.startedAhead).toBe(false);
      expect(await value(proc, 'loaded')).toBe(1);
    } finally {
      await proc.dispose();
    }
  }, 60_000);

  it('a spare handed to a start with another heap limit, or one that died, is ended, never adopted', async () => {
    const wrongHeap = StudentProcess.spare(limits(256));
    const a = await StudentProcess.start({ moduleCode: MODULE, limits: limits(128), spare: wrongHeap });
    const dead = StudentProcess.spare(limits());
    const pid = (dead as unknown as { child: { pid: number } }).child.pid;
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 200 && !dead.dead; i++) await new Promise((r) => setTimeout(r, 25));
    expect(dead.dead).toBe(true);
    expect(dead.usableFor(limits())).toBe(false);
    const b = await StudentProcess.start({ moduleCode: MODULE, limits: limits(), spare: dead });
    try {
      expect(wrongHeap.dead).toBe(true);
      for (const s of [a, b]) {
        expect(s.kind).toBe('ready');
        if (s.kind !== 'ready') continue;
        expect(s.process.startedAhead).toBe(false);
        expect(await value(s.process, 'loaded')).toBe(1);
      }
    } finally {
      for (const s of [a, b]) if (s.kind === 'ready') await s.process.dispose();
    }
  }, 60_000);

  it('starts no more spares than its bound allows, counting every live student process, and makes room for a start', async () => {
    const small = new SparePool(1); // concurrency 1: at most 2 processes alive
    try {
      expect(liveStudentProcesses()).toBe(0);
      small.plan(() => Array.from({ length: 6 }, () => limits()));
      expect(small.size).toBe(small.bound);
      expect(liveStudentProcesses()).toBe(small.bound);
      const active = await StudentProcess.start({ moduleCode: MODULE, limits: limits(), spare: await small.take(limits()) });
      // taken one, refilled to the bound, never above it
      expect(small.taken).toBe(1);
      expect(liveStudentProcesses()).toBe(small.bound);
      expect(small.size).toBe(small.bound - 1);
      // a start that takes no spare (a restart) ends one first
      await small.makeRoom();
      expect(liveStudentProcesses()).toBe(small.bound - 1);
      if (active.kind === 'ready') await active.process.dispose();
    } finally {
      await small.dispose();
    }
    expect(liveStudentProcesses()).toBe(0);
  }, 60_000);
});
