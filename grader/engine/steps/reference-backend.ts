import { predictBackend, selectBackend, type BackendChoice } from '../../backend/select.ts';
import type { BackendName } from '../result.ts';
import { mark, timedAsync } from '../../profile.ts';
import { deferReferenceBackend, loadDeferredReferences, referenceDeferred, selectedReferenceBackend, tfjsLoaded } from '../../reference-cache/lazy.ts';
import { referenceCacheEnabled } from '../../reference-cache/runtime.ts';

/**
 * The reference backend of one grading. With the reference cache's module hooks registered
 * (bin/dlgrade.js, the regrade worker) and TensorFlow.js not loaded yet, the selection waits: the
 * backend selectBackend would choose is predicted from the packages that resolve (no TensorFlow.js
 * loaded), cache hits are answered under it, and the first miss loads TensorFlow.js, selects the
 * backend and imports the references (grader/reference-cache/runtime.ts; the engine grades the
 * exercise that missed again). `DLGRADE_TFJS_LAZY=0`, the cache off, no hooks (the grader in a
 * test's own process, an assignment's bundle) or a prediction that cannot be made: selected now,
 * as before.
 */
export interface ReferenceBackend {
  /** the backend the report names: the one selected, else (nothing loaded) the predicted one */
  name(): BackendName;
  /** the predicted backend, when the selection was deferred */
  predicted: BackendName | undefined;
  /** after a spec loaded: a module it imported loaded TensorFlow.js (no lazy facade), so select now, before any property runs */
  afterSpecLoad(): Promise<void>;
}

const HOOKS = Symbol.for('dlgrade.reference-cache.hooks');

function lazyAllowed(): boolean {
  return process.env['DLGRADE_TFJS_LAZY'] !== '0' && referenceCacheEnabled() && (globalThis as Record<symbol, unknown>)[HOOKS] === true && !tfjsLoaded();
}

const select = (requested: string | undefined): Promise<BackendChoice> => timedAsync('backend: tfjs import + init', () => selectBackend(requested));

export async function startReferenceBackend(requested: string | undefined): Promise<ReferenceBackend> {
  let choice: BackendChoice | undefined;
  const predicted = lazyAllowed() ? predictBackend(requested) : undefined;
  if (predicted !== undefined && deferReferenceBackend(predicted, async () => (choice = await select(requested)).name)) {
    mark('tfjs-deferred');
    return {
      // another grading of this process may have made the selection: its answer is the one in use
      name: () => choice?.name ?? (selectedReferenceBackend() as BackendName | undefined) ?? predicted,
      predicted,
      afterSpecLoad: () => (referenceDeferred() && tfjsLoaded() ? loadDeferredReferences() : Promise.resolve()),
    };
  }
  choice = await select(requested);
  const chosen = choice;
  return { name: () => chosen.name, predicted: undefined, afterSpecLoad: () => Promise.resolve() };
}
