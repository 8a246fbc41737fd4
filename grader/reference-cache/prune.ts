import { lstatSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../boot/atomic-write.mjs';

/**
 * Keeps the reference cache's disk store (cacheDir()/reference-v1) within bounds: entries of keys
 * no longer asked (another reference digest, TensorFlow.js version, backend, seed) are never hit
 * again, so the least recently used entries go first. An entry's mtime is when it was written or
 * last answered from disk (touchEntry). Packs (`packs/<64 hex>.json`, store.ts) count as entries,
 * with their size, touched when read. Only regular files named `<64 hex>.json` in the two-hex
 * folders and in `packs` are removed, and temporary files (`….tmp`) older than an hour (a writer that died);
 * nothing is followed through a link. Removing a whole file cannot make a reader see a corrupt
 * entry: it sees the entry or none (a miss, recomputed and rewritten).
 */

export interface PruneLimits {
  maxBytes: number;
  maxEntries: number;
}

export interface PruneOutcome {
  /** entries and bytes before */
  entries: number;
  bytes: number;
  removed: number;
}

const MB = 1024 * 1024;
const ENTRY = /^[0-9a-f]{64}\.json$/;
/** the two-hex folders of the entries, and the packs' (store.ts: one file per reference module and backend) */
const FOLDER = /^([0-9a-f]{2}|packs)$/;
const STALE_TMP_MS = 60 * 60 * 1000;
/** the store shrinks to this share of its limits, so that it is not pruned again at every write */
const LOW_WATER = 0.9;

/** DLGRADE_REFERENCE_CACHE_MAX_MB (default 256) and at most 50 000 entries. */
export function pruneLimits(): PruneLimits {
  const mb = Number(process.env['DLGRADE_REFERENCE_CACHE_MAX_MB']);
  return { maxBytes: (Number.isFinite(mb) && mb > 0 ? mb : 256) * MB, maxEntries: 50_000 };
}

/** Removes the least recently used entries until the store is within `limits` (then at 90% of them). */
export function pruneStore(dir: string, limits: PruneLimits, now = Date.now()): PruneOutcome {
  const entries: { path: string; mtime: number; size: number }[] = [];
  let folders: string[];
  try {
    folders = readdirSync(dir).filter((f) => FOLDER.test(f));
  } catch {
    return { entries: 0, bytes: 0, removed: 0 };
  }
  let removed = 0;
  const remove = (path: string): void => {
    try {
      rmSync(path, { force: true });
      removed++;
    } catch {
      // another pruner was first, or the folder is read-only: left
    }
  };
  for (const folder of folders) {
    let names: string[];
    try {
      if (!lstatSync(join(dir, folder)).isDirectory()) continue;
      names = readdirSync(join(dir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, folder, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue; // removed meanwhile
      }
      if (!stat.isFile()) continue;
      if (ENTRY.test(name)) entries.push({ path, mtime: stat.mtimeMs, size: stat.size });
      else if (name.endsWith('.tmp') && now - stat.mtimeMs > STALE_TMP_MS) remove(path);
    }
  }
  const before = { entries: entries.length, bytes: entries.reduce((s, e) => s + e.size, 0) };
  if (before.entries <= limits.maxEntries && before.bytes <= limits.maxBytes) return { ...before, removed };
  entries.sort((a, b) => a.mtime - b.mtime);
  let count = before.entries;
  let bytes = before.bytes;
  for (const e of entries) {
    if (count <= limits.maxEntries * LOW_WATER && bytes <= limits.maxBytes * LOW_WATER) break;
    remove(e.path);
    count--;
    bytes -= e.size;
  }
  return { ...before, removed };
}

const MARKER = 'last-prune';
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** a process that writes this many entries prunes again whenever it last did */
export const PRUNE_EVERY_WRITES = 1000;

/**
 * Prunes `dir` when it was not pruned in the last hour (its `last-prune` file), or when `force`
 * (this process wrote many entries). Never throws: a store that cannot be pruned is only bigger.
 */
export function pruneIfDue(dir: string, force: boolean, limits = pruneLimits(), now = Date.now()): PruneOutcome | undefined {
  try {
    if (!force) {
      try {
        if (now - statSync(join(dir, MARKER)).mtimeMs < PRUNE_EVERY_MS) return undefined;
      } catch {
        // never pruned
      }
    }
    writeFileAtomic(join(dir, MARKER), String(now));
    return pruneStore(dir, limits, now);
  } catch {
    return undefined;
  }
}

/** Marks an entry used now (least recently used goes first); a read-only store is left as is. */
export function touchEntry(path: string, now = new Date()): void {
  try {
    utimesSync(path, now, now);
  } catch {
    // read-only or removed meanwhile
  }
}
