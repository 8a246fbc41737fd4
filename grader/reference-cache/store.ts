import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../boot/atomic-write.mjs';

/**
 * Where the reference cache keeps its answers: a Map for the process (one run, a watcher, a
 * regrade worker) and, below it, one file per entry in the trusted side's cache folder.
 *
 * An entry holds its whole key (`meta`: everything but the input, as text), the input's canonical
 * encoding, the result's, and a SHA-256 over the three. A lookup needs all of them equal byte
 * for byte — the file's name (a hash) only finds it — so neither a hash collision nor a
 * truncated, torn or edited file can answer for another exercise, reference, backend, version,
 * function or input: anything that does not verify is a miss, recomputed and rewritten.
 * Writes go to a temporary name beside the entry and are renamed over it: a reader sees no file,
 * the old entry or the new one, whole; concurrent writers of one key write the same bytes.
 */

export const FORMAT = 1;

export interface Entry {
  /** the result's canonical encoding */
  result: string;
  /** the reference returned a Promise (async function): a hit answers with one too */
  async: boolean;
  /** how long computing it took, ms (what a hit saves) */
  ms: number;
}

interface StoredEntry {
  format: number;
  meta: string;
  input: string;
  result: string;
  async: boolean;
  ms: number;
  sha256: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The entry's name: SHA-256 over the format, the key and the input (separated by their lengths). */
export function entryKey(meta: string, input: string): string {
  return createHash('sha256').update(`dlgrade-reference-cache ${FORMAT}\0${meta.length}\0${meta}\0${input.length}\0`).update(input).digest('hex');
}

function checksum(meta: string, input: string, result: string, async: boolean, ms: number): string {
  return sha256(`${FORMAT}\0${meta.length}\0${meta}\0${input.length}\0${input}\0${result.length}\0${result}\0${async}\0${ms}`);
}

export function entryPath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

/** The entry for (meta, input) in `dir`, or undefined when absent or not exactly this key's. */
export function readEntry(dir: string, meta: string, input: string, key = entryKey(meta, input)): Entry | undefined {
  let text: string;
  try {
    text = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const e = JSON.parse(text) as Partial<StoredEntry>;
    if (e.format !== FORMAT || e.meta !== meta || e.input !== input) return undefined;
    if (typeof e.result !== 'string' || typeof e.async !== 'boolean' || typeof e.ms !== 'number' || !Number.isFinite(e.ms)) return undefined;
    if (e.sha256 !== checksum(meta, input, e.result, e.async, e.ms)) return undefined;
    return { result: e.result, async: e.async, ms: e.ms };
  } catch {
    return undefined;
  }
}

/** Writes the entry atomically (temporary file + rename); a cache that cannot be written only costs a recompute. */
export function writeEntry(dir: string, meta: string, input: string, entry: Entry, key = entryKey(meta, input)): boolean {
  const stored: StoredEntry = { format: FORMAT, meta, input, result: entry.result, async: entry.async, ms: entry.ms, sha256: checksum(meta, input, entry.result, entry.async, entry.ms) };
  return writeFileAtomic(entryPath(dir, key), JSON.stringify(stored), { dirMode: 0o755, fileMode: 0o644 });
}

/** The process's memory layer: verified like the disk (the whole key and input compared). */
export class MemoryStore {
  private readonly map = new Map<string, { meta: string; input: string; entry: Entry }>();
  constructor(private readonly max = 200_000) {}

  get(key: string, meta: string, input: string): Entry | undefined {
    const found = this.map.get(key);
    return found && found.meta === meta && found.input === input ? found.entry : undefined;
  }

  set(key: string, meta: string, input: string, entry: Entry): void {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { meta, input, entry });
  }

  clear(): void {
    this.map.clear();
  }
}
