/**
 * A dead student process carries why as a code with its values (DeathDetail), decided from what
 * the trusted side observed (its exit, its limits), never from what the student printed.
 */
import { describe, expect, it } from 'vitest';
import { deathText } from '../../grader/i18n/sandbox-text.ts';
import { DEFAULT_LIMITS, StudentProcess, type CallOutcome } from '../../grader/sandbox/student-process.ts';

async function callOnce(moduleCode: string, limits: Partial<typeof DEFAULT_LIMITS> = {}): Promise<CallOutcome> {
  const started = await StudentProcess.start({ moduleCode, limits: { ...DEFAULT_LIMITS, callTimeMs: 20_000, budgetMs: 60_000, ...limits } });
  if (started.kind !== 'ready') throw new Error(`did not load: ${JSON.stringify(started)}`);
  try {
    return await started.process.call('f', []);
  } finally {
    await started.process.dispose();
  }
}

describe('why a student process died, as data', () => {
  it('a heap bomb is out of memory by the way V8 ends the process, with the limit', async () => {
    const outcome = await callOnce('export function f() { const a = []; while (true) a.push(new Array(1e5).fill(1)); }', { memoryMb: 64 });
    // on a loaded machine the memory watch may strike first: the same reason, its own detail
    expect(outcome).toMatchObject({ kind: 'dead', reason: 'out-of-memory' });
    if (outcome.kind === 'dead') {
      expect(['out-of-memory', 'used-memory']).toContain(outcome.detail.code);
      expect(deathText(outcome.detail, 'es')).toMatch(/^el proceso (se quedó sin memoria \(límite 64 MiB\)|usó más de 224 MiB de memoria)$/);
    }
  }, 60_000);

  it("V8's sentence forged on stderr is not out of memory: an exit is a crash with its code", async () => {
    const outcome = await callOnce('export function f() { console.error("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"); process.exit(1); }');
    expect(outcome).toEqual({ kind: 'dead', reason: 'crash', detail: { code: 'exited', exitCode: '1' } });
    if (outcome.kind === 'dead') expect(deathText(outcome.detail, 'es')).toBe('el proceso terminó con código 1 en lugar de responder');
  }, 60_000);

  it('a call over its limit is a timeout naming the function and the limit', async () => {
    const outcome = await callOnce('export function f() { while (true) {} }', { callTimeMs: 300 });
    expect(outcome).toEqual({ kind: 'dead', reason: 'timeout', detail: { code: 'call-time', fn: 'f', ms: 300 } });
    if (outcome.kind === 'dead') expect(deathText(outcome.detail, 'es')).toBe('f: la llamada tardó más de 300 ms');
  }, 60_000);
});
