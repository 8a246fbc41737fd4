// Module hooks (node:module register) of the reference cache. A spec's import of a module under
// the install's reference/ folder (`import { conv2d as reference } from
// '../../../reference/ch07-convolution/conv2d.ts'`) is answered with a facade: the same exports,
// the functions wrapped by grader/reference-cache/runtime.ts's memoiseModule, keyed on the
// importing exercise and the resolved file path (so it works the same for a .ts loaded through
// tsx and for a precompiled .js). Only imports made by a spec of the install's exercises/ get the
// facade; everything else (the reference's own imports of its siblings, load-spec.ts, tests) gets
// the real module, and so does everything when DLGRADE_REFERENCE_CACHE=0 (registered by
// grader/backend/tfjs-register.mjs, after tsx, in bin/dlgrade.js and the regrade worker). Any
// problem building the facade falls back to a plain re-export: the module, uncached.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exportedNames, lazyExports, referenceSources } from './sources.mjs';

const TAG = 'dlgrade-reference-cache';
const HERE = dirname(fileURLToPath(import.meta.url));
const INSTALL_ROOT = join(HERE, '..', '..');
const REFERENCE_DIR = join(INSTALL_ROOT, 'reference');
const SPEC = /^exercises\/([^/]+)\/([^/]+)\/spec(?:\.public)?\.(?:ts|mts|js|mjs)$/;
const RUNTIME = pathToFileURL(existsSync(join(HERE, 'runtime.ts')) ? join(HERE, 'runtime.ts') : join(HERE, 'runtime.js')).href;

/** "ch07-convolution/conv2d" when `parentURL` is a spec of the install's exercises, else undefined */
function exerciseOf(parentURL) {
  if (typeof parentURL !== 'string' || !parentURL.startsWith('file:') || parentURL.includes('?')) return undefined;
  const rel = relative(INSTALL_ROOT, fileURLToPath(parentURL)).split(sep).join('/');
  const m = SPEC.exec(rel);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.DLGRADE_REFERENCE_CACHE === '0' || !resolved.url.startsWith('file:') || resolved.url.includes('?')) return resolved;
  const exercise = exerciseOf(context.parentURL);
  if (exercise === undefined) return resolved;
  const path = fileURLToPath(resolved.url);
  if (!path.startsWith(REFERENCE_DIR + sep)) return resolved;
  return { url: `${resolved.url}?${TAG}=${encodeURIComponent(exercise)}`, format: 'module', shortCircuit: true };
}

export async function load(url, context, next) {
  const at = url.indexOf(`?${TAG}=`);
  if (at < 0) return next(url, context);
  const real = url.slice(0, at);
  const exercise = decodeURIComponent(url.slice(at + TAG.length + 2));
  let source;
  try {
    source = facade(real, exercise);
  } catch {
    source = `export * from ${JSON.stringify(real)};\n`;
  }
  return { format: 'module', source, shortCircuit: true };
}

/**
 * The facade module's source for the reference `real` (the URL the facade imports it by) imported
 * by `exercise`'s spec. `file`: the reference's source file (default: real's path); `runtime`: the
 * URL of runtime.ts's module (the build tree, grader/boot/tree.mjs, gives its own). `embedded`: the
 * facade is bundled into an assignment's grader (grader/assign/bundle.ts), whose references are
 * not on disk when it runs: `{ root, salt }`, the install it is built from and the digest of what
 * else the bundle's answers depend on (its TensorFlow.js entry); the sources are digested now and
 * the key names the file by its path in that install.
 */
export function facade(real, exercise, { file = fileURLToPath(real), runtime = RUNTIME, embedded } = {}) {
  const source = readFileSync(file, 'utf8');
  // read before the module loads; the runtime reads it again after, and caches nothing if they differ
  const sources = referenceSources(file, embedded?.root ?? INSTALL_ROOT);
  const base = embedded === undefined
    ? { exercise, file, digest: sources.digest }
    : {
        exercise,
        file: relative(embedded.root, file).split(sep).join('/'),
        digest: createHash('sha256').update(`${sources.digest}\0${embedded.salt}`).digest('hex'),
        embedded: true,
        ...(sources.uncacheable !== undefined ? { uncacheable: sources.uncacheable } : {}),
      };
  const lazy = lazyExports(source);
  if (lazy !== undefined) {
    // every export a function or a literal constant: the module is imported by the runtime only
    // when an answer is missing; a constant is its literal, as the module itself would bind it
    const info = { ...base, names: lazy.names };
    const lines = [`import { lazyModule } from ${JSON.stringify(runtime)};`, `const facade = await lazyModule(() => import(${JSON.stringify(real)}), ${JSON.stringify(info)});`];
    lazy.names.forEach((name, i) => lines.push(`const v${i} = facade[${JSON.stringify(name)}];`));
    if (lazy.names.length > 0) lines.push(`export { ${lazy.names.map((name, i) => `v${i} as ${JSON.stringify(name)}`).join(', ')} };`);
    for (const c of lazy.constants) lines.push(`export const ${c.name} = ${c.literal};`);
    return lines.join('\n') + '\n';
  }
  const names = exportedNames(source);
  const info = { ...base, names };
  const lines = [
    `import * as real from ${JSON.stringify(real)};`,
    `import { memoiseModule } from ${JSON.stringify(runtime)};`,
    `export * from ${JSON.stringify(real)};`,
    `const facade = memoiseModule(real, ${JSON.stringify(info)});`,
  ];
  names.forEach((name, i) => lines.push(`const v${i} = facade[${JSON.stringify(name)}];`));
  if (names.length > 0) lines.push(`export { ${names.map((name, i) => `v${i} as ${JSON.stringify(name)}`).join(', ')} };`);
  return lines.join('\n') + '\n';
}
