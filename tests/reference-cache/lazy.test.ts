/**
 * Lazy TensorFlow.js in the reference cache's runtime (grader/reference-cache/runtime.ts, lazy.ts), in a
 * process where nothing loaded it yet: hits are answered under the predicted backend without
 * loading anything, a miss defers (the exercise is marked for a new grading), and once the real
 * selection lands on another backend than predicted, the predicted backend's entries answer
 * nothing more, nothing is stored under its key, and the exercises it answered are named.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-lazy-'));
process.env['DLGRADE_CACHE_DIR'] = join(scratch, 'cache');
const root = join(scratch, 'install');
// the entry files still being written in the background first
afterAll(async () => {
  await runtime.settleEntryWrites();
  rmSync(scratch, { recursive: true, force: true });
});

const runtime = { ...(await import('../../grader/reference-cache/runtime.ts')), ...(await import('../../grader/reference-cache/lazy.ts')) };
// entries as files (a regrade worker's layer), so that what is stored can be read back here
runtime.writeEntryFiles(true);
const { referenceSources } = await import('../../grader/reference-cache/sources.mjs');
const { writeEntry } = await import('../../grader/reference-cache/store.ts');
const { encodeCanonical } = await import('../../grader/reference-cache/encode.ts');

const file = join(root, 'reference', 'ch99-test', 'lazy.mjs');
mkdirSync(join(root, 'reference', 'ch99-test'), { recursive: true });
writeFileSync(file, 'export function double(x) {\n  return x.map((v) => 2 * v);\n}\n');
const info = { exercise: 'ch99-test/lazy', file, digest: referenceSources(file, root).digest, names: ['double'], root };
const dir = join(scratch, 'cache', runtime.DISK_FOLDER);

/** every stored entry: its backend and its result */
function stored(): { backend: string; input: string; result: string }[] {
  const out: { backend: string; input: string; result: string }[] = [];
  // the entries' two-hex folders (not the packs, nor the pruner's stamp)
  for (const sub of readdirSync(dir).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    for (const name of readdirSync(join(dir, sub))) {
      const e = JSON.parse(readFileSync(join(dir, sub, name), 'utf8')) as { meta: string; input: string; result: string };
      out.push({ backend: (JSON.parse(e.meta.split('\0').at(-1)!) as { backend: string }).backend, input: e.input, result: e.result });
    }
  }
  return out;
}

describe('lazy TensorFlow.js and the backend in the key', () => {
  it('hits under the prediction load nothing; a wrong prediction answers nothing after the real selection', async () => {
    expect(runtime.tfjsLoaded()).toBe(false);
    // an earlier run on 'tensorflow' left an answer (marked so that it cannot pass for a computed one)
    const meta = runtime.keyMetaFor(info, 'tensorflow', 'double')!;
    expect(writeEntry(dir, meta, encodeCanonical([[5]])!, { result: encodeCanonical([555])!, async: false, ms: 1 })).toBe(true);
    let loads = 0;
    // predicted 'tensorflow' (its package resolved), but it fails to initialise: the selection falls back to cpu
    const deferred = runtime.deferReferenceBackend('tensorflow', async () => {
      loads++;
      const { selectBackend } = await import('../../grader/backend/select.ts');
      return (await selectBackend('cpu')).name;
    });
    expect(deferred).toBe(true);
    const facade = await runtime.lazyModule(() => import(pathToFileURL(file).href), info);
    const double = facade['double'] as (x: number[]) => number[];
    expect(double([5])).toEqual([555]); // the disk hit, under the predicted backend
    expect(runtime.tfjsLoaded()).toBe(false);
    expect(loads).toBe(0);
    // a miss cannot compute: the exercise is marked for a new grading, nothing is loaded or stored
    expect(() => double([6])).toThrow(runtime.ReferenceDeferred);
    expect(runtime.isAborted('ch99-test/lazy')).toBe(true);
    expect(runtime.takeAborted('ch99-test/lazy')).toBe(true);
    expect(runtime.tfjsLoaded()).toBe(false);
    await runtime.settleEntryWrites();
    expect(stored()).toHaveLength(1);

    await runtime.loadDeferredReferences();
    await runtime.loadDeferredReferences();
    expect(loads).toBe(1);
    expect(runtime.tfjsLoaded()).toBe(true);
    expect(runtime.referenceDeferred()).toBe(false);
    expect(runtime.selectedReferenceBackend()).toBe('cpu');
    expect(runtime.mispredicted()).toBe(true);
    // the exercise was answered from the predicted backend's entries: the engine grades it again
    expect(runtime.takeUsedPrediction('ch99-test/lazy')).toBe(true);
    expect(runtime.takeUsedPrediction('ch99-test/lazy')).toBe(false);

    // on cpu now: the 'tensorflow' entry (memory and disk) answers nothing, the reference computes
    const misses = runtime.referenceCacheStats().misses;
    expect(double([5])).toEqual([10]);
    expect(double([6])).toEqual([12]);
    expect(runtime.referenceCacheStats().misses).toBe(misses + 2);
    expect(runtime.takeUsedPrediction('ch99-test/lazy')).toBe(false);
    await runtime.settleEntryWrites();
    const entries = stored();
    expect(entries.filter((e) => e.backend === 'tensorflow')).toEqual([{ backend: 'tensorflow', input: encodeCanonical([[5]]), result: encodeCanonical([555]) }]);
    expect(entries.filter((e) => e.backend === 'cpu').map((e) => e.result).sort()).toEqual([encodeCanonical([10]), encodeCanonical([12])].sort());
    // a module imported after the selection is not lazy: it is loaded and cached as before
    const again = await runtime.lazyModule(() => import(pathToFileURL(file).href), { ...info, exercise: 'ch99-test/other' });
    expect((again['double'] as (x: number[]) => number[])([7])).toEqual([14]);
  });
});
