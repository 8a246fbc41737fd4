/**
 * The reference cache's runtime (grader/reference-cache/runtime.ts), driven as the module hook's
 * facade drives it: memoiseModule over a module's functions, with its source files in a
 * temporary install root. Each answer is counted at the source (how many times the "reference"
 * really ran), so a hit that should not happen shows up as a call that did not.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-runtime-'));
process.env['DLGRADE_CACHE_DIR'] = join(scratch, 'cache');
const root = join(scratch, 'install');

const { clearMemoryCache, DISK_FOLDER, flushReferencePacks, memoiseModule, referenceCacheStats, settleEntryWrites, writeEntryFiles } = await import('../../grader/reference-cache/runtime.ts');
// the entry files' layer, as a regrade's workers write it (other processes write packs only: the last test)
writeEntryFiles(true);
const { referenceSources } = await import('../../grader/reference-cache/sources.mjs');
const { selectBackend } = await import('../../grader/backend/select.ts');
const { INSTALL_ROOT } = await import('../../grader/paths.ts');

// the entry files still being written in the background first
afterAll(async () => {
  await settleEntryWrites();
  rmSync(scratch, { recursive: true, force: true });
});
beforeAll(async () => {
  await selectBackend('cpu');
});

type Fns = Record<string, unknown>;
const SOURCE = `import * as tf from '@tensorflow/tfjs';\nexport function double(x: number[]): number[] {\n  return x.map((v) => 2 * v);\n}\n`;

function writeRef(name: string, source = SOURCE): string {
  const file = join(root, 'reference', 'ch99-test', `${name}.ts`);
  mkdirSync(join(root, 'reference', 'ch99-test'), { recursive: true });
  writeFileSync(file, source);
  return file;
}

function facade(fns: Fns, file: string, exercise = 'ch99-test/x'): Fns {
  const { digest } = referenceSources(file, root);
  return memoiseModule(fns, { exercise, file, digest, names: Object.keys(fns), root });
}

/** a "reference" that counts its real calls */
function counted<T extends unknown[], R>(fn: (...args: T) => R): { fn: (...args: T) => R; calls: () => number } {
  let n = 0;
  return {
    fn: (...args: T) => {
      n++;
      return fn(...args);
    },
    calls: () => n,
  };
}

const doubled = (x: number[]) => x.map((v) => 2 * v);

describe('the reference cache answers only for exactly the same call', () => {
  it('a repeated call is answered from memory, as a fresh copy a spec may mutate', () => {
    const file = writeRef('fresh');
    const ref = counted(doubled);
    const f = facade({ double: ref.fn }, file)['double'] as typeof doubled;
    const first = f([1, 2, 3]);
    expect(first).toEqual([2, 4, 6]);
    const after1 = ref.calls(); // 2: the first computed call is computed twice (determinism check)
    first[0] = 999; // the spec mutates what it got
    const second = f([1, 2, 3]);
    expect(second).toEqual([2, 4, 6]);
    second.push(7);
    expect(f([1, 2, 3])).toEqual([2, 4, 6]);
    expect(ref.calls()).toBe(after1);
    expect(f([1, 2, 3])).not.toBe(f([1, 2, 3]));
  });

  it('another exercise, function or input never hits (-0 vs 0, NaN, undefined vs absent, key order)', () => {
    const file = writeRef('keys');
    const ref = counted((x: unknown) => JSON.stringify(x === undefined ? 'u' : x) + String(Object.is(x, -0)));
    const a = facade({ f: ref.fn, g: ref.fn }, file, 'ch99-test/a');
    const b = facade({ f: ref.fn }, file, 'ch99-test/b');
    const call = (m: Fns, name: string, ...args: unknown[]) => (m[name] as (...a: unknown[]) => unknown)(...args);
    call(a, 'f', 0);
    let calls = ref.calls();
    const expectMiss = (m: Fns, name: string, ...args: unknown[]) => {
      const got = call(m, name, ...args);
      expect(ref.calls(), `${name}(${JSON.stringify(args[0]) ?? String(args[0])}) should have been computed`).toBeGreaterThan(calls);
      calls = ref.calls();
      return got;
    };
    const expectHit = (m: Fns, name: string, ...args: unknown[]) => {
      call(m, name, ...args);
      expect(ref.calls()).toBe(calls);
    };
    expectHit(a, 'f', 0);
    expect(expectMiss(a, 'f', -0)).toBe('0true');
    expectMiss(b, 'f', 0); // another exercise
    expectMiss(a, 'g', 0); // another function
    expectMiss(a, 'f', NaN);
    expectHit(a, 'f', NaN);
    expectMiss(a, 'f', Infinity);
    expectMiss(a, 'f');
    expectMiss(a, 'f', undefined); // one argument, undefined, is not zero arguments
    expectMiss(a, 'f', { x: 1, y: 2 });
    expectMiss(a, 'f', { y: 2, x: 1 });
    // an object without a prototype (fast-check's records are sometimes made so) is cached, as
    // another input than the plain object with the same keys
    const bare = (): Record<string, number> => Object.assign(Object.create(null) as Record<string, number>, { x: 1, y: 2 });
    expectMiss(a, 'f', bare());
    expectHit(a, 'f', bare());
    expectMiss(a, 'f', [1, 2]);
    expectMiss(a, 'f', [[1, 2]]);
    expectMiss(a, 'f', '1,2');
    expectMiss(a, 'f', 1e-300);
    expectMiss(a, 'f', 1.0000000000000002);
    expectHit(a, 'f', 1.0000000000000002);
    expectMiss(a, 'f', 1); // 1 and 1.0000000000000002 are two inputs
  });

  it('the same object passed twice is another input than two equal copies, and its answer keeps what it shared', () => {
    const file = writeRef('shared');
    // a reference that can tell sharing apart, as any function could (boxIou(boxes, boxes))
    const ref = counted((a: number[], b: number[]) => ({ same: a === b, pair: [a, a] }));
    const f = facade({ f: ref.fn }, file)['f'] as (a: number[], b: number[]) => { same: boolean; pair: number[][] };
    const boxes = [1, 2];
    expect(f(boxes, boxes).same).toBe(true);
    let calls = ref.calls();
    const hit = f([1, 2], [1, 2].slice());
    expect(ref.calls()).toBeGreaterThan(calls); // two equal copies: not the shared call's answer
    expect(hit.same).toBe(false);
    calls = ref.calls();
    const again = [1, 2];
    const answer = f(again, again);
    expect(ref.calls()).toBe(calls); // the same sharing, the same values: a hit
    expect(answer.same).toBe(true);
    expect(answer.pair[0]).toBe(answer.pair[1]); // the answer shares what the computed one shared
    expect(answer.pair[0]).toEqual([1, 2]);
    expect(f([1, 2], [1, 2]).same).toBe(false); // and the copies' answer is still the copies' one
    expect(ref.calls()).toBe(calls);
  });

  it('typed arrays, functions, holes and cycles are never cached (computed every time)', () => {
    const file = writeRef('plain');
    const ref = counted((x: unknown) => (Array.isArray(x) ? x.length : 0));
    const f = facade({ f: ref.fn }, file)['f'] as (x: unknown) => number;
    const cycle: unknown[] = [1];
    cycle.push(cycle);
    const deep: Record<string, unknown> = { a: 1 };
    deep['self'] = { inner: deep };
    for (const input of [new Float64Array([1, 2]), [1, , 3], () => 1, new Map(), cycle, deep]) {
      const before = ref.calls();
      f(input);
      f(input);
      expect(ref.calls() - before).toBe(2);
    }
  });

  it('a changed byte of the reference, or of a module it imports, never hits', () => {
    const helper = writeRef('helper', 'export const k = 2;\n');
    const file = writeRef('main', `import { k } from './helper.ts';\nexport function f(x: number): number {\n  return k * x;\n}\n`);
    const ref = counted((x: number) => 2 * x);
    facade({ f: ref.fn }, file)['f'] as (x: number) => number;
    (facade({ f: ref.fn }, file)['f'] as (x: number) => number)(3);
    let calls = ref.calls();
    (facade({ f: ref.fn }, file)['f'] as (x: number) => number)(3);
    expect(ref.calls()).toBe(calls); // same bytes: a hit (another facade, same key)
    writeFileSync(file, readFileSync(file, 'utf8').replace('k * x', 'k * x '));
    (facade({ f: ref.fn }, file)['f'] as (x: number) => number)(3);
    expect(ref.calls()).toBeGreaterThan(calls);
    calls = ref.calls();
    writeFileSync(helper, 'export const k = 3;\n');
    (facade({ f: ref.fn }, file)['f'] as (x: number) => number)(3);
    expect(ref.calls()).toBeGreaterThan(calls);
  });

  it('another TensorFlow.js version never hits', () => {
    const file = writeRef('version');
    const pkg = join(root, 'node_modules', '@tensorflow', 'tfjs');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs', version: '4.22.0' }));
    const ref = counted(doubled);
    (facade({ f: ref.fn }, file)['f'] as typeof doubled)([1]);
    let calls = ref.calls();
    (facade({ f: ref.fn }, file)['f'] as typeof doubled)([1]);
    expect(ref.calls()).toBe(calls);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs', version: '4.22.1' }));
    (facade({ f: ref.fn }, file)['f'] as typeof doubled)([1]);
    expect(ref.calls()).toBeGreaterThan(calls);
    calls = ref.calls();
    rmSync(join(root, 'node_modules'), { recursive: true });
    (facade({ f: ref.fn }, file)['f'] as typeof doubled)([1]);
    expect(ref.calls()).toBeGreaterThan(calls);
  });

  it('another backend never hits', async () => {
    const file = writeRef('backend');
    const ref = counted(doubled);
    const f = facade({ f: ref.fn }, file)['f'] as typeof doubled;
    f([5]);
    const calls = ref.calls();
    f([5]);
    expect(ref.calls()).toBe(calls);
    await selectBackend('wasm');
    try {
      f([5]);
      expect(ref.calls()).toBeGreaterThan(calls);
      const onWasm = ref.calls();
      f([5]);
      expect(ref.calls()).toBe(onWasm);
    } finally {
      await selectBackend('cpu');
    }
    f([5]);
    expect(ref.calls()).toBe(calls + 1);
  });
});

describe('what is never cached', () => {
  const refusedFor = (label: string): string | undefined => {
    const stats = referenceCacheStats();
    return Object.entries(stats.refused).find(([k]) => k.endsWith(label))?.[1];
  };

  it('a function whose answer changes between two equal calls (state, randomness)', () => {
    const file = writeRef('stateful');
    let n = 0;
    const f = facade({ tick: (x: number) => x + n++ }, file)['tick'] as (x: number) => number;
    expect([f(1), f(1), f(1)]).toEqual([1, 3, 4]); // the first call ran twice (n = 0, 1); never cached
    expect(refusedFor('stateful.ts#tick')).toMatch(/different answers/);
  });

  it('a module with Math.random, a clock or module-level state in its source, or that declares itself uncacheable', () => {
    const cases: Record<string, string> = {
      random: 'export function f(): number {\n  return Math.random();\n}\n',
      clock: 'export function f(): number {\n  return Date.now();\n}\n',
      state: 'let calls = 0;\nexport function f(): number {\n  return calls++;\n}\n',
      table: 'const seen = new Map();\nexport function f(x: number): number {\n  return x;\n}\n',
      tfrandom: "import * as tf from '@tensorflow/tfjs';\nexport function f(): number[] {\n  return tf.randomUniform([2]).arraySync() as number[];\n}\n",
      outside: "import { g } from '../../../elsewhere.ts';\nexport function f(): number {\n  return g();\n}\n",
      package: "import fc from 'fast-check';\nexport function f(): number {\n  return 1;\n}\n",
    };
    for (const [name, source] of Object.entries(cases)) {
      const file = writeRef(name, source);
      const ref = counted((x: number) => x);
      const f = facade({ f: ref.fn }, file)['f'] as (x: number) => number;
      f(1);
      f(1);
      expect(ref.calls(), name).toBe(2);
      expect(refusedFor(`ch99-test/${name}.ts`), name).toBeDefined();
    }
    const file = writeRef('declared');
    const ref = counted((x: number) => x);
    const f = facade({ f: ref.fn, dlgradeReferenceCache: false }, file)['f'] as (x: number) => number;
    f(1);
    f(1);
    expect(ref.calls()).toBe(2);
    expect(refusedFor('declared.ts')).toMatch(/declared/);
  });

  it('a reference with module-level state is refused; every reference of the course is cacheable', () => {
    const state = writeRef('state', `import * as tf from '@tensorflow/tfjs';\nlet model: tf.LayersModel | undefined;\nexport function f(x: number): number {\n  return x;\n}\n`);
    expect(referenceSources(state, root).uncacheable).toMatch(/module-level state/);
    const shared = writeRef('shared-state', `const seen = new Map<number, number>();\nexport function f(x: number): number {\n  return x;\n}\n`);
    expect(referenceSources(shared, root).uncacheable).toMatch(/module-level state/);
    // a reference the cache cannot keep makes every warm run of its exercise load TensorFlow.js
    const files = readdirSync(join(INSTALL_ROOT, 'reference'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(referenceSources(join(INSTALL_ROOT, 'reference', f), INSTALL_ROOT).uncacheable, f).toBeUndefined();
    const encoder = referenceSources(join(INSTALL_ROOT, 'reference', 'ch13-attention-transformers', 'transformer-encoder-layer.ts'), INSTALL_ROOT);
    expect(encoder.files).toContain(join('reference', 'ch13-attention-transformers', 'multi-head-attention.ts'));
  });

  it('a function that changes its input, or returns a tensor or a typed array', () => {
    const file = writeRef('bad');
    class Tensor {
      constructor(readonly v: number) {}
    }
    const mutates = counted((x: number[]) => {
      x.push(0);
      return x.length;
    });
    const tensor = counted((x: number) => new Tensor(x));
    const typed = counted((x: number) => new Float32Array([x]));
    const m = facade({ mutates: mutates.fn, tensor: tensor.fn, typed: typed.fn }, file);
    const input = [1];
    (m['mutates'] as (x: number[]) => number)(input);
    expect(input).toEqual([1, 0]); // the spec sees the reference's behaviour, unchanged
    (m['mutates'] as (x: number[]) => number)([1]);
    (m['mutates'] as (x: number[]) => number)([1]);
    expect(mutates.calls()).toBe(3);
    for (const [name, r] of [['tensor', tensor], ['typed', typed]] as const) {
      const f = m[name] as (x: number) => unknown;
      expect(f(2)).toBeInstanceOf(name === 'tensor' ? Tensor : Float32Array);
      f(2);
      expect(r.calls(), name).toBe(2);
      expect(refusedFor(`bad.ts#${name}`)).toMatch(/not plain data/);
    }
    expect(refusedFor('bad.ts#mutates')).toMatch(/changes its input/);
  });

  it('DLGRADE_REFERENCE_CACHE=0: the functions are the module\'s own', () => {
    const file = writeRef('off');
    process.env['DLGRADE_REFERENCE_CACHE'] = '0';
    try {
      expect(facade({ f: doubled }, file)['f']).toBe(doubled);
    } finally {
      delete process.env['DLGRADE_REFERENCE_CACHE'];
    }
    expect(facade({ f: doubled }, file)['f']).not.toBe(doubled);
  });
});

describe('async references and the disk layer', () => {
  it('an async reference is answered with a promise of a fresh copy', async () => {
    const file = writeRef('async');
    const ref = counted(async (x: number[]) => ({ out: doubled(x), n: -0 }));
    const f = facade({ f: ref.fn }, file)['f'] as (x: number[]) => Promise<{ out: number[]; n: number }>;
    const first = await f([1]);
    const calls = ref.calls();
    const hit = f([1]);
    expect(hit).toBeInstanceOf(Promise);
    const value = await hit;
    expect(value).toEqual({ out: [2], n: -0 });
    expect(Object.is(value.n, -0)).toBe(true);
    expect(value).not.toBe(first);
    expect(ref.calls()).toBe(calls);
  });

  it('a new process (memory cleared) is answered from disk; corrupt, truncated, forged or stale entries are refused and rewritten', async () => {
    const file = writeRef('disk');
    const ref = counted(doubled);
    const f = facade({ f: ref.fn }, file)['f'] as typeof doubled;
    f([7, 8]);
    // entry files are written in the background, off the call
    await settleEntryWrites();
    let calls = ref.calls();
    const dir = join(scratch, 'cache', DISK_FOLDER);
    const entries = (): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.json')).map((p) => join(dir, p));
    const before = new Set(entries());
    f([9]);
    await settleEntryWrites();
    calls = ref.calls();
    const entry = entries().find((p) => !before.has(p))!;
    expect(entry).toBeDefined();
    const good = readFileSync(entry, 'utf8');
    const diskHits = referenceCacheStats().diskHits;
    clearMemoryCache();
    expect(f([9])).toEqual([18]);
    expect(ref.calls()).toBe(calls);
    expect(referenceCacheStats().diskHits).toBe(diskHits + 1);
    const parsed = JSON.parse(good) as { result: string; meta: string; input: string };
    const bad: Record<string, string> = {
      truncated: good.slice(0, good.length - 10),
      empty: '',
      garbage: '\u0000\u0001not json',
      // the answer changed, the checksum not: a poisoned entry
      forged: JSON.stringify({ ...JSON.parse(good), result: '[666]' }),
      // an entry of another key stored under this name (a collision, or a copied file)
      'other key': JSON.stringify({ ...JSON.parse(good), meta: parsed.meta.replace('ch99-test/x', 'ch99-test/y') }),
      'other input': JSON.stringify({ ...JSON.parse(good), input: '[[10]]' }),
      'other format': JSON.stringify({ ...JSON.parse(good), format: 0 }),
    };
    for (const [what, text] of Object.entries(bad)) {
      writeFileSync(entry, text);
      clearMemoryCache();
      expect(f([9]), what).toEqual([18]);
      expect(ref.calls(), what).toBe(calls + 1);
      calls = ref.calls();
      await settleEntryWrites();
      // rewritten: the same entry again (its timing aside), read back by the next process
      const { ms: _a, sha256: _b, ...rewritten } = JSON.parse(readFileSync(entry, 'utf8')) as Record<string, unknown>;
      const { ms: _c, sha256: _d, ...original } = JSON.parse(good) as Record<string, unknown>;
      expect(rewritten, what).toEqual(original);
      clearMemoryCache();
      expect(f([9]), what).toEqual([18]);
      expect(ref.calls(), what).toBe(calls);
    }
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.tmp'))).toEqual([]);
  });
});

describe("a reference embedded in an assignment's bundle (its sources not on disk)", () => {
  const embedded = (fns: Fns, digest: string, extra: Record<string, unknown> = {}, exercise = 'ch99-test/x'): Fns =>
    memoiseModule(fns, { exercise, file: 'reference/ch99-test/bundled.ts', digest, names: Object.keys(fns), root, embedded: true, ...extra });

  it('is cached by the digest made when the bundle was built: the same digest hits across processes, another never does', async () => {
    const ref = counted(doubled);
    const f = embedded({ double: ref.fn }, 'a'.repeat(64))['double'] as typeof doubled;
    expect(f([4])).toEqual([8]);
    const calls = ref.calls();
    expect(calls).toBeGreaterThan(0);
    await settleEntryWrites();
    // a new process of the same bundle: answered from disk, nothing computed
    clearMemoryCache();
    const again = embedded({ double: ref.fn }, 'a'.repeat(64))['double'] as typeof doubled;
    expect(again([4])).toEqual([8]);
    expect(ref.calls()).toBe(calls);
    // a bundle of another reference (or of another TensorFlow.js entry): computed
    const other = embedded({ double: ref.fn }, 'b'.repeat(64))['double'] as typeof doubled;
    expect(other([4])).toEqual([8]);
    expect(ref.calls()).toBeGreaterThan(calls);
    // the same digest from another exercise: computed too
    const n = ref.calls();
    expect((embedded({ double: ref.fn }, 'a'.repeat(64), {}, 'ch99-test/y')['double'] as typeof doubled)([4])).toEqual([8]);
    expect(ref.calls()).toBeGreaterThan(n);
  });

  it('a module the build found uncacheable is never cached, and says why', () => {
    const ref = counted(doubled);
    const f = embedded({ double: ref.fn }, 'c'.repeat(64), { uncacheable: 'reference/ch99-test/bundled.ts: Math.random' })['double'] as typeof doubled;
    f([1]);
    f([1]);
    expect(ref.calls()).toBe(2);
    expect(referenceCacheStats().refused['reference/ch99-test/bundled.ts']).toBe('reference/ch99-test/bundled.ts: Math.random');
  });
});

describe('a process that does not write entry files (all but a regrade worker)', () => {
  it('writes none as it computes, and its packs answer the next process from disk', async () => {
    // what the tests before queued
    await settleEntryWrites();
    writeEntryFiles(false);
    try {
      const file = writeRef('packs-only');
      const ref = counted(doubled);
      const f = facade({ f: ref.fn }, file, 'ch99-test/packs-only')['f'] as typeof doubled;
      const dir = join(scratch, 'cache', DISK_FOLDER);
      const files = (): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.json') || p.endsWith('.tmp')).sort();
      const before = files();
      expect(f([21])).toEqual([42]);
      await settleEntryWrites();
      expect(files().filter((p) => !before.includes(p))).toEqual([]);
      const calls = ref.calls();
      // a grading's end (or the process's exit) writes the packs (this module's, and the earlier tests' modules'), no entry file
      flushReferencePacks();
      const added = files().filter((p) => !before.includes(p));
      expect(added.length).toBeGreaterThan(0);
      for (const p of added) expect(p).toMatch(/^packs\/[0-9a-f]{64}\.json$/);
      clearMemoryCache();
      const diskHits = referenceCacheStats().diskHits;
      expect((facade({ f: ref.fn }, file, 'ch99-test/packs-only')['f'] as typeof doubled)([21])).toEqual([42]);
      expect(ref.calls()).toBe(calls);
      expect(referenceCacheStats().diskHits).toBe(diskHits + 1);
    } finally {
      writeEntryFiles(true);
    }
  });
});
