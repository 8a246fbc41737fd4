import { esbuild } from '../esbuild.ts';

const { buildSync, version: esbuildVersion } = esbuild;
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../catalog/cache.ts';
import { toolVersion } from '../paths.ts';
import { timed } from '../profile.ts';
import { writeFileAtomic } from '../boot/atomic-write.mjs';

/** Set at bundle time (esbuild `define`) in a self-contained grader, where runner.ts is not on disk. */
declare const __DLGRADE_RUNNER_SOURCE__: string | undefined;

let bundled: string | undefined;

const ENTRY = fileURLToPath(new URL('./runner.ts', import.meta.url));
const OPTIONS = { bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent', metafile: true } as const;
const FORMAT = 1;

/**
 * The student-side runner (./runner.ts), bundled into plain ESM once per grader process, or taken
 * from the trusted cache folder (or pre-bundled in a self-contained grader). A cached bundle is
 * used only when every file esbuild read to make it (its metafile's inputs, runner.ts and what it
 * imports) still hashes as it did, and the options, esbuild's version and the tool's are the same;
 * otherwise it is bundled again and the entry rewritten (atomically). DLGRADE_PRECOMPILE=0 turns
 * the cache off.
 */
export function runnerSource(): string {
  if (bundled === undefined && typeof __DLGRADE_RUNNER_SOURCE__ === 'string') bundled = __DLGRADE_RUNNER_SOURCE__;
  bundled ??= timed('runner bundle', () => cachedRunner() ?? build());
  return bundled;
}

/** Only for tests: forget this process's bundle (the next runnerSource() reads the cache again). */
export function resetRunnerForTests(): void {
  bundled = undefined;
}

/** Where the cached bundle lives (undefined: cache off or no folder). */
export function runnerCacheFile(): string | undefined {
  return entryFile();
}

interface Entry {
  format: number;
  key: string;
  /** every file the bundle was made from, with the SHA-256 of its bytes then */
  inputs: [string, string][];
  sha256: string;
  text: string;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function runnerKey(): string {
  return sha256(JSON.stringify({ format: FORMAT, entry: ENTRY, options: OPTIONS, esbuild: esbuildVersion, tool: toolVersion() }));
}

function entryFile(): string | undefined {
  if (process.env['DLGRADE_PRECOMPILE'] === '0') return undefined;
  const dir = cacheDir();
  return dir === undefined ? undefined : join(dir, `runner-${sha256(ENTRY).slice(0, 16)}.json`);
}

function fileHash(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The cached bundle when its key, checksum and every input's hash match; else undefined. */
export function readCachedRunner(file: string, key: string): string | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<Entry>;
    if (entry.format !== FORMAT || entry.key !== key || typeof entry.text !== 'string' || entry.sha256 !== sha256(entry.text)) return undefined;
    if (!Array.isArray(entry.inputs) || entry.inputs.length === 0) return undefined;
    for (const input of entry.inputs) {
      if (!Array.isArray(input) || typeof input[0] !== 'string' || fileHash(input[0]) !== input[1]) return undefined;
    }
    return entry.text;
  } catch {
    return undefined;
  }
}

function cachedRunner(): string | undefined {
  const file = entryFile();
  return file === undefined ? undefined : readCachedRunner(file, runnerKey());
}

function build(): string {
  const result = buildSync({ ...OPTIONS, entryPoints: [ENTRY] });
  const text = result.outputFiles[0]!.text;
  const file = entryFile();
  if (file === undefined) return text;
  const inputs: [string, string][] = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(input);
    const hash = fileHash(path);
    if (hash === undefined) return text;
    inputs.push([path, hash]);
  }
  // hashed after the build: if a file changed between esbuild's read and this one, the entry
  // holds the new hash with the old code; built again to make sure it is the code of these bytes
  const again = buildSync({ ...OPTIONS, entryPoints: [ENTRY] }).outputFiles[0]!.text;
  if (again !== text || inputs.some(([path, hash]) => fileHash(path) !== hash)) return text;
  const entry: Entry = { format: FORMAT, key: runnerKey(), inputs, sha256: sha256(text), text };
  writeFileAtomic(file, JSON.stringify(entry));
  return text;
}
