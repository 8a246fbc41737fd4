import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../grader/backend/select.ts';
import { DlgradeError } from '../../grader/errors.ts';

describe('reference backend selection', () => {
  it('concurrent selections initialise one backend once (tensors stay valid)', async () => {
    const [a, b] = await Promise.all([selectBackend(), selectBackend()]);
    expect(a).toBe(b);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(a.name);
    expect(tf.getBackend()).toBe(a.name);
    const x = tf.tensor1d([1, 2, 3]);
    await selectBackend();
    expect(x.sum().dataSync()[0]).toBe(6);
    x.dispose();
  });

  it('an unknown backend is a clear error naming the choices', async () => {
    await expect(selectBackend('gpu')).rejects.toSatisfy((e: unknown) => e instanceof DlgradeError && e.code === 'E_BACKEND' && /tensorflow, wasm, cpu/.test(e.fix ?? ''));
  });

  it('an explicitly requested backend that cannot load is an error, not a silent fallback', async () => {
    let tensorflowPresent = true;
    try {
      await import('@tensorflow/tfjs-node' as string);
    } catch {
      tensorflowPresent = false;
    }
    if (tensorflowPresent) {
      expect((await selectBackend('tensorflow')).name).toBe('tensorflow');
    } else {
      await expect(selectBackend('tensorflow')).rejects.toBeInstanceOf(DlgradeError);
    }
    expect((await selectBackend('cpu')).name).toBe('cpu');
  });
});
