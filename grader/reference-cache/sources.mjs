// What a reference module's answers depend on, read from its files: the bytes of the module and
// of every local module it imports (transitively), and whether it can be cached at all. Plain
// JavaScript: used by the module hook (hooks.mjs, in Node's loader thread, where tsx is not
// available) and by the runtime (runtime.ts) alike.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** the only package a reference may import and stay cacheable (its version is in the key) */
const KNOWN_PACKAGES = new Set(['@tensorflow/tfjs']);

/**
 * Patterns of a reference whose answer may not be a function of its arguments alone: randomness,
 * the clock, the environment, and module-level state (a top-level `let`/`var`, or a top-level
 * binding to a `new` object, a Map or an array that a call could change). Conservative on
 * purpose: a match only costs that module its cache.
 */
const IMPURE = [
  [/\bMath\.random\b/, 'Math.random'],
  [/\brandom(?:Uniform|Normal|Gamma|StandardNormal)?\s*\(|\btf\.random|\btruncatedNormal\b|\bmultinomial\s*\(/, 'random numbers'],
  [/\bDate\b|\bperformance\s*\.|\bprocess\s*\.|\bcrypto\b|\bglobalThis\b|\bsetTimeout\b|\bsetInterval\b/, 'the clock or the environment'],
  [/^(?:export\s+)?(?:let|var)\s/m, 'module-level state (let/var)'],
  [/^(?:export\s+)?const\s+[\w$]+\s*(?::[^=\n]+)?=\s*(?:new\s|\[|\{\s*\}|Object\.create)/m, 'module-level state (a mutable object)'],
  [/\bimport\s*\(|\brequire\s*\(/, 'a dynamic import'],
  [/\beval\s*\(|\bnew\s+Function\b/, 'eval'],
];

const STATIC_IMPORT = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g;

/** the source without its comments (roughly: enough that prose such as "the process." is not code) */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

/** the file a relative specifier names (a .js specifier may stand for the .ts beside it) */
function resolveLocal(from, specifier) {
  const path = resolve(dirname(from), specifier);
  if (existsSync(path)) return path;
  if (/\.js$/.test(path) && existsSync(path.replace(/\.js$/, '.ts'))) return path.replace(/\.js$/, '.ts');
  return undefined;
}

/**
 * The reference's sources (itself and its local imports, transitively), as
 * { digest, files, uncacheable }: `digest` is a SHA-256 over each file's path (relative to
 * `root`) and bytes, sorted by path; `uncacheable` names why the module must not be cached
 * (an import outside the install or of an unknown package, a file it cannot read, an impure
 * pattern), or is undefined.
 */
export function referenceSources(file, root) {
  const seen = new Map();
  const queue = [file];
  let uncacheable;
  while (queue.length > 0) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    const rel = relative(root, path);
    if (rel.startsWith('..') || rel === '' || rel.includes('node_modules')) {
      uncacheable ??= `imports ${path}, outside the install's sources`;
      seen.set(path, Buffer.alloc(0));
      continue;
    }
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch {
      uncacheable ??= `cannot read ${rel}`;
      seen.set(path, Buffer.alloc(0));
      continue;
    }
    seen.set(path, bytes);
    const text = bytes.toString('utf8');
    const code = withoutComments(text);
    for (const [pattern, why] of IMPURE) if (pattern.test(code)) uncacheable ??= `${rel}: ${why}`;
    for (const match of text.matchAll(STATIC_IMPORT)) {
      const specifier = match[1];
      if (specifier.startsWith('.')) {
        const local = resolveLocal(path, specifier);
        if (local === undefined) uncacheable ??= `${rel}: cannot resolve ${specifier}`;
        else queue.push(local);
      } else if (!KNOWN_PACKAGES.has(specifier)) uncacheable ??= `${rel}: imports ${specifier}`;
    }
  }
  const files = [...seen.keys()].map((p) => relative(root, p)).sort();
  const hash = createHash('sha256');
  for (const p of [...seen.keys()].sort((a, b) => (relative(root, a) < relative(root, b) ? -1 : 1))) {
    const bytes = seen.get(p);
    hash.update(`${relative(root, p)}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return { digest: hash.digest('hex'), files, uncacheable };
}

/**
 * The names a module exports as functions or constants (`export function f`, `export async
 * function f`, `export const f`, `export { a, b as c }`), read from its source. A name missed here
 * is only left uncached: the facade re-exports everything else as is.
 */
export function exportedNames(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}\s*(?!\s*from)/gm)) {
    for (const part of m[1].split(',')) {
      const item = part.trim();
      if (item === '' || item.startsWith('type ')) continue;
      const alias = /\bas\s+([A-Za-z_$][\w$]*)$/.exec(item);
      const name = alias ? alias[1] : item;
      if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default') names.add(name);
    }
  }
  return [...names];
}

/** a constant the lazy facade can give without loading the module: a number, string or boolean literal */
const LITERAL_CONST = /^\s+const\s+([A-Za-z_$][\w$]*)\s*(?::\s*(?:number|string|boolean)\s*)?=\s*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|'[^'\\\n]*'|"[^"\\\n]*"|true|false)\s*;?\s*$/;

/**
 * What a module exports, read from its source, when every export is a function declaration
 * (`export function f`, `export async function f`) or a constant bound to a literal (`export
 * const EPS = 1e-5`; type-only exports aside): `{ names, constants }`, the functions' names and
 * each constant's name and literal text. Undefined when it exports anything else (a constant
 * computed at load, a class, `export { … }`, `export *`, a default), which the lazy facade could
 * not give without loading the module.
 */
export function lazyExports(source) {
  const code = withoutComments(source);
  const names = [];
  const constants = [];
  for (const m of code.matchAll(/^export\b(.*)$/gm)) {
    const rest = m[1];
    const fn = /^\s+(?:async\s+)?function\s*(\*)?\s*([A-Za-z_$][\w$]*)/.exec(rest);
    const constant = LITERAL_CONST.exec(rest);
    if (fn && fn[1] === undefined) {
      if (!names.includes(fn[2])) names.push(fn[2]); // TypeScript overloads repeat the name
    } else if (constant) {
      if (constants.some((c) => c.name === constant[1]) || names.includes(constant[1])) return undefined;
      constants.push({ name: constant[1], literal: constant[2] });
    } else if (!/^\s+(?:type|interface)\s+[A-Za-z_$]/.test(rest)) return undefined;
  }
  return { names, constants };
}
