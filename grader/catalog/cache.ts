import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTALL_ROOT, SCHEMA_DIR, toolVersion } from '../paths.ts';
import { trustedCacheDir } from '../boot/cache-dir.mjs';
import { writeFileAtomic } from '../boot/atomic-write.mjs';
import { timed } from '../profile.ts';
import type { Catalog } from './types.ts';

/**
 * A content-addressed cache of the parsed and validated catalog (the YAML of 120 files costs
 * 0.4–0.6 s to parse and validate; the same data as JSON, under 5 ms). The key is a hash of
 * everything the loader's answer depends on: the bytes of every chapter.yaml and exercise.yaml,
 * the names and kinds of every entry of exercises/ (two levels and each exercise folder) and of
 * reference/<chapter>/ (the loader checks those files exist), the JSON schemas, the loader's own
 * source (grader/catalog/, grader/compare/numeric.ts for the default tolerance), the tool's
 * version and the root. An entry whose key or checksum does not match, or that does not parse, is
 * never used: the catalog is loaded from the YAML again and the entry rewritten (atomically:
 * written beside, then renamed). DLGRADE_CATALOG_CACHE=0 turns it off; DLGRADE_CACHE_DIR moves it.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
/** the loader's own code: its answer changes when it does */
const LOADER_SOURCES = [HERE, join(INSTALL_ROOT, 'grader', 'compare', 'numeric.ts')];
const FORMAT = 1;
/** entries kept (one per catalog root: the install's, and tests' or instructors' other roots) */
const MAX_ENTRIES = 32;

export function cacheEnabled(): boolean {
  return process.env['DLGRADE_CATALOG_CACHE'] !== '0';
}

/**
 * The trusted side's cache folder: DLGRADE_CACHE_DIR, else node_modules/.cache/dlgrade of the
 * install (the usual place for tools' caches), else the user's cache folder. Never anything under
 * a submission or a sandbox.
 */
export function cacheDir(): string | undefined {
  return trustedCacheDir(INSTALL_ROOT);
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Sorted entries of a folder, each as "name/" (folder) or "name" (anything else). */
function listing(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((e) => (e.isDirectory() || (e.isSymbolicLink() && isDir(join(dir, e.name))) ? `${e.name}/` : e.name))
      .sort();
  } catch {
    return [];
  }
}

/** The hash of everything `loadCatalog({ root })` reads. */
export function catalogKey(root: string): string {
  const hash = createHash('sha256');
  const add = (label: string, data: string | Buffer): void => {
    hash.update(`${label}\0${data.length}\0`);
    hash.update(data);
    hash.update('\0');
  };
  const addFile = (path: string): void => {
    try {
      add(`file ${path}`, readFileSync(path));
    } catch {
      add(`absent ${path}`, '');
    }
  };
  add('format', String(FORMAT));
  add('version', toolVersion());
  add('root', root);
  for (const source of LOADER_SOURCES) {
    if (isDir(source)) for (const name of listing(source).filter((n) => n.endsWith('.ts'))) addFile(join(source, name));
    else addFile(source);
  }
  for (const name of listing(SCHEMA_DIR)) addFile(join(SCHEMA_DIR, name));
  const exercisesDir = join(root, 'exercises');
  add('exercises', listing(exercisesDir).join('\n'));
  for (const chapter of listing(exercisesDir).filter((n) => n.endsWith('/'))) {
    const chapterDir = join(exercisesDir, chapter);
    const entries = listing(chapterDir);
    add(`chapter ${chapter}`, entries.join('\n'));
    if (entries.includes('chapter.yaml')) addFile(join(chapterDir, 'chapter.yaml'));
    for (const exercise of entries.filter((n) => n.endsWith('/'))) {
      const dir = join(chapterDir, exercise);
      const files = listing(dir);
      add(`exercise ${chapter}${exercise}`, files.join('\n'));
      if (files.includes('exercise.yaml')) addFile(join(dir, 'exercise.yaml'));
    }
    add(`reference ${chapter}`, listing(join(root, 'reference', chapter)).join('\n'));
  }
  return hash.digest('hex');
}

interface Entry {
  format: number;
  key: string;
  /** sha256 of `catalog` as written */
  sha256: string;
  catalog: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One entry per root: a new key replaces the old entry, so the folder does not grow. */
function entryPath(dir: string, root: string): string {
  return join(dir, `catalog-${sha256(root).slice(0, 16)}.json`);
}

/** The cached catalog for this key, or undefined when absent, stale or corrupt. */
export function readCachedCatalog(dir: string, root: string, key: string): Catalog | undefined {
  const path = entryPath(dir, root);
  if (!existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<Entry>;
    if (entry.format !== FORMAT || entry.key !== key || typeof entry.catalog !== 'string' || entry.sha256 !== sha256(entry.catalog)) return undefined;
    const catalog = JSON.parse(entry.catalog) as Catalog;
    if (catalog.root !== root || !Array.isArray(catalog.exercises) || !Array.isArray(catalog.chapters) || !Array.isArray(catalog.issues)) return undefined;
    return catalog;
  } catch {
    return undefined;
  }
}

/** Writes the entry beside its final name, then renames it: a reader sees the old or the new, whole. */
export function writeCachedCatalog(dir: string, root: string, key: string, catalog: Catalog): void {
  const text = JSON.stringify(catalog);
  const entry: Entry = { format: FORMAT, key, sha256: sha256(text), catalog: text };
  // a cache that cannot be written only costs the next run its parse
  if (writeFileAtomic(entryPath(dir, root), JSON.stringify(entry))) prune(dir);
}

/** Keeps the MAX_ENTRIES most recent catalog entries. */
function prune(dir: string): void {
  try {
    const entries = readdirSync(dir)
      .filter((f) => /^catalog-[0-9a-f]{16}\.json$/.test(f))
      .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(MAX_ENTRIES)) rmSync(old.path, { force: true });
  } catch {
    // another run pruned first
  }
}

/** Whether a catalog survives JSON unchanged (the embedded bundles' specs, for one, do not). */
function serialisable(catalog: Catalog): boolean {
  return catalog.exercises.every((e) => e.loadSpec === undefined && e.loadReference === undefined);
}

/**
 * `load()` through the cache: the cached answer when the key matches, else `load()`'s, stored.
 */
export function withCatalogCache(root: string, load: () => Catalog): Catalog {
  return timed('catalog load', () => throughCache(root, () => timed('catalog: YAML parse + validation', load)));
}

function throughCache(root: string, load: () => Catalog): Catalog {
  if (!cacheEnabled()) return load();
  const dir = cacheDir();
  if (dir === undefined) return load();
  let key: string;
  try {
    key = timed('catalog: cache key (hash of its files)', () => catalogKey(root));
  } catch {
    return load();
  }
  const cached = readCachedCatalog(dir, root, key);
  if (cached) return cached;
  const catalog = load();
  // a file changed while it loaded: the answer may match neither key, store nothing
  if (serialisable(catalog) && catalogKey(root) === key) writeCachedCatalog(dir, root, key, catalog);
  return catalog;
}
