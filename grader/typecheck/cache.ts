import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../boot/atomic-write.mjs';
import { cacheDir } from '../catalog/cache.ts';
import { INSTALL_ROOT } from '../paths.ts';
import type { TypeDiagnostic } from '../engine/result.ts';

/**
 * The type checker's findings, kept on disk (cacheDir()/typecheck-v1) so that a file checked once
 * is not checked again: what tsc says about a file is a pure function of the file's text, the
 * stub's text, the names and signatures it is checked against, how the file is named in messages,
 * the language of the explanations, TypeScript's version and the checker's own code. The key is a
 * SHA-256 of all of them (the checker's code as the bytes of every file under grader/typecheck/
 * and grader/i18n/, read once per process); an entry holds its whole key and a checksum of its
 * findings, and is used only when both match and it parses, otherwise it is a miss (checked and
 * rewritten). Only complete checks are stored: a check stopped by its limit (which depends on the
 * machine's speed) or a checker fault never is. Written atomically (temporary file + rename), in
 * the trusted side's folder only (a student process never sees it). With every file of a grading
 * found here, the checker's thread (2 s of CPU to load TypeScript and its standard library) is not
 * started at all. DLGRADE_TYPECHECK_CACHE=0 turns it off.
 */

export const FOLDER = 'typecheck-v1';
const FORMAT = 1;
/** entries kept: past this, the least recently written are removed (a watcher writes one per save) */
export const MAX_ENTRIES = 2000;
const KEEP_AFTER_PRUNE = 1500;

export function typecheckCacheEnabled(): boolean {
  return process.env['DLGRADE_TYPECHECK_CACHE'] !== '0';
}

export interface CacheableInput {
  source: string;
  stubSource: string;
  fileName: string;
  displayPath: string;
  exports: readonly { name: string; signature: string }[];
  exportLines: readonly [string, number | undefined][];
  lang: string;
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

let checkerDigest: string | undefined;
/** TypeScript's package.json and every file of the checker and of the message catalogs, hashed once */
function checkerCode(): string {
  if (checkerDigest !== undefined) return checkerDigest;
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(createRequire(import.meta.url).resolve('typescript/package.json')));
  } catch {
    hash.update('no typescript package.json');
  }
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return; // the assignment bundle: no sources beside it (its own bytes are hashed below)
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path.slice(INSTALL_ROOT.length)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(join(INSTALL_ROOT, 'grader', 'typecheck'));
  walk(join(INSTALL_ROOT, 'grader', 'i18n'));
  // in the bundle, the module's own file (the whole self-contained grader) stands for its code
  try {
    hash.update(readFileSync(new URL(import.meta.url)));
  } catch {
    // not a file URL
  }
  checkerDigest = hash.digest('hex');
  return checkerDigest;
}

function keyOf(input: CacheableInput): string {
  return JSON.stringify({
    format: FORMAT,
    checker: checkerCode(),
    source: input.source,
    stub: input.stubSource,
    file: input.fileName,
    display: input.displayPath,
    exports: input.exports,
    lines: input.exportLines,
    lang: input.lang,
  });
}

function entryPath(key: string): string | undefined {
  const dir = cacheDir();
  return dir === undefined ? undefined : join(dir, FOLDER, `${sha256(key)}.json`);
}

/**
 * This input's entry: its key is built once, for the lookup and, after a miss, the write. With
 * the cache off (or no cache folder), read answers undefined and store does nothing.
 */
export function cacheEntry(input: CacheableInput): { read(): TypeDiagnostic[] | undefined; store(findings: readonly TypeDiagnostic[]): void } {
  const key = typecheckCacheEnabled() ? keyOf(input) : undefined;
  const path = key === undefined ? undefined : entryPath(key);
  return {
    read: () => (key === undefined || path === undefined ? undefined : readEntry(path, key)),
    store: (findings) => {
      if (key === undefined || path === undefined) return;
      const text = JSON.stringify(findings);
      try {
        writeFileAtomic(path, JSON.stringify({ format: FORMAT, key, findings: text, sha256: sha256(`${key}\0${text}`) }));
      } catch {
        // unwritable: checked again next time
      }
      if (!pruned) {
        pruned = true;
        prune(join(path, '..'));
      }
    },
  };
}

/** The findings stored for this input, or undefined (absent, or anything that does not verify). */
export function readCachedFindings(input: CacheableInput): TypeDiagnostic[] | undefined {
  return cacheEntry(input).read();
}

/** Stores a complete check's findings (never throws: a cache that cannot be written is no cache). */
export function storeFindings(input: CacheableInput, findings: readonly TypeDiagnostic[]): void {
  cacheEntry(input).store(findings);
}

function readEntry(path: string, key: string): TypeDiagnostic[] | undefined {
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; key?: unknown; findings?: unknown; sha256?: unknown };
    if (stored.format !== FORMAT || stored.key !== key || typeof stored.findings !== 'string' || stored.sha256 !== sha256(`${key}\0${stored.findings}`)) return undefined;
    const findings = JSON.parse(stored.findings) as unknown;
    if (!Array.isArray(findings) || !findings.every(isDiagnostic)) return undefined;
    return findings;
  } catch {
    return undefined;
  }
}

let pruned = false;

/**
 * Once per process, at its first write: past MAX_ENTRIES, the least recently written entries go
 * (down to KEEP_AFTER_PRUNE). A reader racing with it finds an entry or a miss, never half a file
 * (entries are renamed into place, and removed whole).
 */
export function prune(dir: string, max = MAX_ENTRIES, keep = KEEP_AFTER_PRUNE): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return;
  }
  if (names.length <= max) return;
  const dated: [string, number][] = [];
  for (const name of names) {
    try {
      dated.push([name, statSync(join(dir, name)).mtimeMs]);
    } catch {
      // removed meanwhile
    }
  }
  dated.sort((a, b) => a[1] - b[1]);
  for (const [name] of dated.slice(0, Math.max(0, dated.length - keep))) rmSync(join(dir, name), { force: true });
}

function isDiagnostic(value: unknown): value is TypeDiagnostic {
  if (value === null || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return typeof d['file'] === 'string' && typeof d['line'] === 'number' && typeof d['column'] === 'number' && typeof d['code'] === 'number' && typeof d['message'] === 'string' && (d['explanation'] === undefined || typeof d['explanation'] === 'string');
}
