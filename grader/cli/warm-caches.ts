import { loadCatalog } from '../catalog/load.ts';
import { runnerSource } from '../sandbox/runner-bundle.ts';

/**
 * What `npm install` prepares after compiling the grader (grader/boot/precompile.mjs, npm's
 * `prepare`), so that the first `npm start` or `dlgrade check` does not have to: the catalog
 * validated and stored as JSON (~0.5 s of YAML and JSON Schema, grader/catalog/cache.ts) and the
 * sandbox runner's bundle (~0.3 s of esbuild, grader/sandbox/runner-bundle.ts). Both are the
 * caches every run reads, each keyed by everything it is made from and checked at every use, so
 * filling them here only moves their first computation to the install. Returns what it warmed.
 */
export function warmCaches(): string[] {
  loadCatalog();
  runnerSource();
  return ['catalog', 'runner'];
}
