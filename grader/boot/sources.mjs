// The TypeScript modules the trusted process imports, listed from the install: what the precompile
// step transpiles (precompile.mjs) and what the build tree holds (tree.mjs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_ROOT } from './cache-dir.mjs';

/** every .ts file the trusted process may import: grader/, exercises' specs, reference/ (tests excluded) */
export function precompileSources(root = INSTALL_ROOT) {
  const out = [];
  const walk = (dir, keep) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, keep);
      else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') && keep(e.name)) out.push(path);
    }
  };
  walk(join(root, 'grader'), () => true);
  walk(join(root, 'reference'), () => true);
  walk(join(root, 'exercises'), (name) => name === 'spec.ts' || name === 'spec.public.ts');
  return out.sort();
}

