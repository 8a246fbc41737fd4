/**
 * Lazy TensorFlow.js, the reference cache's side (grader/engine/steps/reference-backend.ts is the
 * engine's). While a selection is deferred and not yet made, the memoised functions of the modules
 * whose facade is lazy (hooks.mjs, runtime.ts's lazyModule) answer hits under the predicted
 * backend's key and nothing else: a miss cannot compute (the reference module is not loaded), so
 * it marks its exercise aborted and throws ReferenceDeferred; the engine then loads (selects the
 * backend, imports every lazy module) and grades the exercise again. Answers are only ever stored
 * after a computation, keyed with the backend TensorFlow.js reports then, never the prediction;
 * when the real selection lands on another backend than predicted, the exercises answered under
 * the prediction are graded again (takeUsedPrediction, mispredicted).
 */

/** Whether TensorFlow.js's engine exists in this process (tfjs-core registers it as a global when it loads). */
export function tfjsLoaded(): boolean {
  return (globalThis as { _tfengine?: unknown })._tfengine !== undefined;
}

interface Deferred {
  predicted: string;
  /** selects the backend; its name */
  load: () => Promise<string>;
}
let deferred: Deferred | undefined;
let loading: Promise<void> | undefined;
let loaded = false;
let actual: string | undefined;
const lazyModules: { load: () => Promise<Record<string, unknown>>; target: { real?: Record<string, unknown> } }[] = [];
const aborted = new Set<string>();
const predictedHits = new Set<string>();

/** Thrown by a memoised function for a miss while TensorFlow.js is not loaded (never a student's doing). */
export class ReferenceDeferred extends Error {
  constructor(readonly exercise: string) {
    super(`reference of ${exercise} not loaded yet (lazy TensorFlow.js)`);
  }
}

/**
 * Starts a grading with TensorFlow.js not loaded: `predicted` is the backend `load` should select.
 * False (nothing deferred) when TensorFlow.js is loaded already or being loaded.
 */
export function deferReferenceBackend(predicted: string, load: () => Promise<string>): boolean {
  if (loaded || loading || tfjsLoaded()) return false;
  deferred = { predicted, load };
  return true;
}

/** Whether the grading may go on without loading: deferred and not loaded yet. */
export function referenceDeferred(): boolean {
  return deferred !== undefined && !loaded;
}

/** The backend hits are keyed with while nothing is loaded; undefined once loaded or when nothing was deferred. */
export function predictedBackend(): string | undefined {
  return deferred !== undefined && !loaded ? deferred.predicted : undefined;
}

/** Selects the backend and imports every lazy reference module (once; later calls wait for the first). */
export function loadDeferredReferences(): Promise<void> {
  if (deferred === undefined || loaded) return Promise.resolve();
  const { load } = deferred;
  loading ??= (async () => {
    actual = await load();
    for (const m of lazyModules) m.target.real ??= await m.load();
    loaded = true;
  })();
  return loading;
}

/** A lazy module's slot, filled by loadDeferredReferences with what `load` (its import) gives. */
export function registerLazyModule(load: () => Promise<Record<string, unknown>>): { real?: Record<string, unknown> } {
  const target: { real?: Record<string, unknown> } = {};
  lazyModules.push({ load, target });
  return target;
}

/** A miss of `exercise` before TensorFlow.js was loaded: the error its memoised function throws. */
export function markAborted(exercise: string): ReferenceDeferred {
  aborted.add(exercise);
  return new ReferenceDeferred(exercise);
}

/** A hit of `exercise`, under the predicted backend when nothing is loaded yet. */
export function notePredictedHit(exercise: string): void {
  if (predictedBackend() !== undefined) predictedHits.add(exercise);
}

/** Forgets that `exercise` met a miss before TensorFlow.js was loaded; true when it had. */
export function takeAborted(exercise: string): boolean {
  return aborted.delete(exercise);
}

/** Whether `exercise` met a miss before TensorFlow.js was loaded (its grading goes on for nothing). */
export function isAborted(exercise: string): boolean {
  return aborted.has(exercise);
}

/** The backend the deferred selection chose, once made. */
export function selectedReferenceBackend(): string | undefined {
  return loaded ? actual : undefined;
}

/** Whether the real selection landed on another backend than the one predicted. */
export function mispredicted(): boolean {
  return loaded && deferred !== undefined && actual !== deferred.predicted;
}

/** Forgets and answers whether `exercise` was answered from entries of the predicted backend. */
export function takeUsedPrediction(exercise: string): boolean {
  return predictedHits.delete(exercise);
}

/** Forgets the lazy state (tests): nothing deferred, nothing loaded. */
export function resetDeferredForTests(): void {
  deferred = undefined;
  loading = undefined;
  loaded = false;
  actual = undefined;
  lazyModules.length = 0;
  aborted.clear();
  predictedHits.clear();
}
