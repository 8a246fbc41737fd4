/**
 * What an assignment repository installs: TensorFlow.js by its parts (core, layers, the cpu and wasm
 * backends), never the full @tensorflow/tfjs nor tfjs-node, and a bundle that grades with only
 * those: gradients (tf.grads, vmap-style per-example gradients), layers models and chained ops.
 * The packages are linked from this checkout, so no npm install is needed (assign.e2e.test.ts
 * installs one from the registry).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_EXTERNALS, buildGraderBundle } from '../../grader/assign/bundle.ts';
import { assignmentPackageJson, lockedVersions, REQUIRED_PACKAGES } from '../../grader/assign/package-json.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import type { GradeResult } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

// per-example-grads: tf.grads over a batch; cnn-shapes: a tf.sequential of conv/pool layers;
// train-softmax: tf.variable, tf.train.sgd and minimize (gradients through the optimiser);
// successive-halving: chained ops (values.neg(), etaS.mul(…))
const IDS = ['ch21-jax/per-example-grads', 'ch08-classic-cnn/cnn-shapes', 'ch19-tensorflow-keras/train-softmax', 'ch18-hyperparameter-tuning/successive-halving'];
const catalog = loadCatalog();
const defs = selectExercises(catalog, IDS);
const repo = mkdtempSync(join(tmpdir(), 'dlgrade-assign-install-'));
let bundle: string;

beforeAll(async () => {
  bundle = await buildGraderBundle({ exercises: defs, chapters: catalog.chapters });
  mkdirSync(join(repo, '.dlgrade'), { recursive: true });
  writeFileSync(join(repo, '.dlgrade', 'grader.mjs'), bundle);
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'tarea', private: true, type: 'module' }));
  // node_modules holds exactly what the assignment's package.json installs
  for (const name of REQUIRED_PACKAGES) {
    mkdirSync(dirname(join(repo, 'node_modules', name)), { recursive: true });
    symlinkSync(join(INSTALL_ROOT, 'node_modules', name), join(repo, 'node_modules', name), 'dir');
  }
}, 180_000);

afterAll(() => rmSync(repo, { recursive: true, force: true }));

function grade(backend: string, ids: readonly string[]): GradeResult {
  const out = join(repo, `result-${backend}.json`);
  const r = spawnSync(process.execPath, ['.dlgrade/grader.mjs', 'grade', join(INSTALL_ROOT, 'solutions'), ...ids.flatMap((id) => ['--exercise', id]), '--runs', '10', '--json', out, '--quiet'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DLGRADE_BACKEND: backend, NO_COLOR: '1' },
  });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as GradeResult;
}

describe('an assignment repository’s install', () => {
  it('depends on TensorFlow.js by its parts, at dlgrade’s locked versions: no @tensorflow/tfjs, no tfjs-node', () => {
    const versions = lockedVersions();
    const pkg = assignmentPackageJson({ name: 'tarea', exerciseIds: IDS, lang: 'es', versions }) as { dependencies: Record<string, string>; optionalDependencies?: unknown };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['dlgrade', ...REQUIRED_PACKAGES].sort());
    expect(pkg.dependencies).not.toHaveProperty('@tensorflow/tfjs');
    expect(pkg.optionalDependencies).toBeUndefined();
    expect(JSON.stringify(pkg)).not.toMatch(/"@tensorflow\/tfjs(-node(-gpu)?)?"/);
    for (const name of REQUIRED_PACKAGES) expect(pkg.dependencies[name]).toBe(versions.get(name));
    // every external the bundle needs is installed (tfjs-node is only tried by the backend selection)
    for (const name of BUNDLE_EXTERNALS.filter((n) => !n.startsWith('@tensorflow/tfjs-node'))) expect(REQUIRED_PACKAGES).toContain(name);
  });

  it('the bundle never loads the full @tensorflow/tfjs: its references get the lean one', () => {
    expect(bundle).not.toMatch(/(from |require\(|import\()\s*"@tensorflow\/tfjs"/);
    expect(bundle).toContain('require("@tensorflow/tfjs-core")');
    expect(bundle).toContain('require("@tensorflow/tfjs-layers")');
    // the chained ops tfjs-core's Node build leaves out are bundled (tfjs-layers registers the gradients)
    expect(bundle).toContain('getGlobalTensorClass().prototype.square = function');
  });

  it('grades gradients, layers models, an optimiser and chained ops with only those packages: the solutions earn full marks (wasm)', () => {
    const result = grade('wasm', IDS);
    expect(result.backend).toBe('wasm');
    expect(result.exercises.map((e) => e.id).sort()).toEqual([...IDS].sort());
    for (const e of result.exercises) expect(`${e.id} ${e.score}/${e.maxScore} ${e.status}`).toBe(`${e.id} ${e.maxScore}/${e.maxScore} pass`);
  }, 300_000);

  it('and on the cpu backend', () => {
    const result = grade('cpu', [IDS[0]!]);
    expect(result.backend).toBe('cpu');
    expect(result.exercises.map((e) => [e.id, e.status, e.score === e.maxScore])).toEqual([[IDS[0], 'pass', true]]);
  }, 300_000);
});
