/**
 * The student's time limits count the CPU time the student's processes use, so a loaded machine
 * (a process waiting for a core) never fails a correct student, while `while (true)` is still
 * stopped at its limit and a process that hangs idle is stopped by the wall-clock backstop.
 */
import { leaf } from './process-tree.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { backstopFor, cpuMsOf, cpuReader, startCpuLimit } from '../../grader/sandbox/cpu-clock.ts';
import { resetIsolationForTests } from '../../grader/sandbox/isolation.ts';
import { DEFAULT_LIMITS, StudentProcess } from '../../grader/sandbox/student-process.ts';

const expiry = (options: { limitMs: number; backstopMs: number; cpuMs: () => number | undefined }) =>
  new Promise<{ kind: 'cpu' | 'wall'; afterMs: number }>((resolve) => {
    const t0 = Date.now();
    startCpuLimit({ ...options, onExpire: (kind) => resolve({ kind, afterMs: Date.now() - t0 }) });
  });

describe('startCpuLimit', () => {
  it('does not expire while the process uses no CPU (it is waiting for a core), until the backstop', async () => {
    const result = await expiry({ limitMs: 30, backstopMs: 300, cpuMs: () => 1000 });
    expect(result.kind).toBe('wall');
    expect(result.afterMs).toBeGreaterThanOrEqual(290);
  });

  it('expires once the CPU used reaches the limit', async () => {
    let cpu = 0;
    const ticker = setInterval(() => (cpu += 10), 5);
    const result = await expiry({ limitMs: 50, backstopMs: 60_000, cpuMs: () => cpu });
    clearInterval(ticker);
    expect(result.kind).toBe('cpu');
  });

  it('falls back to the wall clock where the CPU time cannot be read', async () => {
    const result = await expiry({ limitMs: 30, backstopMs: 60_000, cpuMs: () => undefined });
    expect(result.kind).toBe('cpu');
    expect(result.afterMs).toBeLessThan(60_000);
  });

  it('charges the CPU time used, not the wall time', async () => {
    let cpu = 100;
    const limit = startCpuLimit({ limitMs: 10_000, backstopMs: 60_000, cpuMs: () => cpu, onExpire: () => undefined });
    await new Promise((r) => setTimeout(r, 50));
    cpu = 107;
    expect(limit.charged()).toBe(7);
    limit.cancel();
  });

  it('has a backstop well above the limit', () => {
    expect(backstopFor(2000)).toBeGreaterThanOrEqual(20_000);
    expect(backstopFor(60_000)).toBe(180_000);
  });

  it.runIf(process.platform === 'linux')('reads a real process tree’s CPU time from /proc', () => {
    const before = cpuMsOf([process.pid])!;
    const t0 = Date.now();
    while (Date.now() - t0 < 60) {
      // burn some CPU
    }
    expect(cpuMsOf([process.pid])!).toBeGreaterThan(before);
    expect(cpuMsOf([2 ** 22 + 12345])).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('cpuReader (files held open) reads what cpuMsOf reads, and nothing for a gone process or once closed', async () => {
    const { spawn } = await import('node:child_process');
    const reader = cpuReader([process.pid]);
    const a = reader.read()!;
    const b = cpuMsOf([process.pid])!;
    const c = reader.read()!;
    expect(a).toBeLessThanOrEqual(b);
    expect(b).toBeLessThanOrEqual(c);
    const t0 = Date.now();
    while (Date.now() - t0 < 60) {
      // burn some CPU
    }
    expect(reader.read()!).toBeGreaterThan(a);
    reader.close();
    expect(reader.read()).toBeUndefined();
    expect(cpuReader([2 ** 22 + 12345]).read()).toBeUndefined();
    // a process that ended: its held file reads nothing any more (never another process that got its pid)
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    await new Promise((r) => setTimeout(r, 200));
    const childReader = cpuReader([child.pid!]);
    expect(childReader.read()).toBeTypeOf('number');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 50));
    expect(childReader.read()).toBeUndefined();
    childReader.close();
  });
});

describe.runIf(process.platform === 'linux')('cpuReader perTurn', () => {
  it('reads the files once per synchronous stretch, and again after it', async () => {
    const burn = (ms: number): void => {
      const t0 = Date.now();
      while (Date.now() - t0 < ms) {
        // burn some CPU
      }
    };
    const reader = cpuReader([process.pid], { perTurn: true });
    const plain = cpuReader([process.pid]);
    const a = reader.read()!;
    burn(60);
    // the same stretch: the same reading, though the process used CPU since
    expect(reader.read()).toBe(a);
    expect(plain.read()!).toBeGreaterThan(a);
    await Promise.resolve();
    const b = reader.read()!;
    expect(b).toBeGreaterThan(a);
    burn(30);
    await new Promise((r) => setTimeout(r, 0));
    expect(reader.read()!).toBeGreaterThan(b);
    reader.close();
    plain.close();
    expect(reader.read()).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux')('a student process starved of CPU', () => {
  afterAll(() => resetIsolationForTests());

  it('answers a call even when frozen from outside for longer than the call limit', async () => {
    const limits = { ...DEFAULT_LIMITS, callTimeMs: 300, budgetMs: 60_000 };
    const started = await StudentProcess.start({ moduleCode: 'export function f(x) { return x + 1 }', limits });
    if (started.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(started)}`);
    const proc = started.process;
    try {
      const pid = leaf((proc as unknown as { child: { pid: number } }).child.pid);
      // as a heavily loaded machine would: the student's Node gets no CPU for 1.2 s (4× the limit)
      process.kill(pid, 'SIGSTOP');
      const answer = proc.call('f', [41]);
      await new Promise((r) => setTimeout(r, 1200));
      process.kill(pid, 'SIGCONT');
      expect(await answer).toMatchObject({ kind: 'ok', value: 42 });
    } finally {
      await proc.dispose();
    }
  });

  it('still stops an endless loop at the call limit', async () => {
    const limits = { ...DEFAULT_LIMITS, callTimeMs: 300, budgetMs: 60_000 };
    const started = await StudentProcess.start({ moduleCode: 'export function f() { for (;;) {} }', limits });
    if (started.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(started)}`);
    const outcome = await started.process.call('f', []);
    await started.process.dispose();
    expect(outcome).toMatchObject({ kind: 'dead', reason: 'timeout' });
  });
});
