import { esbuild, type Plugin } from '../esbuild.ts';

const { build } = esbuild;
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ChapterDef, ExerciseDef } from '../catalog/types.ts';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { INSTALL_ROOT, toolVersion } from '../paths.ts';
import { facade } from '../reference-cache/hooks.mjs';
import { referenceSources } from '../reference-cache/sources.mjs';
import { runnerSource } from '../sandbox/runner-bundle.ts';
import { BUNDLED_WORKER_FLAG } from '../typecheck/bounded.ts';
import { stripHiddenProperties } from './strip-hidden.ts';

/**
 * Packages the bundle leaves as imports: the assignment's package.json installs them (but the
 * tfjs-node ones, which the backend selection only tries). Not the full `@tensorflow/tfjs`: the
 * bundle's TensorFlow.js is grader/assign/tfjs-lean.cjs, over these parts of it.
 */
export const BUNDLE_EXTERNALS = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  'esbuild',
  'typescript',
  'chokidar',
] as const;

/** The bundle's grader/boot/register.mjs: never imported there (no TypeScript source to load), and says so if it is. */
const NO_MODULE_HOOKS = `throw new Error('dlgrade: an assignment bundle loads no TypeScript sources (grader/boot/register.mjs is not part of it)');\n`;

/** The module of tfjs-core that tfjs-lean.cjs bundles: the chained ops (ES modules, not in its Node build). */
const TFJS_CORE_REGISTRATIONS = /^@tensorflow\/tfjs-core\/dist\/public\/chained_ops\/register_all_chained_ops$/;

/** The bundle's tfjs-package.ts: its requireTfjs() is the lean TensorFlow.js the references import. */
const TFJS_PACKAGE_MODULE = `export function requireTfjs() { return require('@tensorflow/tfjs'); }\nexport const TFJS_PACKAGE = '@tensorflow/tfjs-core';\n`;
/**
 * The install loads commander, picocolors and esbuild with require (grader/cli/commander.ts,
 * grader/report/picocolors.ts, grader/esbuild.ts: a cheaper start); the bundle imports commander
 * and picocolors, so that they are bundled in, and requires esbuild, the assignment's own
 * dependency (the banner's `require`): imported, it would be scanned for its export names at
 * every start of each thread, the type checker's too (~30 ms each).
 */
const REQUIRED_PACKAGE_STAND_INS: readonly (readonly [string, string])[] = [
  [join('grader', 'cli', 'commander.ts'), `export { Command, CommanderError, Help, Option, InvalidArgumentError } from 'commander';\n`],
  [join('grader', 'report', 'picocolors.ts'), `import pc from 'picocolors';\nexport { pc };\n`],
  [join('grader', 'esbuild.ts'), `export const esbuild = require('esbuild');\n`],
];

/** The namespace of the reference cache's facades in the bundle (a spec's import of its reference). */
const FACADE_NAMESPACE = 'dlgrade-reference-facade';

/**
 * The file a spec's relative import names, when it is a reference of the install (a `.js`
 * specifier may stand for the `.ts` beside it, as sources.mjs resolves it).
 */
function referenceImport(resolveDir: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  let path = resolve(resolveDir, specifier);
  if (!existsSync(path) && path.endsWith('.js') && existsSync(path.replace(/\.js$/, '.ts'))) path = path.replace(/\.js$/, '.ts');
  return path.startsWith(join(INSTALL_ROOT, 'reference') + sep) && existsSync(path) ? path : undefined;
}

export interface BundleOptions {
  exercises: readonly ExerciseDef[];
  chapters: readonly ChapterDef[];
}

/** The catalog entry a bundle embeds: public properties only, no paths; the stub's text, for the type check. */
function embeddedEntry(def: ExerciseDef): Record<string, unknown> {
  const { id, chapter, name, file, title, summary, exports, limits } = def;
  return {
    id, chapter, name, file, title, summary, exports, limits,
    stubSource: def.stubSource ?? readFileSync(join(def.dir, def.file), 'utf8'),
    ...(def.runs !== undefined ? { runs: def.runs } : {}),
    properties: def.properties.filter((p) => !p.hidden),
  };
}

/** Templates the bundled CLI reads at run time, copied to `.dlgrade/templates/`. */
export const BUNDLE_TEMPLATES = ['report.md.hbs'] as const;

/** Schemas the bundled CLI reads at run time (`classroom50` validates the result), copied to `.dlgrade/schema/`. */
export const BUNDLE_SCHEMAS = ['result.schema.json'] as const;

/** The bundle's own paths.ts: the same constants, the templates beside the bundle, and the version fixed at bundle time. */
function pathsModule(version: string): string {
  return `import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
export const INSTALL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXERCISES_DIR = join(INSTALL_ROOT, 'exercises');
export const REFERENCE_DIR = join(INSTALL_ROOT, 'reference');
export const SOLUTIONS_DIR = join(INSTALL_ROOT, 'solutions');
// the Markdown report's template is shipped beside the bundle (.dlgrade/templates/report.md.hbs)
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'templates');
// the schemas the bundled CLI reads are shipped beside the bundle too (.dlgrade/schema/)
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'schema');
export const SAMPLE_SUBMISSION_DIR = join(INSTALL_ROOT, 'tests', 'fixtures', 'sample-submission');
export function toolVersion() { return ${JSON.stringify(version)}; }
`;
}

/**
 * Builds `.dlgrade/grader.mjs`: the student-facing CLI, the chosen exercises' public catalog
 * entries, their specs with the hidden properties cut out of the source (so their code and the
 * helpers only they use are not in the output), the references, and the sandbox runner
 * pre-bundled. Solutions are never imported. TensorFlow.js's parts and esbuild stay external.
 */
export async function buildGraderBundle(options: BundleOptions): Promise<string> {
  const hiddenBySpec = new Map<string, string[]>();
  const specExercise = new Map<string, string>();
  for (const def of options.exercises) {
    hiddenBySpec.set(resolve(def.specPath), def.properties.filter((p) => p.hidden).map((p) => p.name));
    specExercise.set(resolve(def.specPath), def.id);
  }
  const pathsFile = resolve(INSTALL_ROOT, 'grader', 'paths.ts');
  const tfjsPackageFile = resolve(INSTALL_ROOT, 'grader', 'backend', 'tfjs-package.ts');
  const standIns = new Map(REQUIRED_PACKAGE_STAND_INS.map(([rel, code]) => [resolve(INSTALL_ROOT, rel), code] as const));
  const installRequire = createRequire(join(INSTALL_ROOT, 'package.json'));
  const runtimeFile = resolve(INSTALL_ROOT, 'grader', 'reference-cache', 'runtime.ts');
  // what a bundled reference's answers depend on beyond its sources: the bundle's own TensorFlow.js
  // entry and the tfjs-core its chained ops are bundled from (the installed packages' versions are
  // read where the bundle runs, runtime.ts)
  const salt = createHash('sha256')
    .update(readFileSync(resolve(INSTALL_ROOT, 'grader', 'assign', 'tfjs-lean.cjs')))
    .update('\0')
    .update(readFileSync(installRequire.resolve('@tensorflow/tfjs-core/package.json')))
    .digest('hex');
  /** each bundled reference → its sources' digest when its facade was made (checked again after the build) */
  const facadeDigests = new Map<string, string>();
  const plugin: Plugin = {
    name: 'dlgrade-assignment',
    setup(b) {
      // a spec's import of its reference gets the reference cache's facade, as in an install
      // (grader/reference-cache/hooks.mjs): answers already computed by an earlier check of this
      // repository are read from its cache folder, and TensorFlow.js loads only at a miss
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const exercise = specExercise.get(resolve(args.importer));
        if (exercise === undefined || args.namespace !== 'file') return undefined;
        const file = referenceImport(args.resolveDir, args.path);
        if (file === undefined) return undefined;
        // one facade per exercise and reference: the exercise is part of every key
        // (named by its path in the install: a bundle holds no path of the machine that built it)
        return { path: `${exercise}:${relative(INSTALL_ROOT, file).split(sep).join('/')}`, namespace: FACADE_NAMESPACE, pluginData: { exercise, file } };
      });
      b.onLoad({ filter: /.*/, namespace: FACADE_NAMESPACE }, (args) => {
        const { exercise, file } = args.pluginData as { exercise: string; file: string };
        facadeDigests.set(file, referenceSources(file, INSTALL_ROOT).digest);
        return { contents: facade(file, exercise, { file, runtime: runtimeFile, embedded: { root: INSTALL_ROOT, salt } }), loader: 'js', resolveDir: dirname(file) };
      });
      // every `import … from '@tensorflow/tfjs'` (the references, select.ts's ESM path) gets the lean TensorFlow.js
      b.onResolve({ filter: /^@tensorflow\/tfjs$/ }, () => ({ path: resolve(INSTALL_ROOT, 'grader', 'assign', 'tfjs-lean.cjs') }));
      // tfjs-core's chained ops are bundled (the package itself stays external)
      b.onResolve({ filter: TFJS_CORE_REGISTRATIONS }, (args) => ({ path: installRequire.resolve(args.path) }));
      // the module hooks (and tsx with them) load TypeScript sources, which a bundle never has: its
      // specs and references are embedded. Bundled, tsx would import esbuild at every start.
      b.onLoad({ filter: /[\\/]grader[\\/]boot[\\/]register\.mjs$/ }, () => ({ contents: NO_MODULE_HOOKS, loader: 'js' }));
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const file = resolve(args.path);
        if (file === pathsFile) return { contents: pathsModule(toolVersion()), loader: 'ts', resolveDir: join(INSTALL_ROOT, 'grader') };
        if (file === tfjsPackageFile) return { contents: TFJS_PACKAGE_MODULE, loader: 'js', resolveDir: join(INSTALL_ROOT, 'grader', 'backend') };
        const standIn = standIns.get(file);
        if (standIn !== undefined) return { contents: standIn, loader: 'js', resolveDir: dirname(file) };
        const hidden = hiddenBySpec.get(file);
        if (hidden !== undefined) return { contents: stripHiddenProperties(readFileSync(file, 'utf8'), hidden, file), loader: 'ts' };
        if (file.startsWith(join(INSTALL_ROOT, 'solutions') + '/')) {
          return { errors: [{ text: `the grader bundle must never contain a solution, but ${args.path} is imported` }] };
        }
        return undefined;
      });
    },
  };
  // Everything the command needs is imported dynamically, after the thread is known: this file is
  // also the type checker's thread (registerBundledTypecheckWorker), which needs only the checker,
  // and esbuild evaluates a module imported only dynamically when it is imported (its static
  // imports would run first in both threads: every spec, reference and TensorFlow.js). A spec and
  // its reference are imported when their exercise is graded (grader/engine/steps/load-spec.ts),
  // after the reference backend's selection is deferred: a check whose answers are all cached
  // loads no TensorFlow.js.
  const entries = options.exercises.map(
    (def) => `{ ...${JSON.stringify(embeddedEntry(def))}, loadSpec: () => import(${JSON.stringify(resolve(def.specPath))}), loadReference: () => import(${JSON.stringify(resolve(def.referencePath))}) }`,
  );
  const entry = `import { isMainThread, workerData } from 'node:worker_threads';
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[${JSON.stringify(BUNDLED_WORKER_FLAG)}] === true) {
  // this file started as the type checker's thread: the check is bounded here as in an install
  const { serveTypecheckWorker } = await import('./grader/typecheck/serve-worker.ts');
  await serveTypecheckWorker();
} else {
  const [{ catalogFromEmbedded, registerEmbeddedCatalog }, { runBundledCli }, { registerBundledTypecheckWorker }] = await Promise.all([
    import('./grader/catalog/load.ts'),
    import('./grader/assign/bundle-cli.ts'),
    import('./grader/typecheck/bounded.ts'),
  ]);
  registerBundledTypecheckWorker(import.meta.url);
  // the specs' imports of their references are the reference cache's facades (as the module hooks give them in an install)
  (globalThis as Record<symbol, unknown>)[Symbol.for('dlgrade.reference-cache.hooks')] = true;
  registerEmbeddedCatalog(catalogFromEmbedded({ chapters: ${JSON.stringify(options.chapters)}, exercises: [${entries.join(',\n')}] }));
  process.exitCode = await runBundledCli(process.argv);
}
`;
  try {
    const result = await build({
      stdin: { contents: entry, loader: 'ts', resolveDir: INSTALL_ROOT, sourcefile: 'dlgrade-assignment-entry.ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      treeShaking: true,
      legalComments: 'none',
      external: [...BUNDLE_EXTERNALS],
      define: { __DLGRADE_RUNNER_SOURCE__: JSON.stringify(runnerSource()) },
      // bundled CommonJS dependencies call require(): give the ESM output one
      banner: { js: "#!/usr/bin/env node\n// dlgrade self-contained grader: generated by `dlgrade assign`, do not edit.\nimport { createRequire as __dlgradeCreateRequire } from 'node:module';\nconst require = __dlgradeCreateRequire(import.meta.url);" },
      logLevel: 'silent',
      plugins: [plugin],
    });
    // a reference changed while it was bundled: its facade's digest may not be what was bundled
    for (const [file, digest] of facadeDigests) {
      if (referenceSources(file, INSTALL_ROOT).digest !== digest) throw new Error(`${file} changed while the bundle was built`);
    }
    return result.outputFiles[0]!.text;
  } catch (error: unknown) {
    throw new DlgradeError({ code: 'E_INTERNAL', message: text().errors.assign.bundle, fix: text().errors.assign.bundleFix, cause: error });
  }
}
