/** The grader bundle, built directly (fast; the end-to-end test installs and runs one). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraderBundle } from '../../grader/assign/bundle.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import type { ExerciseDef } from '../../grader/catalog/types.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

let bundle: string;
let defs: ExerciseDef[];

beforeAll(async () => {
  const catalog = loadCatalog();
  defs = selectExercises(catalog, ['ch07-convolution/conv2d', 'ch15-losses/dice-loss', 'ch23-computer-vision/box-iou']);
  bundle = await buildGraderBundle({ exercises: defs, chapters: catalog.chapters });
}, 120_000);

describe('the self-contained grader bundle', () => {
  it('holds no hidden property: not its name, title, hint or check', () => {
    const hidden = defs.flatMap((d) => d.properties.filter((p) => p.hidden));
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const p of hidden) {
      expect(bundle).not.toContain(`"${p.name}"`);
      expect(bundle).not.toContain(`'${p.name}'`);
      expect(bundle).not.toContain(p.title.es);
      expect(bundle).not.toContain(p.hint.en);
    }
    expect(bundle).not.toContain('debe quedarse con una de cada');
  });

  it('holds no solution code, and holds the public properties, the references and the runner', () => {
    for (const d of defs) {
      const stub = readFileSync(`${d.dir}/${d.file}`, 'utf8');
      const lines = readFileSync(d.solutionPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 30 && !stub.includes(l) && !/^(\*|\/\/|\/\*)/.test(l));
      for (const line of lines) expect(bundle, `${d.id}: ${line}`).not.toContain(line);
      for (const p of d.properties.filter((q) => !q.hidden)) expect(bundle).toContain(p.name);
    }
    // TensorFlow.js by its parts (grader/assign/tfjs-lean.cjs), never the full package
    expect(bundle).toContain('require("@tensorflow/tfjs-core")');
    // nothing loads the full package (a resolve check that looks for it, and falls back when it is absent, may name it)
    expect(bundle).not.toMatch(/(require|import)\(\s*"@tensorflow\/tfjs"\s*\)|from\s*"@tensorflow\/tfjs"/);
    expect(bundle).not.toContain('__DLGRADE_RUNNER_SOURCE__');
    // commander and picocolors are bundled in (an assignment does not install them), though the
    // install loads them with require (grader/cli/commander.ts, grader/report/picocolors.ts)
    expect(bundle).not.toMatch(/\(\s*["'](commander|picocolors)["']\s*\)/);
    expect(bundle).toContain('node_modules/commander/lib/error.js');
    // no absolute path of the machine that built it, and no module from solutions/
    expect(bundle).not.toContain(INSTALL_ROOT);
    expect(bundle).not.toMatch(/^\/\/ solutions\//m);
  });

  it('starts cheaply in each of its threads: no tsx, esbuild required, chokidar and the exercises imported only when needed', () => {
    // tsx and the module hooks load TypeScript sources, which a bundle never has
    expect(bundle).not.toMatch(/^\/\/ node_modules\/tsx\//m);
    // a static import of esbuild (CommonJS) would be scanned for its names at every start of each thread
    expect(bundle).not.toMatch(/^import[^;]*from\s*"esbuild"/m);
    expect(bundle).toContain('__require("esbuild")');
    // chokidar only for a watcher
    expect(bundle).not.toMatch(/^import[^;]*from\s*"chokidar"/m);
    expect(bundle).toContain('import("chokidar")');
    // the entry decides the thread before it loads anything: the type checker's thread takes the checker only
    const entry = bundle.slice(bundle.indexOf('// dlgrade-assignment-entry.ts'));
    expect(entry).toMatch(/^\/\/ dlgrade-assignment-entry\.ts\nimport \{ isMainThread, workerData \} from "node:worker_threads";\nif \(!isMainThread/);
    expect(entry.slice(0, entry.indexOf('} else {'))).not.toMatch(/init_spec|init_bundle_cli|init_load\b/);
  });

  it('type-checks like an install: an ordinary type error reported, a type bomb stops the check, not the grading', () => {
    // beside the install, so that the bundle's externals (TensorFlow.js's parts) resolve
    const dir = mkdtempSync(join(INSTALL_ROOT, '.bundle-typecheck-'));
    try {
      mkdirSync(join(dir, '.dlgrade'));
      writeFileSync(join(dir, '.dlgrade', 'grader.mjs'), bundle);
      mkdirSync(join(dir, 'exercises', 'ch15-losses', 'dice-loss'), { recursive: true });
      copyFileSync(join(INSTALL_ROOT, 'tests/fixtures/hostile/typecheck/type-bomb.ts'), join(dir, 'exercises', 'ch15-losses', 'dice-loss', 'dice-loss.ts'));
      // and a file with an ordinary type error, which the checker's thread (the bundle itself) reports
      mkdirSync(join(dir, 'exercises', 'ch07-convolution', 'conv2d'), { recursive: true });
      writeFileSync(join(dir, 'exercises', 'ch07-convolution', 'conv2d', 'conv2d.ts'), `${readFileSync(join(INSTALL_ROOT, 'solutions/ch07-convolution/conv2d/conv2d.ts'), 'utf8')}\nconst wrongType: number = 'not a number';\n`);
      // unbounded, tsc would take the better part of an hour on this file
      const r = spawnSync(process.execPath, ['.dlgrade/grader.mjs', 'check', 'ch15-losses/dice-loss', 'ch07-convolution/conv2d'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, DLGRADE_TYPECHECK_CPU_MS: '3000', DLGRADE_LANG: '', NO_COLOR: '1' },
      });
      const output = `${r.stdout}${r.stderr}`;
      expect(r.status, output).toBe(0);
      expect(output).toMatch(/la comprobación de tipos se detuvo: llevaba \d+ s( de CPU)? sin terminar/);
      expect(output).toMatch(/dice-loss — .* (\d+)\/\1\b/);
      expect(output).toMatch(/conv2d — .* (\d+)\/\1\b/);
      expect(output).toMatch(/conv2d\.ts:\d+:7 {2}TypeScript dice \(TS2322\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("answers from its own reference cache: a later check loads no TensorFlow.js, and every result is the cache's off", () => {
    // beside the install, so that the bundle's externals (TensorFlow.js's parts) resolve
    const dir = mkdtempSync(join(INSTALL_ROOT, '.bundle-refcache-'));
    try {
      mkdirSync(join(dir, '.dlgrade'));
      writeFileSync(join(dir, '.dlgrade', 'grader.mjs'), bundle);
      const put = (id: string, file: string, from: string): void => {
        mkdirSync(join(dir, 'exercises', id), { recursive: true });
        copyFileSync(join(INSTALL_ROOT, from), join(dir, 'exercises', id, file));
      };
      put('ch07-convolution/conv2d', 'conv2d.ts', 'solutions/ch07-convolution/conv2d/conv2d.ts');
      put('ch23-computer-vision/box-iou', 'box-iou.ts', 'solutions/ch23-computer-vision/box-iou/box-iou.ts');
      const check = (env: Record<string, string> = {}): { output: string; profile: string } => {
        const r = spawnSync(process.execPath, ['.dlgrade/grader.mjs', 'check', 'ch07-convolution/conv2d', 'ch23-computer-vision/box-iou', 'ch15-losses/dice-loss'], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 240_000,
          env: { ...process.env, DLGRADE_PROFILE: '1', DLGRADE_LANG: '', NO_COLOR: '1', ...env },
        });
        expect(r.status, `${r.stdout}${r.stderr}`).toBe(1); // dice-loss is wrong
        // the report without its timing (the profile goes to stderr)
        return { output: r.stdout.replace(/corregido en [\d.]+ m?s/g, 'corregido en …'), profile: r.stderr };
      };
      // dice-loss with a bug its properties find: its shrinking asks the reference for new inputs
      put('ch15-losses/dice-loss', 'dice-loss.ts', 'tests/fixtures/buggy/ch15-losses/dice-loss/squared-denominator.ts');
      const off = check({ DLGRADE_REFERENCE_CACHE: '0' });
      expect(off.output).toMatch(/dice-loss — /);
      expect(off.profile).not.toMatch(/reference cache: hit/);
      const cold = check();
      // the cache is the repository's own, in its node_modules (where an install keeps tools' caches)
      const store = join(dir, 'node_modules', '.cache', 'dlgrade', 'reference-v1');
      expect(existsSync(store) && readdirSync(store).length > 0).toBe(true);
      expect(cold.output).toBe(off.output);
      expect(cold.profile).toMatch(/reference cache: miss/);
      // the same files again: every answer from the cache but the buggy one's shrinking, found there too now
      const warm = check();
      expect(warm.output).toBe(off.output);
      expect(warm.profile).toMatch(/reference cache: hit/);
      expect(warm.profile).toMatch(/graded without tfjs in the process/);
      expect(warm.profile).not.toMatch(/reference cache: miss/);
      // a new bug in dice-loss: new inputs to shrink, so TensorFlow.js loads at the first miss, and the result is still the cache's off
      put('ch15-losses/dice-loss', 'dice-loss.ts', 'tests/fixtures/buggy/ch15-losses/dice-loss/per-pixel-mean.ts');
      const changedOff = check({ DLGRADE_REFERENCE_CACHE: '0' });
      const changed = check();
      expect(changed.output).toBe(changedOff.output);
      expect(changed.output).not.toBe(off.output);
      expect(changed.profile).toMatch(/reference: tfjs loaded at a miss/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
