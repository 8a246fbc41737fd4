import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import pLimit from 'p-limit';
import { cacheDir } from '../catalog/cache.ts';
import { requireTfjs } from '../backend/tfjs-package.ts';
import { INSTALL_ROOT } from '../paths.ts';
import { record } from '../profile.ts';
import { decodeCanonical, encodeCanonical } from './encode.ts';
import { referenceSources } from './sources.mjs';
import { entryKey, entryPath, type Entry, packKey, packPath, type PackEntry, readEntry, readPack, writeEntryInBackground, writePack } from './store.ts';
import { PRUNE_EVERY_WRITES, pruneIfDue, touchEntry } from './prune.ts';
import { loadDeferredReferences, markAborted, notePredictedHit, predictedBackend, referenceDeferred, registerLazyModule } from './lazy.ts';

/**
 * The reference cache's runtime: the facade that grader/reference-cache/hooks.mjs gives a spec
 * in place of its reference module calls `memoiseModule`, which wraps each exported function so
 * that an answer already computed — in this process (memory) or by an earlier run (disk, under
 * cacheDir()/reference-v1) — is returned as a fresh copy instead of being computed again.
 *
 * The key (`meta` + the input's canonical encoding, see store.ts) holds: the exercise whose spec
 * imported the module; the reference's path and the digest of its bytes and of every local module
 * it imports; TensorFlow.js's and its backends' package.json bytes, the arch and V8's version; the
 * backend in use at the call; the function's name. A function is never cached when its module
 * looks impure (sources.mjs), declares `export const dlgradeReferenceCache = false`, or when, in
 * this process, it changed its input, returned something that is not plain data (a tensor, a typed
 * array), or gave two different answers for the same input (checked on its first computed call).
 */

export const DISK_FOLDER = 'reference-v1';

export function referenceCacheEnabled(): boolean {
  return process.env['DLGRADE_REFERENCE_CACHE'] !== '0';
}

export interface ReferenceCacheStats {
  /** calls answered from memory / from disk */
  memoryHits: number;
  diskHits: number;
  /** calls computed by the reference and stored */
  misses: number;
  /** calls passed straight to the reference (module or function not cacheable, input not plain data) */
  uncached: number;
  /** ms the hits took (lookup + copy) and ms the reference had taken to compute them */
  hitMs: number;
  savedMs: number;
  /** why each module or function was left uncached (module path or path#function → reason) */
  refused: Record<string, string>;
}

const stats: ReferenceCacheStats = { memoryHits: 0, diskHits: 0, misses: 0, uncached: 0, hitMs: 0, savedMs: 0, refused: {} };

/** What the cache did in this process (a copy). */
export function referenceCacheStats(): ReferenceCacheStats {
  return { ...stats, refused: { ...stats.refused } };
}

/**
 * The memory layer: per reference module and backend, every answer this process knows (read from
 * that module's pack, read as an entry of its own, or computed), by `${function}\0${input}` (a
 * function's name holds no NUL, so the pair is read back unambiguously; the module and backend are
 * the state's own). Written back as the module's pack (store.ts) just after a grading
 * (scheduleReferencePacksFlush) and at exit, when it learned answers the pack lacked.
 */
interface ModuleAnswers {
  moduleMeta: string;
  backend: string;
  known: Map<string, PackEntry>;
  /** read from the pack and not asked yet: the first hit on one is a disk hit */
  unclaimed: Set<string>;
  /** asked or computed in this process (written first into the next pack) */
  used: Set<string>;
  /** answers known now that the pack on disk lacks */
  dirty: boolean;
}

const answers = new Map<string, ModuleAnswers>();
/** answers held in memory, at most MEMORY_MAX (beyond it, new answers are not kept in memory) */
let held = 0;
const MEMORY_MAX = 200_000;
let flushAtExit = false;

function moduleAnswers(moduleMeta: string, backend: string): ModuleAnswers {
  const id = `${moduleMeta}\0${backend}`;
  let state = answers.get(id);
  if (state !== undefined) return state;
  state = { moduleMeta, backend, known: new Map(), unclaimed: new Set(), used: new Set(), dirty: false };
  answers.set(id, state);
  const dir = diskDir();
  if (dir === null) return state;
  const t0 = performance.now();
  const pack = readPack(dir, moduleMeta, backend);
  if (pack !== undefined) {
    for (const e of pack) {
      if (held >= MEMORY_MAX) break;
      const key = `${e.name}\0${e.input}`;
      if (state.known.has(key)) continue;
      state.known.set(key, e);
      state.unclaimed.add(key);
      held++;
    }
    // the pack is used now (least recently used goes first when the store is pruned)
    touchEntry(packPath(dir, packKey(moduleMeta, backend)));
  }
  record('reference cache: pack read', performance.now() - t0);
  return state;
}

/** An answer this process now knows for the module (computed, or read as an entry of its own). */
function remember(state: ModuleAnswers, key: string, e: PackEntry): void {
  state.used.add(key);
  if (state.known.has(key) || held >= MEMORY_MAX) return;
  state.known.set(key, e);
  held++;
  state.dirty = true;
  if (!flushAtExit) {
    flushAtExit = true;
    process.on('exit', flushReferencePacks);
  }
}

let flushTimer: NodeJS.Timeout | undefined;
/**
 * A grading is done (grade.ts): its packs are written just after, off the path of its result (a
 * watcher's report, a regrade worker's reply), or at exit, whichever comes first.
 */
export function scheduleReferencePacksFlush(): void {
  if (flushTimer !== undefined) return;
  flushTimer = setTimeout(() => {
    flushTimer = undefined;
    flushReferencePacks();
  }, 0);
  flushTimer.unref();
}

/**
 * Writes the pack of every module for which this process learned answers the pack lacked (the
 * answers it used first). Called after a grading (scheduleReferencePacksFlush) and at exit; never
 * throws: a pack that cannot be written only costs the next run its per-entry reads.
 */
export function flushReferencePacks(): void {
  const dir = diskDir();
  if (dir === null) return;
  for (const state of answers.values()) {
    if (!state.dirty) continue;
    state.dirty = false;
    const ordered: PackEntry[] = [];
    for (const key of state.used) {
      const e = state.known.get(key);
      if (e !== undefined) ordered.push(e);
    }
    for (const [key, e] of state.known) if (!state.used.has(key)) ordered.push(e);
    try {
      if (writePack(dir, state.moduleMeta, state.backend, ordered)) wrote(dir);
    } catch {
      // left for the next run
    }
  }
}

/** Forgets the memory layer (tests). */
export function clearMemoryCache(): void {
  answers.clear();
  held = 0;
}

/**
 * Entry files (one per answer) are what another process grading at the same time reads before
 * this one's packs are written: a regrade's other workers (grader/regrade/worker.ts turns them on).
 * Any other process writes packs only (flushReferencePacks, after each grading and at exit), which
 * every later process reads first: its entry files would be written for nobody, an open, a write,
 * a rename and a mkdir for each answer (a cold `check` of the five headline exercises: 616 files,
 * 0.3–1.1 s of its wall time). Entries found on disk are read either way.
 */
let entryFiles = false;

/** Whether this process writes entry files as it computes answers (off unless turned on). */
export function writeEntryFiles(on: boolean): void {
  entryFiles = on;
}

/**
 * When on, entry files are written on libuv's thread pool, two at a time, off the reference's
 * call; what a process ends before writing is in its packs.
 */
const entryWrites = pLimit(2);
const pendingWrites = new Set<Promise<void>>();

function writeInBackground(dir: string, meta: string, input: string, entry: Entry): void {
  if (!entryFiles) return;
  const done: Promise<void> = entryWrites(async () => {
    if (await writeEntryInBackground(dir, meta, input, entry, entryKey(meta, input))) wrote(dir);
  })
    .catch(() => undefined)
    .finally(() => pendingWrites.delete(done));
  pendingWrites.add(done);
}

/** Resolves when every entry file queued so far is written (or could not be): tests, and a caller about to read the store from another process. */
export async function settleEntryWrites(): Promise<void> {
  while (pendingWrites.size > 0) await Promise.all([...pendingWrites]);
}

let disk: string | null | undefined;
let written = 0;
/**
 * After each entry this process wrote: the store is pruned (prune.ts) soon after the first one
 * when it was not in the last hour, and after every PRUNE_EVERY_WRITES more (a regrade worker).
 */
function wrote(dir: string): void {
  written++;
  if (written !== 1 && written % PRUNE_EVERY_WRITES !== 0) return;
  const force = written > 1;
  // off the call's path; a process that ends first leaves it to the next
  setTimeout(() => pruneIfDue(dir, force), 0).unref();
}

/** The disk layer's folder (created on first use), or null when there is none. */
function diskDir(): string | null {
  if (disk !== undefined) return disk;
  const base = cacheDir();
  disk = base === undefined ? null : join(base, DISK_FOLDER);
  return disk;
}

/**
 * What the answers depend on outside the reference's own files: TensorFlow.js's packages as the
 * install resolves them (their package.json bytes, or "absent"), the CPU architecture and V8's
 * version (Math.exp and friends). Read once per reference module loaded.
 */
export function environmentDigest(root = INSTALL_ROOT): string {
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu']) {
    let bytes: Buffer | string = 'absent';
    try {
      bytes = readFileSync(require.resolve(`${pkg}/package.json`));
    } catch {
      // not installed
    }
    hash.update(`${pkg}\0${bytes.length}\0`).update(bytes).update('\0');
  }
  hash.update(`${process.arch}\0${process.platform}\0${process.versions.v8}`);
  return hash.digest('hex');
}

/** The backend TensorFlow.js computes on now, or the predicted one while it is not loaded. */
function backendName(): string | undefined {
  const predicted = predictedBackend();
  if (predicted !== undefined) return predicted;
  try {
    // the grader's own TensorFlow.js (an assignment's bundle has its lean one)
    return requireTfjs().getBackend() ?? undefined;
  } catch {
    return undefined;
  }
}

export interface FacadeInfo {
  /** the exercise whose spec imported the module ("ch07-convolution/conv2d") */
  exercise: string;
  /** the reference module's absolute path; embedded: its path relative to the install it was bundled from */
  file: string;
  /** its source digest as the module hook read it before the module loaded (embedded: when the bundle was built) */
  digest: string;
  /** the names it exports, read from its source */
  names: string[];
  /** the install whose reference/ it is (tests use another) */
  root?: string;
  /**
   * The module is embedded in an assignment's bundle (grader/assign/bundle.ts): its sources are
   * not on disk, `digest` covers them and the bundle's own TensorFlow.js entry as they were
   * bundled, and `uncacheable` says why it must not be cached when the build found it so.
   */
  embedded?: true;
  uncacheable?: string;
}

/** The module's path relative to its install, for the key and the stats. */
function moduleLabel(info: FacadeInfo): string {
  return info.embedded === true ? info.file : relative(info.root ?? INSTALL_ROOT, info.file);
}

type Fn = (...args: unknown[]) => unknown;

const isThenable = (v: unknown): v is PromiseLike<unknown> => (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';

/**
 * The facade's exports: for each name, the module's value, a memoised wrapper when it is a
 * function and the module can be cached.
 */
export function memoiseModule(real: Record<string, unknown>, info: FacadeInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of info.names) out[name] = real[name];
  const moduleMeta = cacheableMeta(info);
  if (moduleMeta === undefined) return out;
  if (real['dlgradeReferenceCache'] === false) {
    stats.refused[moduleLabel(info)] = 'declared dlgradeReferenceCache = false';
    return out;
  }
  for (const name of info.names) {
    const fn = real[name];
    if (typeof fn === 'function') out[name] = memoise(() => fn as Fn, name, moduleMeta, `${moduleLabel(info)}#${name}`, info.exercise);
  }
  return out;
}

/** The key's module part, or undefined (and why, in the stats) when the module is not to be cached. */
function cacheableMeta(info: FacadeInfo): string | undefined {
  if (!referenceCacheEnabled()) return undefined;
  const root = info.root ?? INSTALL_ROOT;
  const rel = moduleLabel(info);
  if (info.embedded === true) {
    // bundled: its sources are part of the bundle, read and judged when it was built
    if (info.uncacheable !== undefined) {
      stats.refused[rel] = info.uncacheable;
      return undefined;
    }
    return JSON.stringify({ exercise: info.exercise, file: rel, embedded: info.digest, environment: environmentDigest(root) });
  }
  // read again now that the module (and its imports) have loaded: a file that changed in between
  // may have loaded as either version, so nothing of it is cached
  const sources = referenceSources(info.file, root);
  let refused = sources.uncacheable;
  if (refused === undefined && sources.digest !== info.digest) refused = 'its source changed while it loaded';
  if (refused !== undefined) {
    stats.refused[rel] = refused;
    return undefined;
  }
  return JSON.stringify({ exercise: info.exercise, file: rel, sources: sources.digest, environment: environmentDigest(root) });
}

/**
 * The lazy facade's exports (hooks.mjs gives it to a module whose exports are all functions, by
 * its source): while TensorFlow.js is deferred, the module is not imported, and each name is a
 * memoised function that answers hits and defers misses (lazy.ts); otherwise
 * (not deferred, already loaded, or a module that cannot be cached) the module is imported —
 * after the backend is selected — and wrapped as memoiseModule does. `load`: the facade's own
 * `import()` of the module (a literal one, which a bundler can follow).
 */
export async function lazyModule(load: () => Promise<Record<string, unknown>>, info: FacadeInfo): Promise<Record<string, unknown>> {
  const moduleMeta = referenceDeferred() ? cacheableMeta(info) : undefined;
  if (moduleMeta === undefined) {
    await loadDeferredReferences();
    return memoiseModule(await load(), info);
  }
  const target = registerLazyModule(load);
  const rel = moduleLabel(info);
  const out: Record<string, unknown> = {};
  for (const name of info.names) {
    out[name] = memoise(() => {
      const fn = target.real?.[name];
      if (target.real !== undefined && typeof fn !== 'function') throw new TypeError(`${rel} does not export a function ${name}`);
      return fn as Fn | undefined;
    }, name, moduleMeta, `${rel}#${name}`, info.exercise);
  }
  return out;
}

/** The key's text but the input: the module's part, the backend, the function. */
function callMeta(moduleMeta: string, backend: string, name: string): string {
  return `${moduleMeta}\0${JSON.stringify({ backend, function: name })}`;
}

/** The key (text but the input) a call of `name` gets on `backend` (tests write entries with it). */
export function keyMetaFor(info: FacadeInfo, backend: string, name: string): string | undefined {
  const moduleMeta = cacheableMeta(info);
  return moduleMeta === undefined ? undefined : callMeta(moduleMeta, backend, name);
}

function memoise(target: () => Fn | undefined, name: string, moduleMeta: string, label: string, exercise: string): Fn {
  /** why this function is no longer cached in this process */
  let off: string | undefined;
  let verified = false;
  const refuse = (why: string): void => {
    off ??= why;
    stats.refused[label] = why;
  };

  /** after a computed call, before any second one: its input unchanged, its answer plain data */
  const cacheable = (args: unknown[], input: string, value: unknown): boolean => {
    if (encodeCanonical(args) !== input) refuse('it changes its input');
    else if (encodeCanonical(value) === undefined) refuse('it returns something that is not plain data');
    return off === undefined;
  };

  /** after a computed call: stores the answer when everything about it is cacheable */
  const store = (args: unknown[], state: ModuleAnswers, meta: string, input: string, value: unknown, async: boolean, ms: number, again: { value: unknown } | 'threw' | undefined): void => {
    if (off !== undefined) return;
    // the input as it was before the verifying call too (that one ran on a copy)
    if (encodeCanonical(args) !== input) return refuse('it changes its input');
    const result = encodeCanonical(value);
    if (result === undefined) return refuse('it returns something that is not plain data');
    if (again !== undefined) {
      if (again === 'threw' || encodeCanonical(again.value) !== result) return refuse('two calls with the same input gave different answers');
      verified = true;
    }
    if (!verified) return;
    const entry: Entry = { result, async, ms };
    remember(state, `${name}\0${input}`, { name, input, entry });
    const dir = diskDir();
    if (dir !== null) writeInBackground(dir, meta, input, entry);
  };

  /** the function, or (a miss before TensorFlow.js is loaded) the exercise aborted */
  const real = (): Fn => {
    const fn = target();
    if (fn !== undefined) return fn;
    throw markAborted(exercise);
  };
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    if (off !== undefined) {
      stats.uncached++;
      return real().apply(this, args);
    }
    const input = encodeCanonical(args);
    const backend = backendName();
    if (input === undefined || backend === undefined) {
      stats.uncached++;
      return real().apply(this, args);
    }
    // the whole key's text, needed only when memory has no answer (a disk entry, a store)
    let meta: string | undefined;
    const metaOf = (): string => (meta ??= callMeta(moduleMeta, backend, name));
    const t0 = performance.now();
    const state = moduleAnswers(moduleMeta, backend);
    const id = `${name}\0${input}`;
    let hit = state.known.get(id)?.entry;
    let fromDisk = false;
    if (hit !== undefined) {
      state.used.add(id);
      // the first answer of its pack asked in this process came from disk
      if (state.unclaimed.delete(id)) fromDisk = true;
    } else {
      const dir = diskDir();
      const key = dir === null ? undefined : entryKey(metaOf(), input);
      hit = key === undefined ? undefined : readEntry(dir!, metaOf(), input, key);
      if (hit !== undefined) {
        touchEntry(entryPath(dir!, key!));
        fromDisk = true;
        remember(state, id, { name, input, entry: hit });
      }
    }
    if (hit !== undefined) {
      notePredictedHit(exercise);
      const value = decodeCanonical(hit.result);
      const ms = performance.now() - t0;
      if (fromDisk) stats.diskHits++;
      else stats.memoryHits++;
      stats.hitMs += ms;
      stats.savedMs += hit.ms;
      record('reference cache: hit (lookup + copy)', ms);
      record('reference cache: compute time the hits saved', hit.ms);
      return hit.async ? Promise.resolve(value) : value;
    }
    const fn = real();
    stats.misses++;
    const t1 = performance.now();
    const value = fn.apply(this, args);
    // the first computed call of each function is computed twice, on a fresh copy of its input:
    // a function whose answer differs is not deterministic and is never cached
    const check = !verified;
    if (isThenable(value)) {
      return Promise.resolve(value).then(async (resolved) => {
        const ms = performance.now() - t1;
        record('reference cache: miss (reference computed)', ms);
        if (!cacheable(args, input, resolved)) return resolved;
        let again: { value: unknown } | 'threw' | undefined;
        if (check) {
          try {
            again = { value: await fn.apply(this, decodeCanonical(input) as unknown[]) };
          } catch {
            again = 'threw';
          }
        }
        store(args, state, metaOf(), input, resolved, true, ms, again);
        return resolved;
      });
    }
    const ms = performance.now() - t1;
    record('reference cache: miss (reference computed)', ms);
    if (!cacheable(args, input, value)) return value;
    let again: { value: unknown } | 'threw' | undefined;
    if (check) {
      try {
        again = { value: fn.apply(this, decodeCanonical(input) as unknown[]) };
      } catch {
        again = 'threw';
      }
    }
    store(args, state, metaOf(), input, value, false, ms, again);
    return value;
  };
  const known = target();
  Object.defineProperty(wrapped, 'name', { value: known?.name ?? name });
  if (known !== undefined) Object.defineProperty(wrapped, 'length', { value: known.length });
  return wrapped;
}
