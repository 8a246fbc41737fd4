/**
 * predictBackend (grader/backend/select.ts): the backend the lazy reference cache keys its hits
 * under before TensorFlow.js loads. It follows selectBackend's rule (the flag, then
 * DLGRADE_BACKEND, then tensorflow → wasm → cpu by the packages that resolve) without loading
 * TensorFlow.js, declines what only the real selection can answer, and on this machine names the
 * backend the real selection then picks.
 */
import { afterEach, describe, expect, it } from 'vitest';

const { predictBackend, selectBackend } = await import('../../grader/backend/select.ts');
const loaded = (): boolean => (globalThis as { _tfengine?: unknown })._tfengine !== undefined;
const saved = process.env['DLGRADE_BACKEND'];
afterEach(() => {
  if (saved === undefined) delete process.env['DLGRADE_BACKEND'];
  else process.env['DLGRADE_BACKEND'] = saved;
});

describe('predictBackend', () => {
  it('follows the override and declines an unknown backend, loading nothing', () => {
    delete process.env['DLGRADE_BACKEND'];
    expect(predictBackend('cpu')).toBe('cpu');
    expect(predictBackend('wasm')).toBe('wasm');
    expect(predictBackend('gpu')).toBeUndefined();
    process.env['DLGRADE_BACKEND'] = 'cpu';
    expect(predictBackend()).toBe('cpu');
    expect(predictBackend('wasm')).toBe('wasm'); // the flag before the variable, as selectBackend
    process.env['DLGRADE_BACKEND'] = 'nope';
    expect(predictBackend()).toBeUndefined();
    expect(loaded()).toBe(false);
  });

  it('names what the real selection picks, and declines once a selection was made', async () => {
    delete process.env['DLGRADE_BACKEND'];
    const predicted = predictBackend();
    expect(predicted).toBeDefined();
    expect(loaded()).toBe(false);
    expect((await selectBackend()).name).toBe(predicted);
    expect(predictBackend()).toBeUndefined();
  }, 60_000);
});
