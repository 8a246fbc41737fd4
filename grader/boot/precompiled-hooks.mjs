// Module hooks (node:module register) that load the grader's, the specs' and the references'
// TypeScript as precompiled JavaScript (grader/boot/register.mjs registers them; docs/performance.md
// "Precompiled TypeScript"). They replace tsx in the trusted process: importing and registering tsx
// costs 0.3–1.2 s of every start, the transpiling itself was already cached.
//
// Each `.ts` module is looked up by its own content: the key is a SHA-256 of the build's options
// (this file, the package's version, esbuild's version, the install's tsconfig.json, Node's
// version), the module's path and the module's bytes as read now. An entry is
// `<cache>/precompiled/<key>.mjs`, its first line `//dlgrade-precompiled <key> <sha256 of the rest>`:
// it is used only when that line names the key and the rest hashes to its checksum; otherwise (absent,
// truncated, corrupt, another key) the module is transpiled here with esbuild, exactly as the
// precompile step does, and the entry rewritten atomically (written beside, then renamed). So a
// build can never be stale: what runs is always the transpile of the file's bytes read at this
// load, whatever its mtime. Transpiling is per file (isolated modules, as tsx does), so one
// module's output depends on nothing but its own bytes and the build's options.
//
// The module's URL is never changed: import.meta.url, the paths derived from it, the module
// cache (one instance per file) and any other hook keyed on the resolved path (a reference
// cache) see exactly what tsx gave them. Stack traces keep the .ts paths and lines: every
// output carries an inline source map, and register.mjs turns Node's source maps on, as tsx did.
// The student's file never goes through here: it is compiled by grader/sandbox/compile.ts and
// runs only in the sandbox.
//
// DLGRADE_PRECOMPILE_LOG=<file> appends one line per module ("hit|compiled|refused <why> <path>"),
// for tests and for checking an install.
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './atomic-write.mjs';

const HEADER = '//dlgrade-precompiled ';
const INSTALL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let settings;

/** data from register.mjs: { dir: the cache folder or undefined, log: a file or undefined } */
export function initialize(data) {
  settings = { dir: data?.dir, log: data?.log, key: buildKey() };
}

/** The key of everything a module's output depends on besides its path and bytes. */
export function buildKey() {
  const hash = createHash('sha256');
  const add = (label, read) => {
    let data;
    try {
      data = read();
    } catch {
      data = `absent ${label}`;
    }
    hash.update(`${label}\0${data.length}\0`).update(data).update('\0');
  };
  add('hooks', () => readFileSync(fileURLToPath(import.meta.url)));
  add('package', () => readFileSync(join(INSTALL_ROOT, 'package.json')));
  add('esbuild', () => esbuildPackage());
  add('tsconfig', () => readFileSync(join(INSTALL_ROOT, 'tsconfig.json')));
  add('node', () => process.version);
  return hash.digest('hex');
}

function esbuildPackage() {
  // esbuild's package.json as the install resolves it (its version); not import.meta.resolve,
  // which the hooks' thread does not have
  return readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'));
}

/**
 * esbuild's transform options for one module: tsx's for an ES module (isolated, per file), but
 * without keepNames. That option wraps every function and class in a `__name(fn, "name")` call
 * (an Object.defineProperty), run each time the expression is evaluated: ~2–3% of a course's
 * trusted CPU went to the closures created per student call. A transform that renames nothing
 * (no bundling, no minified identifiers) leaves every name as the engine infers it from the
 * source; checked over the whole build when this was changed (docs/performance.md).
 */
export function transformOptions(path) {
  let compilerOptions = {};
  try {
    compilerOptions = JSON.parse(readFileSync(join(INSTALL_ROOT, 'tsconfig.json'), 'utf8')).compilerOptions ?? {};
  } catch {
    // no tsconfig (an odd install): esbuild's defaults
  }
  return {
    loader: 'ts',
    format: 'esm',
    sourcefile: path,
    sourcemap: 'inline',
    sourcesContent: false,
    target: `node${process.versions.node}`,
    minifyWhitespace: true,
    tsconfigRaw: { compilerOptions },
  };
}

export function moduleKey(buildKeyHex, path, bytes) {
  return createHash('sha256').update(`${buildKeyHex}\0${path}\0${bytes.length}\0`).update(bytes).digest('hex');
}

export function entryPath(dir, key) {
  return join(dir, 'precompiled', `${key}.mjs`);
}

/** The entry's code, or why it cannot be used. */
export function readEntry(file, key) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { why: 'absent' };
  }
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.startsWith(HEADER)) return { why: 'malformed' };
  const [entryKey, checksum] = text.slice(HEADER.length, newline).split(' ');
  const body = text.slice(newline + 1);
  if (entryKey !== key) return { why: 'other-key' };
  if (createHash('sha256').update(body).digest('hex') !== checksum) return { why: 'checksum' };
  return { code: body };
}

/** Writes an entry atomically (a reader sees the old one or the new one, whole); false when it cannot. */
export function writeEntry(file, key, code) {
  return writeFileAtomic(file, `${HEADER}${key} ${createHash('sha256').update(code).digest('hex')}\n${code}`);
}

let esbuild;

/** Transpiles one module as the precompile step does (`extra`: more esbuild options, the build tree's `define`). */
export async function transpile(path, bytes, extra = {}) {
  esbuild ??= await import('esbuild');
  return (await esbuild.transform(bytes.toString('utf8'), { ...transformOptions(path), ...extra })).code;
}

function log(line) {
  if (!settings.log) return;
  try {
    appendFileSync(settings.log, `${line}\n`);
  } catch {
    // a log that cannot be written changes nothing
  }
}

function isTypeScript(url) {
  return url.startsWith('file:') && !url.includes('?') && (url.endsWith('.ts') || url.endsWith('.mts'));
}

export async function load(url, context, next) {
  if (!isTypeScript(url)) return next(url, context);
  const path = fileURLToPath(url);
  // the module's bytes now: what it is keyed on, and what is transpiled on a miss
  const bytes = readFileSync(path);
  if (settings.dir !== undefined) {
    const key = moduleKey(settings.key, path, bytes);
    const file = entryPath(settings.dir, key);
    const entry = readEntry(file, key);
    if (entry.code !== undefined) {
      log(`hit ${path}`);
      return { format: 'module', source: entry.code, shortCircuit: true };
    }
    const code = await transpile(path, bytes);
    const stored = writeEntry(file, key, code);
    log(`${entry.why === 'absent' ? 'compiled' : `refused ${entry.why}`}${stored ? '' : ' unstored'} ${path}`);
    return { format: 'module', source: code, shortCircuit: true };
  }
  log(`compiled unstored ${path}`);
  return { format: 'module', source: await transpile(path, bytes), shortCircuit: true };
}
