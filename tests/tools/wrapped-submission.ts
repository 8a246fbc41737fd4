/**
 * Generated submissions built around the model solution: every export returns a transformed
 * version of what the solution returns (or of its arguments). Two families, both generated for every
 * exercise of the catalog from its exports' signatures:
 *   - DEGENERATE: do-nothing answers a student could hand in (an argument unchanged, zeros / ones /
 *     a constant of the expected shape, uniform rows, the rows' means, the mean of the input, NaN,
 *     a seeded random array of the right shape). Each must earn 0.
 *   - MALFORMED: unfinished output (undefined, rows of undefined, NaN, {}, strings, wrong shapes).
 *     None may produce a grader error.
 * The shape comes from the solution's own output on the same input, so the answers have exactly
 * the expected structure. The solution runs inside the student's sandbox like any student code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExerciseDef } from '../../grader/catalog/types.ts';

/** A transform: the body of `(out: any, args: any[]) => any`, run in the sandbox, with the helpers below in scope. */
export interface Strategy {
  name: string;
  body: string;
}

/** Helpers available to every strategy body (self-contained: the sandbox has nothing else). */
const HELPERS = `
const __isObj = (v: any) => v !== null && typeof v === 'object' && !Array.isArray(v);
const __mapLeaves = (v: any, leaf: (x: any) => any): any =>
  Array.isArray(v) ? v.map((x) => __mapLeaves(x, leaf)) : __isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, __mapLeaves(x, leaf)])) : leaf(v);
const __numbers = (v: any, acc: number[] = []): number[] => {
  if (typeof v === 'number') acc.push(v);
  else if (Array.isArray(v)) for (const x of v) __numbers(x, acc);
  else if (__isObj(v)) for (const x of Object.values(v)) __numbers(x, acc);
  return acc;
};
const __fill = (v: any, value: () => number) => __mapLeaves(v, (x) => (typeof x === 'number' ? value() : typeof x === 'boolean' ? false : typeof x === 'string' ? '' : x));
/** innermost arrays of numbers mapped row by row; scalars on their own mapped by scalar */
const __rows = (v: any, row: (r: number[]) => number[], scalar: (x: number) => any): any => {
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((x) => typeof x === 'number')) return row(v);
    return v.map((x) => __rows(x, row, scalar));
  }
  if (__isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, __rows(x, row, scalar)]));
  return typeof v === 'number' ? scalar(v) : typeof v === 'boolean' ? false : typeof v === 'string' ? '' : v;
};
let __seed = 0x2545f491;
const __random = () => {
  __seed = (__seed + 0x6d2b79f5) | 0;
  let t = Math.imul(__seed ^ (__seed >>> 15), 1 | __seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const __mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
`;

/** How many parameters a signature "f(a: A, b: { x: number; y: number }, c?: C): R" declares. */
export function parameterCount(signature: string): number {
  const open = signature.indexOf('(');
  let depth = 0;
  let count = 0;
  let any = false;
  for (let i = open + 1; i < signature.length; i++) {
    const c = signature[i]!;
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) count++;
    else if (!/\s/.test(c)) any = true;
  }
  return any ? count + 1 : 0;
}

export function degenerateStrategies(maxParams: number): Strategy[] {
  const args = Array.from({ length: maxParams }, (_, i): Strategy => ({ name: `returns-argument-${i}`, body: `return args[Math.min(${i}, args.length - 1)];` }));
  return [
    ...args,
    { name: 'zeros', body: 'return __fill(out, () => 0);' },
    { name: 'ones', body: 'return __fill(out, () => 1);' },
    { name: 'constant', body: 'return __fill(out, () => 0.5);' },
    { name: 'uniform-rows', body: 'return __rows(out, (r) => r.map(() => 1 / r.length), () => 0.5);' },
    { name: 'row-means', body: 'return __rows(out, (r) => r.map(() => __mean(r)), (x) => x / 2);' },
    { name: 'input-mean', body: 'const m = __mean(__numbers(args.find((a) => typeof a === "number" || Array.isArray(a)))); return __fill(out, () => m);' },
    { name: 'nan', body: 'return __fill(out, () => NaN);' },
    { name: 'random', body: 'return __fill(out, () => __random() * 2 - 1);' },
  ];
}

export const MALFORMED: Strategy[] = [
  { name: 'undefined', body: 'return undefined;' },
  { name: 'nan-scalar', body: 'return NaN;' },
  { name: 'empty-object', body: 'return {};' },
  { name: 'string', body: 'return "not implemented";' },
  { name: 'rows-of-undefined', body: 'return __rows(out, (r) => r.map(() => undefined), () => undefined);' },
  { name: 'leaves-undefined', body: 'return __mapLeaves(out, () => undefined);' },
  { name: 'leaves-null', body: 'return __mapLeaves(out, () => null);' },
  { name: 'leaves-string', body: 'return __mapLeaves(out, (x) => String(x));' },
  { name: 'flattened', body: 'return Array.isArray(out) ? out.flat(Infinity) : __isObj(out) ? Object.fromEntries(Object.entries(out).map(([k, x]) => [k, Array.isArray(x) ? x.flat(Infinity) : x])) : out;' },
  { name: 'wrapped', body: 'return [out];' },
  { name: 'last-dropped', body: 'const drop = (v: any): any => Array.isArray(v) ? v.slice(0, -1).map(drop) : __isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, drop(x)])) : v; return drop(out);' },
  { name: 'ragged', body: 'const rag = (v: any): any => Array.isArray(v) ? (Array.isArray(v[0]) ? [v[0].slice(0, -1), ...v.slice(1)] : v.slice(0, -1)) : __isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rag(x)])) : v; return rag(out);' },
  { name: 'values-for-object', body: 'return __isObj(out) ? Object.values(out) : Array.isArray(out) ? Object.fromEntries(out.map((x, i) => [String(i), x])) : [out];' },
];

/** The solution's source with its declared exports kept as plain functions, each wrapped by the strategy. */
export function wrappedSource(def: ExerciseDef, strategy: Strategy, solutionPath = def.solutionPath): string {
  let source = readFileSync(solutionPath, 'utf8');
  const names = def.exports.map((e) => e.name);
  for (const name of names) {
    source = source.replace(new RegExp(`^export (async )?function ${name}\\b`, 'm'), (_m, a: string | undefined) => `${a ?? ''}function ${name}`);
    source = source.replace(new RegExp(`^export (const|let) ${name}\\b`, 'm'), (_m, k: string) => `${k} ${name}`);
  }
  const wrappers = names.map((name) => `const __strategy_${name} = (...args: any[]): any => __transform(${name}(...(args as [any])), args);`).join('\n');
  return `${source}\n// ---- generated: strategy ${strategy.name}\n${HELPERS}\nfunction __transform(out: any, args: any[]): any {\n  ${strategy.body}\n}\n${wrappers}\nexport { ${names.map((n) => `__strategy_${n} as ${n}`).join(', ')} };\n`;
}

/** One submission folder holding the strategy's file for every exercise given. */
export function strategySubmission(defs: ExerciseDef[], strategy: Strategy): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `dlgrade-${strategy.name}-`));
  for (const def of defs) {
    mkdirSync(join(dir, def.chapter, def.name), { recursive: true });
    writeFileSync(join(dir, def.chapter, def.name, def.file), wrappedSource(def, strategy));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The exercises a strategy means something for: returning argument i needs an export with more than i parameters. */
export function strategyApplies(def: ExerciseDef, strategy: Strategy): boolean {
  const m = /^returns-argument-(\d+)$/.exec(strategy.name);
  return !m || def.exports.some((e) => parameterCount(e.signature) > Number(m[1]));
}

export function maxParameters(defs: ExerciseDef[]): number {
  return Math.max(1, ...defs.flatMap((d) => d.exports.map((e) => parameterCount(e.signature))));
}
