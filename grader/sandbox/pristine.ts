/**
 * Runs INSIDE the student's process (bundled into runner.ts). Whether the process is still as it
 * was before the student's first module loaded, so that it may load the same submission's next
 * exercise (grader/sandbox/spare-pool.ts `recycle`): no timer, socket or other handle of the
 * student's left alive, the built-ins (globals, the intrinsics' prototypes, the stream prototypes
 * the channel and the output use) exactly as they were, the heap not grown past a quarter of its
 * limit.
 *
 * Nothing the grader decides depends on this being right: a process that says "pristine" when it
 * is not only costs its next exercise a second grading in a fresh process (an exercise graded in a
 * shared process that does not fully pass is graded again alone, and that result is the one of
 * record: grader/engine/steps/run-exercise.ts). It only keeps the shared process honest for the
 * honest student, and makes a leftover the common case never reaches B.
 */
import { getHeapStatistics } from 'node:v8';

const $ownKeys = Reflect.ownKeys;
const $gopd = Object.getOwnPropertyDescriptor;
const $getPrototypeOf = Object.getPrototypeOf;
const $isExtensible = Object.isExtensible;
const $is = Object.is;
const $activeResources = process.getActiveResourcesInfo.bind(process);
const $memoryUsage = process.memoryUsage.bind(process);
const $String = String;
const $create = Object.create;
const $heapLimit = getHeapStatistics().heap_size_limit;

interface Shape {
  proto: unknown;
  extensible: boolean;
  keys: (string | symbol)[];
  descriptors: (PropertyDescriptor | undefined)[];
}

/** the built-ins' shapes, in parallel arrays (walked by index: no iterator the student could patch) */
let baselineObjects: object[] | undefined;
let baselineShapes: Shape[] = [];
let baselineResources: Record<string, number> = $create(null) as Record<string, number>;
let baselineHeap = 0;

/** Node's own handles for the output streams, created when a student first prints */
const STREAMS = ['PipeWrap', 'TTYWrap', 'CloseReq'];

function isStream(kind: string): boolean {
  for (let i = 0; i < STREAMS.length; i++) if (STREAMS[i] === kind) return true;
  return false;
}

/** active resources by kind, the output streams' own left out */
function resourceCounts(): Record<string, number> {
  const list = $activeResources();
  const counts = $create(null) as Record<string, number>;
  for (let i = 0; i < list.length; i++) {
    const kind = $String(list[i]);
    if (!isStream(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): string | undefined {
  const ka = $ownKeys(a);
  const kb = $ownKeys(b);
  if (ka.length !== kb.length) return 'active resources: ' + describeCounts(b);
  for (let i = 0; i < ka.length; i++) if (a[ka[i] as string] !== b[ka[i] as string]) return 'active resources: ' + describeCounts(b);
  return undefined;
}

function describeCounts(counts: Record<string, number>): string {
  const keys = $ownKeys(counts);
  let text = '';
  for (let i = 0; i < keys.length; i++) text += (i > 0 ? ', ' : '') + $String(keys[i]) + ' ×' + $String(counts[keys[i] as string]);
  return text;
}

function includesKey(keys: readonly (string | symbol)[], key: string | symbol): boolean {
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return true;
  return false;
}

function isObject(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/**
 * The built-ins a module could change for the next one: globalThis, every object or function it
 * holds as a value and its `prototype`, the prototype chains of all of them, the intrinsics no
 * global names (iterator and generator prototypes), and the prototypes of the output streams and of
 * the channel (not the instances: their own state changes with every write).
 */
function builtins(extra: readonly object[]): Set<object> {
  const seen = new Set<object>();
  const add = (start: unknown): void => {
    let o = start;
    while (isObject(o) && !seen.has(o)) {
      seen.add(o);
      o = $getPrototypeOf(o);
    }
  };
  add(globalThis);
  for (const key of $ownKeys(globalThis)) {
    const d = $gopd(globalThis, key);
    if (d === undefined || !('value' in d) || !isObject(d.value)) continue;
    add(d.value);
    const proto = $gopd(d.value, 'prototype');
    if (proto !== undefined && 'value' in proto) add(proto.value);
  }
  add([].values());
  add(new Map().values());
  add(new Set().values());
  add(''[Symbol.iterator]());
  add(/a/g[Symbol.matchAll]('a'));
  add(function* () {});
  add((function* () {})());
  add(async function () {});
  add(async function* () {});
  add((async function* () {})());
  add(process);
  for (const instance of extra) add($getPrototypeOf(instance));
  return seen;
}

function shapeOf(o: object): Shape {
  const keys = $ownKeys(o);
  const descriptors: (PropertyDescriptor | undefined)[] = [];
  for (let i = 0; i < keys.length; i++) descriptors[i] = $gopd(o, keys[i] as string | symbol);
  return { proto: $getPrototypeOf(o), extensible: $isExtensible(o), keys, descriptors };
}

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return $is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;
}

/**
 * `process` holds state Node itself changes (exitCode, the listeners' counts): only its functions
 * are compared there. On globalThis, Node defines some globals lazily (an accessor that becomes a
 * value on first use: TextEncoder, structuredClone): that change is the honest student's too.
 */
function changedKey(o: object, key: string | symbol, before: PropertyDescriptor | undefined, now: PropertyDescriptor | undefined): boolean {
  if (o === process) return typeof before?.value === 'function' && !sameDescriptor(before, now);
  if (sameDescriptor(before, now)) return false;
  if (o === globalThis && before?.get !== undefined && now !== undefined && 'value' in now) return false;
  return true;
}

/** Taken once, just before the first student module is imported. */
export function takeBaseline(extra: readonly object[]): void {
  if (baselineObjects !== undefined) return;
  baselineObjects = [...builtins(extra)];
  baselineShapes = [];
  for (let i = 0; i < baselineObjects.length; i++) baselineShapes[i] = shapeOf(baselineObjects[i] as object);
  baselineResources = resourceCounts();
  baselineHeap = $memoryUsage().heapUsed;
}

/** Why this process may not load another module (undefined: it may). */
export function pristineProblem(): string | undefined {
  const objects = baselineObjects;
  if (objects === undefined) return 'no baseline';
  const resources = sameCounts(baselineResources, resourceCounts());
  if (resources !== undefined) return resources;
  for (let n = 0; n < objects.length; n++) {
    const o = objects[n] as object;
    const shape = baselineShapes[n] as Shape;
    if ($getPrototypeOf(o) !== shape.proto) return 'a prototype was replaced';
    if ($isExtensible(o) !== shape.extensible) return 'a built-in was frozen or sealed';
    for (let i = 0; i < shape.keys.length; i++) {
      const key = shape.keys[i] as string | symbol;
      if (changedKey(o, key, shape.descriptors[i], $gopd(o, key))) return 'built-in changed: ' + $String(key);
    }
    const keys = $ownKeys(o);
    if (keys.length === shape.keys.length && o !== process) continue;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string | symbol;
      if (includesKey(shape.keys, key)) continue;
      // on process only a new function counts (Node adds state of its own there)
      if (o !== process || typeof $gopd(o, key)?.value === 'function') return 'built-in got a new property: ' + $String(key);
    }
  }
  if ($memoryUsage().heapUsed - baselineHeap > $heapLimit / 4) return 'heap grown';
  return undefined;
}
