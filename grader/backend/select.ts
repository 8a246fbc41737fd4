import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import type { BackendName } from '../engine/result.ts';
import { mark, timed } from '../profile.ts';
import { requireTfjs, TFJS_PACKAGE } from './tfjs-package.ts';

type Tfjs = typeof import('@tensorflow/tfjs');

export const BACKENDS: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** why this one: the fallbacks tried and why they were skipped */
  notes: string[];
}

const require = createRequire(import.meta.url);

let selected: BackendChoice | undefined;
/** the selection in progress: concurrent gradings must not initialise backends twice */
let pending: { wanted: string | undefined; promise: Promise<BackendChoice> } | undefined;

/** DLGRADE_TFJS_REQUIRE=0: TensorFlow.js and its backends through ESM import, as before (benchmarks) */
const cheap = (): boolean => process.env['DLGRADE_TFJS_REQUIRE'] !== '0';

let tfjs: Tfjs | undefined;
/**
 * TensorFlow.js, loaded when a reference first needs it and the cheap way: `require` of its
 * CommonJS build, not `import` (through ESM, Node lexes ~7 MB of CommonJS for the export names
 * first). The references' own `import * as tf` get the same instance (tfjs-hooks.mjs).
 */
export async function loadTfjs(): Promise<Tfjs> {
  mark('tfjs-loaded');
  tfjs ??= cheap() ? timed('tfjs: require', () => withoutSourceMaps(requireTfjs)) : await import('@tensorflow/tfjs');
  return tfjs;
}

/**
 * A `require` with Node's source maps off while it loads: tsx turns them on, and Node then
 * reads and parses the .map of every file of TensorFlow.js (megabytes) at load. Only stack
 * frames inside the package lose their mapping; the grader's, the specs' and the references'
 * keep theirs (they are loaded by tsx, not here).
 */
function withoutSourceMaps<T>(load: () => T): T {
  const before = process.sourceMapsEnabled;
  if (before) process.setSourceMapsEnabled(false);
  try {
    return load();
  } finally {
    if (before) process.setSourceMapsEnabled(true);
  }
}

/** a backend package, the same cheap way */
async function loadPackage<T>(pkg: string): Promise<T> {
  return cheap() ? timed(`${pkg}: require`, () => withoutSourceMaps(() => require(pkg) as T)) : ((await import(pkg)) as T);
}

function hasCuda(): boolean {
  return existsSync('/proc/driver/nvidia/version') || existsSync('/dev/nvidiactl');
}

/** the packages that give the 'tensorflow' backend, in the order they are tried */
const tensorflowPackages = (): string[] => (hasCuda() ? ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] : ['@tensorflow/tfjs-node']);

const resolves = (pkg: string): boolean => {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
};

/**
 * The backend selectBackend(requested) would land on, found without loading TensorFlow.js: the
 * same order and the same override (the flag, then DLGRADE_BACKEND), each candidate counted as
 * available when its package resolves. undefined when the choice cannot be made this way (an
 * unknown or uninstalled requested backend: selectBackend's own error is the answer) or when
 * the selection already ran. A prediction is only a guess — a package may resolve and still fail
 * to initialise —, so the reference cache checks it against the real selection (runtime.ts).
 */
export function predictBackend(requested?: string): BackendName | undefined {
  if (selected || pending) return undefined;
  const wanted = requested ?? process.env['DLGRADE_BACKEND'] ?? undefined;
  if (!resolves(TFJS_PACKAGE)) return undefined;
  const available = (name: BackendName): boolean =>
    name === 'tensorflow' ? tensorflowPackages().some(resolves) : name === 'wasm' ? resolves('@tensorflow/tfjs-backend-wasm') : true;
  if (wanted !== undefined) return BACKENDS.includes(wanted as BackendName) && available(wanted as BackendName) ? (wanted as BackendName) : undefined;
  return BACKENDS.find(available);
}

async function tryTensorflow(tf: Tfjs, notes: string[]): Promise<boolean> {
  const candidates = tensorflowPackages();
  for (const pkg of candidates) {
    try {
      await loadPackage(pkg);
      if (await tf.setBackend('tensorflow')) return true;
      notes.push(`${pkg} loaded but the 'tensorflow' backend did not initialise`);
    } catch (error: unknown) {
      notes.push(`${pkg} not available (${(error as Error).message.split('\n')[0]})`);
    }
  }
  return false;
}

async function tryWasm(tf: Tfjs, notes: string[]): Promise<boolean> {
  try {
    const wasm = await loadPackage<typeof import('@tensorflow/tfjs-backend-wasm')>('@tensorflow/tfjs-backend-wasm');
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    wasm.setWasmPaths(join(dir, 'dist') + '/');
    if (await tf.setBackend('wasm')) return true;
    notes.push("the 'wasm' backend did not initialise");
  } catch (error: unknown) {
    notes.push(`wasm backend failed (${(error as Error).message.split('\n')[0]})`);
  }
  return false;
}


/**
 * Selects the reference backend once per process: `requested` (the --backend flag) or
 * DLGRADE_BACKEND, else tensorflow (tfjs-node-gpu on CUDA machines, then tfjs-node) → wasm → cpu.
 * An explicitly requested backend that cannot load is an error, not a silent fallback.
 */
export async function selectBackend(requested?: string): Promise<BackendChoice> {
  const wanted = requested ?? process.env['DLGRADE_BACKEND'] ?? undefined;
  if (selected && (!wanted || wanted === selected.name)) return selected;
  if (pending && pending.wanted === wanted) return pending.promise;
  const promise = doSelect(wanted);
  pending = { wanted, promise };
  try {
    return await promise;
  } finally {
    if (pending?.promise === promise) pending = undefined;
  }
}

async function doSelect(wanted: string | undefined): Promise<BackendChoice> {
  if (wanted !== undefined && !BACKENDS.includes(wanted as BackendName)) {
    throw new DlgradeError({
      code: 'E_BACKEND',
      message: text().errors.backend.unknown(wanted),
      fix: text().errors.backend.unknownFix(BACKENDS),
    });
  }
  const notes: string[] = [];
  const tf = await loadTfjs();
  const order: BackendName[] = wanted ? [wanted as BackendName] : [...BACKENDS];
  for (const name of order) {
    const ok = name === 'tensorflow' ? await tryTensorflow(tf, notes) : name === 'wasm' ? await tryWasm(tf, notes) : await tf.setBackend('cpu');
    if (ok) {
      await tf.ready();
      selected = { name, notes };
      return selected;
    }
  }
  throw new DlgradeError({
    code: 'E_BACKEND',
    message: text().errors.backend.unavailable(wanted ?? text().errors.backend.reference, notes),
    fix: wanted === 'tensorflow' ? text().errors.backend.tensorflowFix : text().errors.backend.cpuFix,
  });
}
