// Writing a trusted cache's entry so that a reader sees the old one or the new one, whole: the
// bytes go to a temporary name beside the entry (this process's pid and a random tag, so two
// writers never share one) and are renamed over it. Plain JavaScript: the boot modules use it
// before any TypeScript loads; the grader's TypeScript imports it too (atomic-write.d.mts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** the temporary name beside `file` a writer uses (this process's pid and a random tag: two writers never share one) */
const temporaryName = (file) => `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
const folderOptions = (dirMode) => (dirMode === undefined ? { recursive: true } : { recursive: true, mode: dirMode });
const fileOptions = (fileMode) => (fileMode === undefined ? undefined : { mode: fileMode });

/**
 * Writes `data` to `file` atomically, creating its folder; false when it cannot (the temporary
 * file, if any, is removed: a cache that cannot be written only costs the next run its work).
 * `dirMode` / `fileMode`: the modes of a folder created and of the file.
 */
export function writeFileAtomic(file, data, { dirMode, fileMode } = {}) {
  const tmp = temporaryName(file);
  try {
    mkdirSync(dirname(file), folderOptions(dirMode));
    writeFileSync(tmp, data, fileOptions(fileMode));
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    return false;
  }
}

/** folders writeFileAtomicInBackground created or found in this process (no mkdir for each file) */
const madeFolders = new Set();

/**
 * writeFileAtomic on libuv's thread pool: the caller's thread only issues the requests, the
 * folder is created once per process. Resolves to false when it cannot write. A process that
 * exits before the rename leaves at most a temporary file beside the entry (never a torn entry),
 * which the cache's pruner removes once it is old (grader/reference-cache/prune.ts).
 */
export async function writeFileAtomicInBackground(file, data, { dirMode, fileMode } = {}) {
  const tmp = temporaryName(file);
  try {
    const folder = dirname(file);
    if (!madeFolders.has(folder)) {
      await mkdir(folder, folderOptions(dirMode));
      madeFolders.add(folder);
    }
    await writeFile(tmp, data, fileOptions(fileMode));
    await rename(tmp, file);
    return true;
  } catch {
    // a folder removed since (a pruner, a test): created again next time
    madeFolders.delete(dirname(file));
    await rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}
