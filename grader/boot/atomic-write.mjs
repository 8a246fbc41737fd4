// Writing a trusted cache's entry so that a reader sees the old one or the new one, whole: the
// bytes go to a temporary name beside the entry (this process's pid and a random tag, so two
// writers never share one) and are renamed over it. Plain JavaScript: the boot modules use it
// before any TypeScript loads; the grader's TypeScript imports it too (atomic-write.d.mts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `data` to `file` atomically, creating its folder; false when it cannot (the temporary
 * file, if any, is removed: a cache that cannot be written only costs the next run its work).
 * `dirMode` / `fileMode`: the modes of a folder created and of the file.
 */
export function writeFileAtomic(file, data, { dirMode, fileMode } = {}) {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), dirMode === undefined ? { recursive: true } : { recursive: true, mode: dirMode });
    writeFileSync(tmp, data, fileMode === undefined ? undefined : { mode: fileMode });
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
