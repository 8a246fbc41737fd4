// The trusted build tree (issue 12 item 4): every TypeScript module the trusted process imports
// (grader/, the references, the specs) compiled once into plain ES modules under
// <install>/node_modules/.cache/dlgrade/tree/<id>/, their imports rewritten to point at each other,
// so bin/dlgrade.js loads the grader with no module hooks at all. Module hooks run on a thread of
// their own and every import crosses to it and back (~0.5 ms a module, ~200 modules before the
// first exercise); the tree's modules are ordinary files Node loads itself.
//
// What each module becomes is what the hooks would have given it:
// - its code: the precompiled build's transpile (precompiled-hooks.mjs transformOptions, inline
//   source map naming the .ts file), with `import.meta.url` replaced by the source's own URL, so
//   every path derived from it (INSTALL_ROOT, templates, workers) is the one the source names;
// - a relative import of another source: that module in the tree; of any other file (a .mjs, a
//   .json): that file itself, by its absolute URL (one instance, as without the tree);
// - a spec's import of a reference: the reference cache's facade (reference-cache/hooks.mjs
//   `facade`, the same text), in the tree;
// - `@tensorflow/tfjs`: the cheap facade of backend/tfjs-hooks.mjs, in the tree;
// - a package: unchanged (the tree is inside the install's node_modules, so a package resolves
//   from it exactly as from the sources).
//
// A tree is used only when it is exactly the build of the sources as they are now: its manifest
// names the build's key (the precompiled build's key, this file, the facades' sources, the
// installed TensorFlow.js, the install's path) and the SHA-256 of every source; at each start the
// sources are listed and hashed again (~20 ms) and anything different (a byte, a file added or
// removed, another TensorFlow.js) means no tree: the module hooks load the sources as before,
// until `npm run precompile` (npm's prepare) builds the tree again. DLGRADE_TREE=0 turns it off,
// and so does turning off what it builds in (DLGRADE_PRECOMPILE=0, DLGRADE_REFERENCE_CACHE=0,
// DLGRADE_TFJS_REQUIRE=0).
import { createHash, hash as oneShotHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from './atomic-write.mjs';
import { INSTALL_ROOT } from './cache-dir.mjs';

const FORMAT = 1;
const HERE = dirname(fileURLToPath(import.meta.url));
const SPEC = /^exercises\/([^/]+)\/([^/]+)\/spec(?:\.public)?\.ts$/;
const TREE = Symbol.for('dlgrade.tree');

export function treeEnabled(env = process.env) {
  return env.DLGRADE_TREE !== '0' && env.DLGRADE_PRECOMPILE !== '0' && env.DLGRADE_REFERENCE_CACHE !== '0' && env.DLGRADE_TFJS_REQUIRE !== '0';
}

/** The trees' folder: inside the install's node_modules (undefined where it has none). */
export function treesDir(root = INSTALL_ROOT) {
  const modules = join(root, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'dlgrade', 'tree') : undefined;
}

// crypto.hash (Node ≥ 20.12) is the one-shot form, ~2× faster on the ~400 small sources hashed at each start
const sha256 = (data) => (typeof oneShotHash === 'function' ? oneShotHash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex'));
const posix = (path) => path.split(sep).join('/');

/** TensorFlow.js as installed: its Node build's path, size and mtime, and its package.json (what the tfjs facade lists) */
function tfjsIdentity(root) {
  try {
    const path = createRequire(join(root, 'package.json')).resolve('@tensorflow/tfjs');
    const stat = statSync(path);
    return { path, text: `${path}\0${stat.size}\0${stat.mtimeMs}\0${sha256(readFileSync(join(dirname(path), '..', 'package.json')))}` };
  } catch {
    return undefined;
  }
}

/** Everything a tree's code depends on but the sources' bytes. */
async function treeKey(root, tfjs) {
  const { buildKey } = await import('./precompiled-hooks.mjs');
  const hash = createHash('sha256').update(`${FORMAT}\0${root}\0${buildKey()}\0${tfjs.text}\0`);
  for (const file of [fileURLToPath(import.meta.url), join(HERE, '..', 'reference-cache', 'hooks.mjs'), join(HERE, '..', 'reference-cache', 'sources.mjs'), join(HERE, '..', 'backend', 'tfjs-hooks.mjs')]) {
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The sources a tree holds, relative to the install (posix separators), each with the SHA-256 of its bytes now. */
async function sourcesNow(root) {
  const { precompileSources } = await import('./sources.mjs');
  const out = {};
  for (const path of precompileSources(root)) out[posix(relative(root, path))] = sha256(readFileSync(path));
  return out;
}

function manifestFile(dir) {
  return join(dir, 'current.json');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** the tree's module for a source (relative path), inside the tree's folder `out` */
const treePath = (out, rel) => join(out, 'modules', rel.replace(/\.ts$/, '.mjs'));

/**
 * The current tree when it is exactly the build of the sources as they are now, else undefined.
 * Reads the manifest, lists and hashes the sources, compares.
 */
export async function validTree(root = INSTALL_ROOT) {
  const dir = treesDir(root);
  if (dir === undefined) return undefined;
  const manifest = readJson(manifestFile(dir));
  if (manifest?.format !== FORMAT || typeof manifest.id !== 'string' || !/^[0-9a-f]{16}$/.test(manifest.id) || manifest.root !== root) return undefined;
  const out = join(dir, manifest.id);
  const tfjs = tfjsIdentity(root);
  if (tfjs === undefined || !existsSync(join(out, 'complete'))) return undefined;
  if (manifest.key !== (await treeKey(root, tfjs))) return undefined;
  const now = await sourcesNow(root);
  const names = Object.keys(now);
  const built = manifest.sources ?? {};
  if (names.length !== Object.keys(built).length || names.some((n) => built[n] !== now[n])) return undefined;
  return { root, out, sources: new Set(names) };
}

/**
 * Loads from the tree from now on in this process (bin/dlgrade.js, after validTree): treeUrl()
 * answers with the tree's modules, stack traces point at the .ts files (as the hooks have them) and
 * the engine knows specs get the reference cache's facades. Returns the URL of `entry` (a source,
 * relative to the install).
 */
export function useTree(tree, entry) {
  globalThis[TREE] = tree;
  process.setSourceMapsEnabled(true);
  globalThis[Symbol.for('dlgrade.reference-cache.hooks')] = true;
  return pathToFileURL(treePath(tree.out, entry)).href;
}

/** The tree this process loads from (useTree), or undefined: for a worker thread, which loads from the same one (grader/typecheck/bounded.ts). */
export function currentTree() {
  return globalThis[TREE];
}

/**
 * The URL a process's entry point imports `entry` (a source, relative to the install) by, decided
 * once at its start (bin/dlgrade.js, the regrade worker): its module in the tree when the tree is
 * exactly the build of the sources as they are now (useTree; `DLGRADE_PROFILE` shows a
 * `from-build-tree` mark), else the source itself, with the module hooks registered to load it.
 */
export async function entryUrl(entry, root = INSTALL_ROOT) {
  const built = treeEnabled() ? await validTree(root) : undefined;
  if (built) {
    performance.mark('dlgrade:from-build-tree');
    return useTree(built, entry);
  }
  await import('./register.mjs');
  await import('../backend/tfjs-register.mjs');
  return pathToFileURL(join(root, entry)).href;
}

/** The URL of `path`'s module in `tree` (`{ root, out, sources }`), or undefined when the tree does not hold it. */
export function heldUrl(tree, path) {
  const rel = posix(relative(tree.root, path));
  return tree.sources.has(rel) ? pathToFileURL(treePath(tree.out, rel)).href : undefined;
}

/**
 * The URL to import a source by: its module in the tree when this process loads from one, else
 * the source itself (through the module hooks). A .ts file the tree does not hold cannot be loaded
 * beside it (it would import a second copy of the grader): undefined then, see typeScriptLoader.
 */
export function treeUrl(path) {
  const tree = globalThis[TREE];
  return tree === undefined ? pathToFileURL(path).href : heldUrl(tree, path);
}

/**
 * Builds the tree for the sources as they are now (npm run precompile), unless the current one is
 * already theirs. Written beside, renamed into place, then named by the manifest (written
 * atomically): a process starting meanwhile sees the old tree or the new one, whole.
 */
export async function buildTree({ root = INSTALL_ROOT } = {}) {
  const dir = treesDir(root);
  if (dir === undefined) throw new Error(`no node_modules in ${root}`);
  const tfjs = tfjsIdentity(root);
  if (tfjs === undefined) throw new Error('@tensorflow/tfjs does not resolve');
  const key = await treeKey(root, tfjs);
  const sources = await sourcesNow(root);
  const id = sha256(`${key}\0${JSON.stringify(sources)}`).slice(0, 16);
  const out = join(dir, id);
  const current = readJson(manifestFile(dir));
  if (current?.id === id && existsSync(join(out, 'complete'))) return { dir, id, modules: 0, removed: 0 };
  const staging = join(dir, `${id}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  const { transpile } = await import('./precompiled-hooks.mjs');
  const { facade } = await import('../reference-cache/hooks.mjs');
  const tfjsFacade = (await import('../backend/tfjs-hooks.mjs')).facade;
  const lexer = await import('es-module-lexer');
  await lexer.init;
  const names = new Set(Object.keys(sources));
  const runtimeRel = 'grader/reference-cache/runtime.ts';
  const facades = new Map();
  const write = (file, code) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
  };
  /** what `specifier`, imported by the source `rel`, becomes in the tree (undefined: unchanged) */
  const target = (rel, specifier) => {
    const from = dirname(treePath(staging, rel));
    const relativeTo = (file) => {
      const r = posix(relative(from, file));
      return r.startsWith('.') ? r : `./${r}`;
    };
    if (specifier === '@tensorflow/tfjs') return relativeTo(join(staging, 'tfjs.mjs'));
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
    const path = resolve(root, dirname(rel), specifier);
    const targetRel = posix(relative(root, path));
    if (!names.has(targetRel)) return existsSync(path) ? pathToFileURL(path).href : undefined;
    const spec = SPEC.exec(rel);
    if (spec !== null && targetRel.startsWith('reference/')) {
      const exercise = `${spec[1]}/${spec[2]}`;
      const file = join(staging, 'facades', spec[1], spec[2], targetRel.replace(/\.ts$/, '.mjs'));
      if (!facades.has(file)) {
        const real = pathToFileURL(treePath(join(dir, id), targetRel)).href;
        const runtime = pathToFileURL(treePath(join(dir, id), runtimeRel)).href;
        facades.set(file, facade(real, exercise, { file: path, runtime }));
      }
      return relativeTo(file);
    }
    return relativeTo(treePath(staging, targetRel));
  };
  /** the tree's module of each source → how many imports it has, and the tree's modules it imports statically (for foldCatalogs) */
  const imported = new Map();
  for (const rel of names) {
    const path = join(root, rel);
    const bytes = readFileSync(path);
    let code = await transpile(path, bytes, { define: { 'import.meta.url': JSON.stringify(pathToFileURL(path).href) } });
    const [imports] = lexer.parse(code);
    const local = imports.filter((imp) => imp.n !== undefined && imp.d === -1).map((imp) => target(rel, imp.n)).filter((to) => to !== undefined && !to.startsWith('file:'));
    imported.set(treePath(staging, rel), { count: imports.length, targets: local.map((to) => resolve(dirname(treePath(staging, rel)), to)) });
    // from the end, so the earlier positions stay right
    for (const imp of [...imports].reverse()) {
      if (imp.n === undefined || imp.d === -2) continue;
      const to = target(rel, imp.n);
      if (to === undefined) continue;
      code = imp.d > -1 ? `${code.slice(0, imp.s)}${JSON.stringify(to)}${code.slice(imp.e)}` : `${code.slice(0, imp.s)}${to}${code.slice(imp.e)}`;
    }
    write(treePath(staging, rel), code);
  }
  for (const [file, code] of facades) write(file, code);
  write(join(staging, 'tfjs.mjs'), tfjsFacade(tfjs.path));
  await foldCatalogs(staging, imported);
  writeFileSync(join(staging, 'complete'), '');
  if (existsSync(join(out, 'complete'))) rmSync(staging, { recursive: true, force: true }); // another build made the same tree meanwhile
  else {
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
  }
  if (!writeFileAtomic(manifestFile(dir), JSON.stringify({ format: FORMAT, id, key, root, sources }))) throw new Error(`cannot write ${manifestFile(dir)}`);
  return { dir, id, modules: names.size, removed: pruneTrees(dir, id) };
}

/**
 * The message catalogs (grader/i18n/<lang>/<section>.ts: ~16 sections in each of two languages)
 * folded into the tree's grader/i18n/index.mjs, their only importer: one module instead of 33
 * at every start (~1 ms of CPU each, ~30 ms for a grading of five exercises). A section is folded
 * only when it is pure data as the tree holds it: it imports nothing, and no module of the tree
 * but the index imports it (tests/boot/tree.test.ts checks the sources keep to that: type
 * imports, types, and constants holding objects or functions; nothing run at load). Its
 * evaluation then cannot depend on, or change, the order in which the index's other imports run.
 * When anything does not hold, or esbuild fails, the index stays as it is (the catalogs load one
 * by one, as from the sources).
 * The folded index keeps an inline source map to the .ts files (esbuild composes the modules' own).
 */
async function foldCatalogs(staging, imported) {
  const index = treePath(staging, 'grader/i18n/index.ts');
  const catalogsDir = join(dirname(index), sep);
  const folded = imported.get(index)?.targets.filter((file) => file.startsWith(catalogsDir) && dirname(dirname(file)) === dirname(index));
  if (folded === undefined || folded.length === 0) return;
  for (const file of folded) {
    if (imported.get(file)?.count !== 0) return;
    for (const [importer, { targets }] of imported) if (importer !== index && targets.includes(file)) return;
  }
  const fold = new Set(folded);
  const { build } = await import('esbuild');
  let code;
  try {
    const result = await build({
      entryPoints: [index],
      // where the output goes (not written by esbuild): the source map's paths are relative to it
      outfile: index,
      allowOverwrite: true,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node}`,
      write: false,
      sourcemap: 'inline',
      sourcesContent: false,
      minifyWhitespace: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'dlgrade-fold-catalogs',
          setup(b) {
            // every import but the index's own catalogs stays an import, its specifier as written
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              const file = args.path.startsWith('.') ? resolve(args.resolveDir, args.path) : undefined;
              if (file !== undefined && args.importer === index && fold.has(file)) return { path: file };
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    code = result.outputFiles[0]?.text;
  } catch {
    return;
  }
  if (code !== undefined) writeFileSync(index, code);
}

/** Removes the trees other than `keep` last touched over an hour ago (a process started before may still load from one). */
function pruneTrees(dir, keep) {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (name === keep || name === 'current.json' || name.startsWith('current.json.')) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs < 3_600_000) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    } catch {
      // gone already
    }
  }
  return removed;
}

/**
 * Lets this process import TypeScript files the tree does not hold (the solutions `verify` checks,
 * another course root's specs): registers the module hooks, once, and tree-hooks.mjs, so that what
 * those files import of the grader is the tree's module, not a second copy. Nothing to do without
 * a tree (the hooks are registered already).
 */
export function typeScriptLoader() {
  const tree = globalThis[TREE];
  if (tree === undefined) return Promise.resolve();
  // one registration, which every caller waits for (gradings run concurrently)
  tree.loader ??= (async () => {
    await import('./register.mjs');
    await import('../backend/tfjs-register.mjs');
    // last registered, first asked: an import of a source the tree holds gets the tree's module
    const { register } = await import('node:module');
    register('./tree-hooks.mjs', import.meta.url, { data: { root: tree.root, out: tree.out, sources: [...tree.sources] } });
  })();
  return tree.loader;
}
