/**
 * StudentProcess.callBatch: several calls in one message, each still a call of its own: its own
 * answer under the channel's size cap, its own time limit, its own mutation check; a death ends
 * the batch on the call that caused it, and the answers before it are kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encode } from '../../grader/sandbox/codec.ts';
import { channelMessages, DEFAULT_LIMITS, StudentProcess, type BatchCall, type SandboxLimits } from '../../grader/sandbox/student-process.ts';

const MODULE = `
let n = 0;
export function count() { return ++n; }
export function big(size) { return new Array(size).fill(7); }
export function spin(ms) { const end = Date.now() + ms; while (Date.now() < end) {} return ms; }
export function push(xs) { xs.push(1); return xs.length; }
export function boom() { throw new RangeError('boom'); }
export function later() { return new Promise(() => undefined); }
export function exit() { process.exit(3); }
`;

const procs: StudentProcess[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) await p.dispose();
});

async function started(extra: Partial<SandboxLimits> = {}): Promise<StudentProcess> {
  const s = await StudentProcess.start({ moduleCode: MODULE, limits: { ...DEFAULT_LIMITS, budgetMs: 60_000, ...extra } });
  if (s.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(s)}`);
  procs.push(s.process);
  return s.process;
}

const calls = (...list: [string, ...unknown[]][]): BatchCall[] => list.map(([fn, ...args]) => ({ fn, encodedArgs: encode(args) }));

describe('a batch of calls', () => {
  it('answers each call in order, in one message, as single calls would', async () => {
    const proc = await started();
    const before = channelMessages();
    const answers = await proc.callBatch(calls(['count'], ['count'], ['push', [1, 2]], ['boom'], ['count'], ['later']), 0);
    expect(channelMessages() - before).toBe(1);
    expect(answers.map((a) => a.kind)).toEqual(['ok', 'ok', 'ok', 'threw', 'ok', 'ok']);
    expect(answers.map((a) => (a.kind === 'ok' ? a.value : undefined)).slice(0, 3)).toEqual([1, 2, 3]);
    // the mutation check is per call: only push changed its argument
    expect(answers.map((a) => (a.kind === 'dead' ? [] : a.mutated))).toEqual([[], [], [0], [], [], []]);
    expect(answers[3]!.kind === 'threw' && answers[3]!.error.name).toBe('RangeError');
    expect(String(answers[5]!.kind === 'ok' && answers[5]!.value)).toBe('[Promise]');
    // nothing is charged until the session uses an answer
    expect(proc.usedMs).toBe(0);
    expect(answers.every((a) => a.chargedMs >= 0)).toBe(true);
    // and the process still answers single calls
    const next = await proc.call('count', []);
    expect(next.kind === 'ok' && next.value).toBe(4);
  });

  it('the size cap holds per answer: several answers together may exceed it, one alone may not', async () => {
    const cap = 256 * 1024;
    const proc = await started({ messageBytes: cap });
    // each answer ~2 bytes per element: 0.6 of the cap each, 3 of them
    const size = Math.floor((0.6 * cap) / 2);
    const ok = await proc.callBatch(calls(['big', size], ['big', size], ['big', size]), 0);
    expect(ok.map((a) => a.kind)).toEqual(['ok', 'ok', 'ok']);
    const over = await proc.callBatch(calls(['big', size], ['big', cap], ['big', size]), 0);
    expect(over.map((a) => a.kind)).toEqual(['ok', 'dead']);
    expect(over[1]!.kind === 'dead' && over[1]!.reason).toBe('output-too-large');
    expect(proc.dead).toBe(true);
  });

  it('the time limit holds per call: a call that hangs ends the batch with call-time on that call', async () => {
    const proc = await started({ callTimeMs: 600 });
    // four calls of 250 ms: more than one limit together, each within it
    const fine = await proc.callBatch(calls(['spin', 250], ['spin', 250], ['spin', 250], ['spin', 250]), 0);
    expect(fine.map((a) => a.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const hung = await proc.callBatch(calls(['count'], ['spin', 60_000], ['count']), 0);
    expect(hung.map((a) => a.kind)).toEqual(['ok', 'dead']);
    expect(hung[1]!.kind === 'dead' && hung[1]!.detail).toEqual({ code: 'call-time', fn: 'spin', ms: 600 });
  });

  it('the budget left holds across a batch: reserved time counts, and running out of it says budget', async () => {
    const proc = await started({ callTimeMs: 5000, budgetMs: 1500 });
    const answers = await proc.callBatch(calls(['spin', 400], ['spin', 400], ['spin', 5000]), 500);
    expect(answers.map((a) => a.kind)).toEqual(['ok', 'ok', 'dead']);
    expect(answers[2]!.kind === 'dead' && answers[2]!.detail).toEqual({ code: 'budget', fn: 'spin' });
  });

  it('a crash in the middle: the answers before it, then the crash, nothing after', async () => {
    const proc = await started();
    const answers = await proc.callBatch(calls(['count'], ['count'], ['exit'], ['count']), 0);
    expect(answers.map((a) => a.kind)).toEqual(['ok', 'ok', 'dead']);
    expect(answers[2]!.kind === 'dead' && answers[2]!.reason).toBe('crash');
  });
});
