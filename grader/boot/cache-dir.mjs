// The trusted side's cache folder, for the plain-JavaScript boot modules (no TypeScript loaded
// yet): the same folders, in the same order, as cacheDir() in grader/catalog/cache.ts.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** DLGRADE_CACHE_DIR, else the install's node_modules/.cache/dlgrade, else the user's cache folder; undefined when none can be created */
export function trustedCacheDir() {
  const explicit = process.env.DLGRADE_CACHE_DIR;
  if (explicit) return explicit;
  const xdg = process.env.XDG_CACHE_HOME;
  for (const dir of [join(INSTALL_ROOT, 'node_modules', '.cache', 'dlgrade'), join(xdg ? xdg : join(homedir(), '.cache'), 'dlgrade')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // not writable here: the next one
    }
  }
  return undefined;
}
