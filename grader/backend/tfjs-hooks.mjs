// Module hooks (node:module register) that make `import * as tf from '@tensorflow/tfjs'` cheap.
// TensorFlow.js's Node build is CommonJS; imported from ESM, Node first lexes ~7 MB of its
// CommonJS (tfjs and every package it re-exports) to find the export names, which costs 3–4× the
// require itself. Here the import gets an ESM facade that requires the same file (the same
// instance as select.ts's require) and exports every name of module.exports, listed once per
// TensorFlow.js build and cached (key: the file's path, size, mtime and package.json). Any
// problem falls back to a plain re-export, which is exactly the default behaviour.
// DLGRADE_TFJS_REQUIRE=0 turns it off (grader/backend/tfjs-register.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../boot/atomic-write.mjs';
import { trustedCacheDir } from '../boot/cache-dir.mjs';

const TAG = 'dlgrade-tfjs-facade';
const SPECIFIER = '@tensorflow/tfjs';
const INSTALL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (specifier !== SPECIFIER || !resolved.url.startsWith('file:') || resolved.url.includes('?')) return resolved;
  return { url: `${resolved.url}?${TAG}`, format: 'module', shortCircuit: true };
}

export async function load(url, context, next) {
  if (!url.endsWith(`?${TAG}`)) return next(url, context);
  const real = url.slice(0, -TAG.length - 1);
  let source;
  try {
    source = facade(fileURLToPath(real));
  } catch {
    source = `export * from ${JSON.stringify(real)};\nexport { default } from ${JSON.stringify(real)};\n`;
  }
  return { format: 'module', source, shortCircuit: true };
}

/** the names of the build's module.exports: from the cache, or by requiring it once here */
function exportNames(path) {
  const stat = statSync(path);
  const pkg = readFileSync(join(dirname(path), '..', 'package.json'));
  const key = createHash('sha256').update(`${path}\0${stat.size}\0${stat.mtimeMs}\0`).update(pkg).digest('hex');
  // the trusted side's cache folder, the same rule as every other cache (DLGRADE_CACHE_DIR, the
  // install's node_modules/.cache/dlgrade, the user's cache folder); none: nothing cached
  const dir = trustedCacheDir(INSTALL_ROOT);
  const file = dir === undefined ? undefined : join(dir, `tfjs-exports-${key.slice(0, 16)}.json`);
  if (file !== undefined) {
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8'));
      if (entry.key === key && Array.isArray(entry.names) && entry.names.every((n) => typeof n === 'string')) return entry.names;
    } catch {
      // absent or corrupt: computed again
    }
  }
  const names = Object.keys(createRequire(path)(path)).filter((n) => n !== 'default' && n !== '__esModule');
  // not cached when it cannot be written: the next run lists them again
  if (file !== undefined) writeFileAtomic(file, JSON.stringify({ key, names }));
  return names;
}

/** The facade's source for TensorFlow.js's Node build at `path` (also the build tree's tfjs.mjs, grader/boot/tree.mjs). */
export function facade(path) {
  const names = exportNames(path);
  const lines = [`import { createRequire } from 'node:module';`, `const tf = createRequire(${JSON.stringify(path)})(${JSON.stringify(path)});`, 'export default tf;'];
  names.forEach((name, i) => lines.push(`const v${i} = tf[${JSON.stringify(name)}];`));
  lines.push(`export { ${names.map((name, i) => `v${i} as ${JSON.stringify(name)}`).join(', ')} };`);
  return lines.join('\n') + '\n';
}
