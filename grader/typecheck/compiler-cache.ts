import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type * as TS from 'typescript';
import { writeFileAtomic } from '../boot/atomic-write.mjs';
import { cacheDir } from '../catalog/cache.ts';

/**
 * TypeScript's compiler with a V8 code cache. typescript.js is one ~9 MB CommonJS file: V8
 * compiles it at every start of the checker's thread, and again each function the first check
 * runs (~0.1–0.2 s of CPU together, on the path of every check of an edited file). Node 20
 * caches no compiled code of its own, so the thread compiles it with `vm.Script` and keeps V8's
 * code cache of it (`createCachedData`: the functions compiled so far included) in the trusted
 * cache folder, `cacheDir()/typescript-code-v1/<key>.bin`, written after the thread has answered
 * its first check (keepCompilerCodeCache, typecheck.ts).
 *
 * A code cache is code the trusted process runs, so it lives where the precompiled grader lives
 * (never a submission's or a sandbox's folder) and is used only when it is exactly for this
 * compiler on this Node: the key is a SHA-256 of the format, Node's version, the architecture,
 * V8's version, typescript.js's path and a SHA-256 of its bytes (V8's own check compares the
 * source's length, not its bytes, and its own hash of the V8 flags). An entry's first line names
 * its key and a SHA-256 of the cached data after it; one that does not verify whole (torn,
 * truncated, another key) is never handed to V8, and one V8 refuses (`cachedDataRejected`) only
 * costs a compile. Either way the entry is written again, atomically, and entries of other keys
 * (another TypeScript, another Node) and temporary files left by a writer that was ended before
 * its rename are removed then. DLGRADE_CODE_CACHE=0 turns it off: TypeScript is then `require`d
 * as it is.
 */

export const FOLDER = 'typescript-code-v1';
const FORMAT = 1;
const HEADER = 'dlgrade-code-cache';
/** a temporary file this old was left by a writer that was ended (a write takes milliseconds) */
const STALE_TEMPORARY_MS = 10 * 60_000;

export function codeCacheEnabled(): boolean {
  return process.env['DLGRADE_CODE_CACHE'] !== '0';
}

export interface LoadedCompiler {
  ts: typeof TS;
  /** the code cache was found and V8 took it */
  fromCache: boolean;
  /** stores the code cache when none was taken; only the first call does anything: call it after the compiler's first check */
  store(): void;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The cached data of the entry at `file` when its header names `key` and its data hashes as the header says. */
function readEntry(file: string, key: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 200) return undefined;
  const [header, entryKey, digest] = bytes.subarray(0, newline).toString('latin1').split(' ');
  const data = bytes.subarray(newline + 1);
  if (header !== HEADER || entryKey !== key || data.length === 0 || digest !== sha256(data)) return undefined;
  return data;
}

/** Loads TypeScript (resolved from `requireFrom`, a module's URL) through the code cache where it can. */
export function loadCompiler(requireFrom: string | URL): LoadedCompiler {
  const requireHere = createRequire(requireFrom);
  const dir = cacheDir();
  if (!codeCacheEnabled() || dir === undefined) return { ts: requireHere('typescript') as typeof TS, fromCache: false, store: () => undefined };
  const file = requireHere.resolve('typescript');
  // read once: its bytes are hashed as they are, its text is compiled
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  // not Node's flags: V8 refuses a cache made under other V8 flags itself (its flag hash), and
  // processes started with other Node flags (a regrade's workers) would otherwise evict each other
  const key = sha256([FORMAT, process.version, process.arch, process.versions.v8, file, sha256(bytes)].join('\0'));
  const folder = join(dir, FOLDER);
  const entry = join(folder, `${key}.bin`);
  const cachedData = readEntry(entry, key);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData !== undefined ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  // typescript.js as Node's CommonJS loader runs it: (exports, require, module, __filename, __dirname)
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  const mod: { exports: unknown } = { exports: {} };
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  let stored = fromCache;
  return {
    ts: mod.exports as typeof TS,
    fromCache,
    store() {
      if (stored) return;
      stored = true;
      const data = script.createCachedData();
      if (data.length === 0) return;
      if (!writeFileAtomic(entry, Buffer.concat([Buffer.from(`${HEADER} ${key} ${sha256(data)}\n`, 'latin1'), data]))) return;
      // one compiler, one Node: entries of other keys are never used again; and a temporary file
      // older than a writer takes is one a process ended before it was renamed (the grader exits
      // as soon as it has its results, whatever this thread is writing)
      try {
        const now = Date.now();
        for (const name of readdirSync(folder)) {
          const path = join(folder, name);
          if (name.endsWith('.bin') ? name !== `${key}.bin` : name.endsWith('.tmp') && now - statSync(path).mtimeMs > STALE_TEMPORARY_MS) rmSync(path, { force: true });
        }
      } catch {
        // the folder or a file is gone: nothing to remove
      }
    },
  };
}
