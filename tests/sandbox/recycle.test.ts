/**
 * A student process recycled for the same submission's next exercise (item 5: SparePool.recycle,
 * StudentProcess.recycle, grader/sandbox/pristine.ts): only a process its runner finds as it was
 * before the first module (no timer, socket or other handle left, no built-in changed or added, the
 * heap not grown much) is kept, only for the grading that recycled it, and it then loads the next
 * module under a name of its own, with the walls, the limits and its time counted afresh.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encode } from '../../grader/sandbox/codec.ts';
import { SparePool } from '../../grader/sandbox/spare-pool.ts';
import { DEFAULT_LIMITS, StudentProcess, type SandboxLimits } from '../../grader/sandbox/student-process.ts';

const limits = (): SandboxLimits => ({ ...DEFAULT_LIMITS, budgetMs: 60_000 });

const CLEAN = `
export function add(a, b) { return a + b; }
export function shout(s) { console.log('hola ' + s); return s.toUpperCase(); }
export function mapped(xs) { return xs.map((x) => x * 2); }
`;

const NEXT = `
import { readFileSync } from 'node:fs';
export function twice(x) { return 2 * x; }
export function mapped(xs) { return xs.map((x) => x * 2); }
export function reads() { try { readFileSync('/etc/hostname'); return 'read'; } catch { return 'refused'; } }
export function seesOld() { return typeof globalThis.add; }
`;

let pool = new SparePool();
afterEach(async () => {
  await pool.dispose();
  pool = new SparePool();
});

async function start(moduleCode: string, owner?: object): Promise<StudentProcess> {
  const s = await StudentProcess.start({ moduleCode, limits: limits(), spare: await pool.take(limits(), owner), ...(owner ? { owner } : {}) });
  if (s.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(s)}`);
  return s.process;
}

async function value(proc: StudentProcess, fn: string, args: unknown[] = []): Promise<unknown> {
  const out = await proc.call(fn, args);
  if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
  return out.value;
}

/** a module whose first call leaves something behind, then is offered for recycling */
async function recycledAfter(leftover: string): Promise<boolean> {
  const proc = await start(`export function f() { ${leftover}; return 1; }`);
  expect(await value(proc, 'f')).toBe(1);
  const owner = {};
  await pool.recycle(proc, owner);
  const kept = pool.recycled === 1;
  await pool.release(owner);
  return kept;
}

describe('a student process recycled for the same submission', () => {
  it('a clean process is kept for its grading alone, loads the next module and answers like a fresh one', async () => {
    const owner = {};
    const first = await start(CLEAN, owner);
    expect(await value(first, 'add', [2, 3])).toBe(5);
    expect(await value(first, 'shout', ['x'])).toBe('X');
    // the output comes on its own pipe, and may arrive just after the answer
    for (let i = 0; i < 100 && !first.output().includes('hola x'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(first.output()).toContain('hola x');
    await pool.recycle(first, owner);
    expect(pool.recycled).toBe(1);
    // what it printed was read before it was recycled: none of it is the next module's
    expect(first.output()).toBe('');
    // another grading never gets it
    expect(first.usableFor(limits(), {})).toBe(false);
    expect(first.usableFor(limits())).toBe(false);
    const other = await pool.take(limits(), {});
    expect(other).not.toBe(first);
    await other?.dispose();
    // its own grading does
    const second = await start(NEXT, owner);
    expect(second).toBe(first);
    expect(second.shared).toBe(true);
    expect(pool.reused).toBe(1);
    expect(await value(second, 'twice', [21])).toBe(42);
    expect(await value(second, 'mapped', [[1, 2]])).toEqual([2, 4]);
    // the first module's exports are not the second's, its output not counted again, the walls hold
    expect((await second.call('add', [1, 2])).kind).not.toBe('ok');
    expect(await value(second, 'seesOld')).toBe('undefined');
    expect(second.output()).not.toContain('hola x');
    expect(second.usedMs).toBeLessThan(1000);
    expect(await value(second, 'reads')).toBe('refused');
    await second.dispose();
  });

  it('what a module printed just before its process was recycled is never the next module\'s output', async () => {
    for (let round = 0; round < 5; round++) {
      const owner = {};
      const first = await start(`export function say() { console.log('A-' + 'x'.repeat(2000)); console.error('A-err'); return 1; }`, owner);
      expect(await value(first, 'say')).toBe(1);
      await pool.recycle(first, owner);
      expect(pool.recycled).toBe(round + 1);
      const second = await start(`export function quiet() { return 2; }`, owner);
      expect(second).toBe(first);
      expect(await value(second, 'quiet')).toBe(2);
      await new Promise((r) => setTimeout(r, 50));
      expect(second.output()).not.toContain('A-');
      await second.dispose();
    }
  });

  it('a released grading ends the processes it recycled', async () => {
    const owner = {};
    const proc = await start(CLEAN, owner);
    await value(proc, 'add', [1, 1]);
    await pool.recycle(proc, owner);
    expect(pool.recycled).toBe(1);
    await pool.release(owner);
    expect(proc.dead).toBe(true);
  });

  it.each([
    ['a timer left running', 'setInterval(() => undefined, 1000)'],
    ['a pending timeout', 'setTimeout(() => undefined, 60000)'],
    ['an Array.prototype method replaced', 'Array.prototype.map = function () { return [] }'],
    ['a Math function replaced', 'Math.exp = () => 0'],
    ['a new global', 'globalThis.cache = {}'],
    ['a global deleted', 'delete globalThis.Float32Array'],
    ['a prototype frozen', 'Object.freeze(Number.prototype)'],
    ['a prototype replaced', 'Object.setPrototypeOf(Array.prototype, null)'],
    ['an iterator patched', 'Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true })'],
    ['a stream prototype patched', 'Object.getPrototypeOf(process.stdout).write = () => true'],
    ['a process function replaced', 'process.memoryUsage = () => ({})'],
    ['a new process function', 'process.sneaky = () => 1'],
    ['a big heap kept', 'globalThis.__keep = new Array(1e7).fill(1.5)'],
  ])('is ended, not recycled, after %s', async (_what, leftover) => {
    expect(await recycledAfter(leftover)).toBe(false);
  });

  it('is recycled after what an honest module does (printing, using lazy globals, local state)', async () => {
    expect(await recycledAfter('console.log("x"); console.error("y"); new TextEncoder().encode("a"); structuredClone({ a: 1 }); const m = new Map([[1, 2]]); [...m.values()]')).toBe(true);
  });

  it('is recycled when the grader asks as soon as a batch\'s last answer arrives (its process not yet at its next turn)', async () => {
    // the process is slow to reach the turn after its last answer (here a promise of its own keeps
    // it busy; in CI, a loaded machine descheduling it): the grader's question arrives first, and
    // the batch it answered is over (seen failing in CI as a process never recycled)
    const proc = await start('export function f(x) { Promise.resolve().then(() => { const end = Date.now() + 300; while (Date.now() < end); }); return x + 1; }');
    const answers = await proc.callBatch([{ fn: 'f', encodedArgs: encode([1]) }, { fn: 'f', encodedArgs: encode([2]) }], 0);
    expect(answers.map((a) => (a.kind === 'ok' ? a.value : a.kind))).toEqual([2, 3]);
    const owner = {};
    await pool.recycle(proc, owner);
    expect(pool.recycled).toBe(1);
    await pool.release(owner);
  });

  it('a process with a call pending, or dead, is not recycled', async () => {
    const proc = await start('export function hang() { for (;;) {} }');
    const pending = proc.call('hang', []);
    const owner = {};
    await pool.recycle(proc, owner);
    expect(pool.recycled).toBe(0);
    expect(proc.dead).toBe(true);
    await pending;
  });
});
