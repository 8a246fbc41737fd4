/**
 * The spare student process that `check --watch` starts ahead (student-process.ts prestartSpare):
 * it is used by exactly one start, only with the heap limit it was started with, it loads one
 * module (a second start gets a new process, never the same one with another version of the
 * file), it answers like a process started the usual way, and the sandbox's walls hold in it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, disposeSpare, hasSpare, prestartSpare, StudentProcess, type SandboxLimits } from '../../grader/sandbox/student-process.ts';

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

async function started(memoryMb?: number): Promise<StudentProcess> {
  const s = await StudentProcess.start({ moduleCode: MODULE, limits: limits(memoryMb) });
  if (s.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(s)}`);
  return s.process;
}

async function value(proc: StudentProcess, fn: string, args: unknown[] = []): Promise<unknown> {
  const out = await proc.call(fn, args);
  if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
  return out.value;
}

afterEach(async () => {
  await disposeSpare();
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
      expect(hasSpare()).toBe(false); // offered, refused and ended
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
    const s = await StudentProcess.start({ moduleCode: 'throw new Error("boom at load")', limits: limits() });
    expect(s.kind).toBe('load-error');
    if (s.kind === 'load-error') expect(s.error.message).toBe('boom at load');
  }, 60_000);

  it('disposeSpare ends it; a start afterwards spawns as usual', async () => {
    prestartSpare(limits());
    await disposeSpare();
    expect(hasSpare()).toBe(false);
    const proc = await started();
    try {
      expect(proc.startedAhead).toBe(false);
      expect(await value(proc, 'loaded')).toBe(1);
    } finally {
      await proc.dispose();
    }
  }, 60_000);
});
