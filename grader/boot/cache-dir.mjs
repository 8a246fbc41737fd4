// The trusted side's cache folder, for the plain-JavaScript boot modules (no TypeScript loaded
// yet); cacheDir() in grader/catalog/cache.ts answers with this one.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * DLGRADE_CACHE_DIR, else the install's node_modules/.cache/dlgrade, else the user's cache folder;
 * undefined when none can be created. `root`: the install (TypeScript callers pass paths.ts's, which
 * stays right when the grader is bundled into one file).
 */
export function trustedCacheDir(root = INSTALL_ROOT) {
  const explicit = process.env.DLGRADE_CACHE_DIR;
  if (explicit) return explicit;
  const xdg = process.env.XDG_CACHE_HOME;
  for (const dir of [join(root, 'node_modules', '.cache', 'dlgrade'), join(xdg ? xdg : join(homedir(), '.cache'), 'dlgrade')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // not writable here: the next one
    }
  }
  return undefined;
}
