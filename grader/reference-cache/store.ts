import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicInBackground } from '../boot/atomic-write.mjs';

/**
 * Where the reference cache keeps its answers on disk: one file per entry in the trusted side's
 * cache folder, and one pack per reference module and backend (below); the process's memory layer
 * is runtime.ts's.
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

function storedText(meta: string, input: string, entry: Entry): string {
  const stored: StoredEntry = { format: FORMAT, meta, input, result: entry.result, async: entry.async, ms: entry.ms, sha256: checksum(meta, input, entry.result, entry.async, entry.ms) };
  return JSON.stringify(stored);
}

/** Writes the entry atomically (temporary file + rename); a cache that cannot be written only costs a recompute. */
export function writeEntry(dir: string, meta: string, input: string, entry: Entry, key = entryKey(meta, input)): boolean {
  return writeFileAtomic(entryPath(dir, key), storedText(meta, input, entry), { dirMode: 0o755, fileMode: 0o644 });
}

/** writeEntry on the thread pool (the same file, as atomically): false when it cannot write. */
export function writeEntryInBackground(dir: string, meta: string, input: string, entry: Entry, key = entryKey(meta, input)): Promise<boolean> {
  return writeFileAtomicInBackground(entryPath(dir, key), storedText(meta, input, entry), { dirMode: 0o755, fileMode: 0o644 });
}

/**
 * Packs: the answers one process used for one reference module on one backend, in one file
 * (`packs/<key>.json` in the store), so that a later run reads one file per module instead of one
 * per answer. A pack only speeds up lookups: every answer in it was also written as an entry of
 * its own when it was computed, an answer a pack lacks is looked up as an entry, and a pack that
 * does not verify is ignored (and rewritten). The file is a header line — the format, the module's
 * whole key (`moduleMeta`), the backend, and a SHA-256 over the four — then the body, a JSON array
 * of [function, input, result, async, ms]; a lookup still compares the whole key and input, so a
 * pack can never answer for another exercise, reference, version, backend, function or input.
 * Written like an entry (temporary file + rename): a reader sees one whole pack or another.
 */
export interface PackEntry {
  name: string;
  input: string;
  entry: Entry;
}

interface PackHeader {
  format: number;
  module: string;
  backend: string;
  sha256: string;
}

/** at most this many answers, and about this many bytes, in one pack (the most recently used first) */
export const PACK_MAX_ENTRIES = 20_000;
export const PACK_MAX_BYTES = 8 * 1024 * 1024;

export function packKey(moduleMeta: string, backend: string): string {
  return sha256(`dlgrade-reference-pack ${FORMAT}\0${moduleMeta.length}\0${moduleMeta}\0${backend.length}\0${backend}`);
}

export function packPath(dir: string, key: string): string {
  return join(dir, 'packs', `${key}.json`);
}

function packChecksum(moduleMeta: string, backend: string, body: string): string {
  return createHash('sha256').update(`${FORMAT}\0${moduleMeta.length}\0${moduleMeta}\0${backend.length}\0${backend}\0${body.length}\0`).update(body).digest('hex');
}

/** The pack of (moduleMeta, backend) in `dir`, or undefined when absent or not exactly theirs, whole. */
export function readPack(dir: string, moduleMeta: string, backend: string): PackEntry[] | undefined {
  let text: string;
  try {
    text = readFileSync(packPath(dir, packKey(moduleMeta, backend)), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const newline = text.indexOf('\n');
    if (newline < 0) return undefined;
    const header = JSON.parse(text.slice(0, newline)) as Partial<PackHeader>;
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.module !== moduleMeta || header.backend !== backend) return undefined;
    if (header.sha256 !== packChecksum(moduleMeta, backend, body)) return undefined;
    const rows = JSON.parse(body) as unknown;
    if (!Array.isArray(rows)) return undefined;
    const out: PackEntry[] = [];
    for (const row of rows as unknown[]) {
      if (!Array.isArray(row) || row.length !== 5) return undefined;
      const [name, input, result, async, ms] = row as unknown[];
      if (typeof name !== 'string' || typeof input !== 'string' || typeof result !== 'string' || typeof async !== 'boolean' || typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
      out.push({ name, input, entry: { result, async, ms } });
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Writes the pack atomically (at most PACK_MAX_ENTRIES / about PACK_MAX_BYTES, in the order given). */
export function writePack(dir: string, moduleMeta: string, backend: string, entries: readonly PackEntry[]): boolean {
  const rows: [string, string, string, boolean, number][] = [];
  let bytes = 0;
  for (const e of entries) {
    if (rows.length >= PACK_MAX_ENTRIES) break;
    bytes += e.name.length + e.input.length + e.entry.result.length + 32;
    if (bytes > PACK_MAX_BYTES && rows.length > 0) break;
    rows.push([e.name, e.input, e.entry.result, e.entry.async, e.entry.ms]);
  }
  const body = JSON.stringify(rows);
  const header: PackHeader = { format: FORMAT, module: moduleMeta, backend, sha256: packChecksum(moduleMeta, backend, body) };
  return writeFileAtomic(packPath(dir, packKey(moduleMeta, backend)), `${JSON.stringify(header)}\n${body}`, { dirMode: 0o755, fileMode: 0o644 });
}
