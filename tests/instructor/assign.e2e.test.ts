/**
 * dlgrade assign end to end: generate a chapter's repository, push it to a local bare remote, clone
 * it fresh, `npm install` from the registry, and run `npm test` as a student would. Slow (npm install).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, type AssignResult } from '../../grader/assign/assign.ts';
import { sha256, type AssignmentManifest } from '../../grader/assign/manifest.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { GRADER_PACKAGE } from './helpers.ts';
import { selectExercises } from '../../grader/catalog/select.ts';

const CHAPTER = 'ch07-convolution';
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-assign-e2e-'));
const remote = join(tmp, 'remote.git');
const clone = join(tmp, 'clone');
let result: AssignResult;

function sh(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  result = await assign({ selectors: [CHAPTER], out: join(tmp, 'assignment'), push: remote, graderPackage: GRADER_PACKAGE });
  execFileSync('git', ['clone', '--quiet', '--branch', 'main', remote, clone]);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dlgrade assign', () => {
  const defs = selectExercises(loadCatalog(), [CHAPTER]);

  it('commits the starter, keeps feedback there and records it in the manifest', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
    expect(git('rev-parse', 'origin/feedback')).toBe(result.starterCommit);
    expect(git('rev-parse', 'HEAD')).toBe(result.headCommit);
    expect(git('rev-parse', 'HEAD~1')).toBe(result.starterCommit);
    const manifest = JSON.parse(readFileSync(join(clone, '.dlgrade/manifest.json'), 'utf8')) as AssignmentManifest;
    expect(manifest.starterCommit).toBe(result.starterCommit);
    expect(manifest.exercises.map((e) => e.id)).toEqual(defs.map((d) => d.id));
    const paths = manifest.protected.map((p) => p.path);
    for (const p of ['.github/workflows/dlgrade.yml', 'package.json', 'package-lock.json', '.dlgrade/grader.mjs', 'README.md']) expect(paths).toContain(p);
    for (const d of defs) expect(paths).not.toContain(`exercises/${d.chapter}/${d.name}/${d.file}`);
    for (const p of manifest.protected) expect(sha256(readFileSync(join(clone, p.path))), p.path).toBe(p.sha256);
    expect(readFileSync(join(clone, '.github/workflows/dlgrade.yml'), 'utf8')).toContain(`DLGRADE_STARTER_SHA: "${result.starterCommit}"`);
    const readme = readFileSync(join(clone, 'README.md'), 'utf8');
    expect(readme).toContain('npm test');
    for (const d of defs) expect(readme).toContain(d.title.es);
    expect(statSync(join(clone, '.dlgrade/grader.mjs')).mode & 0o111).not.toBe(0);
  });

  it('the bundle holds no hidden property and no solution', () => {
    const bundle = readFileSync(join(clone, '.dlgrade/grader.mjs'), 'utf8');
    const hidden = defs.flatMap((d) => d.properties.filter((p) => p.hidden));
    expect(hidden.length).toBeGreaterThan(0);
    for (const p of hidden) {
      expect(bundle).not.toContain(p.name);
      expect(bundle).not.toContain(p.title.es);
      expect(bundle).not.toContain(p.hint.es);
    }
    // a distinctive hidden check message (conv2d's stride-subsamples)
    expect(bundle).not.toContain('debe quedarse con una de cada');
    for (const d of defs) {
      const stub = readFileSync(join(d.dir, d.file), 'utf8');
      const lines = readFileSync(d.solutionPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 30 && !stub.includes(l) && !l.startsWith('*') && !l.startsWith('//'));
      expect(lines.length, d.id).toBeGreaterThan(0);
      for (const line of lines) expect(bundle, `${d.id}: ${line}`).not.toContain(line);
    }
    // the public properties are there
    for (const d of defs) for (const p of d.properties.filter((q) => !q.hidden)) expect(bundle).toContain(p.name);
  });

  it('npm install, then npm test fails on the stubs in Spanish and passes with a solution', () => {
    const install = sh('npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], clone);
    expect(install.status, install.output).toBe(0);
    // TensorFlow.js by its parts: the full package (converter, tf.data, WebGL) and tfjs-node are not installed
    const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('@tensorflow/tfjs-core');
    expect(Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((n) => n === '@tensorflow/tfjs' || n.startsWith('@tensorflow/tfjs-node'))).toEqual([]);
    for (const absent of ['@tensorflow/tfjs', '@tensorflow/tfjs-converter', '@tensorflow/tfjs-data', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-node']) expect(existsSync(join(clone, 'node_modules', absent)), absent).toBe(false);
    // 342 MB with the full @tensorflow/tfjs and tfjs-node; ~131 MB now (docs/instructors.md)
    const kib = Number(execFileSync('du', ['-sk', join(clone, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
    expect(kib / 1024).toBeLessThan(171);
    const stubs = sh('npm', ['test'], clone);
    expect(stubs.status, stubs.output).toBe(1);
    expect(stubs.output).toContain('no está implementada');
    const conv = defs.find((d) => d.name === 'conv2d')!;
    cpSync(conv.solutionPath, join(clone, 'exercises', conv.chapter, conv.name, conv.file));
    const solved = sh('npx', ['dlgrade', 'check', conv.id], clone);
    expect(solved.status, solved.output).toBe(0);
    // full marks for the visible properties (the total follows the exercise's difficulty)
    expect(solved.output).toMatch(/conv2d — .* (\d+)\/\1\b/);
    // a reference that needs gradients (tf.grads), with the lean TensorFlow.js
    const backward = defs.find((d) => d.name === 'conv2d-backward')!;
    cpSync(backward.solutionPath, join(clone, 'exercises', backward.chapter, backward.name, backward.file));
    const grads = sh('npx', ['dlgrade', 'check', backward.id], clone);
    expect(grads.status, grads.output).toBe(0);
    expect(grads.output).not.toMatch(/✘/);
  }, 900_000);
});
