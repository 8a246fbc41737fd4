#!/usr/bin/env node
// `npm run precompile` (and npm's `prepare`, so `npm install` on a clone runs it): transpiles every
// TypeScript module the trusted process imports (grader/, the specs, the references) into the
// cache that grader/boot/precompiled-hooks.mjs reads, and removes the entries no current file
// has. Without it the cache fills itself on first use, module by module; with it or without it,
// an entry is used only for the exact bytes it was made from. Then it builds the module tree
// (tree.mjs) and fills the caches a first run would (grader/cli/warm-caches.ts: the catalog's
// JSON, the sandbox runner's bundle). Never fails an install: any problem
// is reported and it exits 0 (`--strict` exits 1 instead).
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { trustedCacheDir } from './cache-dir.mjs';
import { precompileSources } from './sources.mjs';
import { buildKey, entryPath, moduleKey, readEntry, transpile, writeEntry } from './precompiled-hooks.mjs';

export { precompileSources };

export async function precompile({ dir = trustedCacheDir(), prune = true } = {}) {
  if (dir === undefined) throw new Error('no cache folder can be created (set DLGRADE_CACHE_DIR)');
  const key = buildKey();
  const keep = new Set();
  let compiled = 0;
  let fresh = 0;
  let unstored = 0;
  await Promise.all(
    precompileSources().map(async (path) => {
      const bytes = readFileSync(path);
      const k = moduleKey(key, path, bytes);
      const file = entryPath(dir, k);
      keep.add(`${k}.mjs`);
      if (readEntry(file, k).code !== undefined) {
        fresh++;
        return;
      }
      if (writeEntry(file, k, await transpile(path, bytes))) compiled++;
      else unstored++;
    }),
  );
  let removed = 0;
  if (prune) {
    for (const name of readdirSync(join(dir, 'precompiled'))) {
      if (keep.has(name)) continue;
      rmSync(join(dir, 'precompiled', name), { force: true });
      removed++;
    }
  }
  return { dir, compiled, fresh, unstored, removed };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const strict = process.argv.includes('--strict');
  try {
    const { bootMessages } = await import('../i18n/boot-messages.mjs');
    const m = bootMessages();
    const r = await precompile();
    process.stdout.write(`${m.precompiled(r, relative(process.cwd(), r.dir) || r.dir)}\n`);
    if (strict && r.unstored > 0) process.exitCode = 1;
    try {
      const { buildTree } = await import('./tree.mjs');
      const t = await buildTree();
      process.stdout.write(`${m.treeBuilt(t, relative(process.cwd(), t.dir) || t.dir)}\n`);
    } catch (error) {
      process.stderr.write(`${m.treeSkipped(error instanceof Error ? error.message : String(error))}\n`);
      if (strict) process.exitCode = 1;
    }
    // the caches the first run would fill (the catalog's JSON, the runner's bundle), from the
    // tree just built (or through the hooks without one): grader/cli/warm-caches.ts
    try {
      const { entryUrl } = await import('./tree.mjs');
      const { warmCaches } = await import(await entryUrl('grader/cli/warm-caches.ts'));
      process.stdout.write(`${m.cachesWarmed(warmCaches())}\n`);
    } catch (error) {
      process.stderr.write(`${m.warmSkipped(error instanceof Error ? error.message : String(error))}\n`);
      if (strict) process.exitCode = 1;
    }
  } catch (error) {
    const { bootMessages } = await import('../i18n/boot-messages.mjs');
    process.stderr.write(`${bootMessages().precompileSkipped(error instanceof Error ? error.message : String(error))}\n`);
    if (strict) process.exitCode = 1;
  }
}
