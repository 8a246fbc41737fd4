/**
 * Lazy TensorFlow.js end to end (bin/dlgrade.js registers the reference cache's hooks, so the
 * grader runs as a child process): a warm run whose reference answers are all on disk neither
 * loads TensorFlow.js nor selects a backend (DLGRADE_PROFILE: no `tfjs-loaded` mark, no tfjs
 * span), a cold run loads it at its first miss, and both give the results of a run with the cache
 * off. A reference that also exports a constant bound to a literal (focal-loss's EPSILON) keeps
 * its lazy facade: warm, it loads no TensorFlow.js either, with the same results.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';
import type { ProfileReport } from '../../grader/profile.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-lazy-grading-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const submission = join(scratch, 'submission');
const put = (id: string, from: string): void => {
  const [chapter, name] = id.split('/') as [string, string];
  mkdirSync(join(submission, chapter, name), { recursive: true });
  copyFileSync(from, join(submission, chapter, name, `${name}.ts`));
};
put('ch07-convolution/conv2d', join(FIXTURES_DIR, 'buggy', 'ch07-convolution', 'conv2d', 'flipped-kernel.ts'));
put('ch07-convolution/pooling', join(SOLUTIONS_DIR, 'ch07-convolution', 'pooling', 'pooling.ts'));
put('ch15-losses/focal-loss', join(SOLUTIONS_DIR, 'ch15-losses', 'focal-loss', 'focal-loss.ts'));

function grade(name: string, exercises: string[], env: NodeJS.ProcessEnv = {}): { result: unknown; profile: ProfileReport } {
  const json = join(scratch, `${name}.json`);
  const profile = join(scratch, `${name}.profile.json`);
  const args = ['bin/dlgrade.js', 'grade', submission, '--json', json, '-q', '--no-typecheck', ...exercises.flatMap((e) => ['-e', e])];
  const r = spawnSync(process.execPath, args, { cwd: INSTALL_ROOT, env: { ...process.env, DLGRADE_CACHE_DIR: join(scratch, 'cache'), DLGRADE_PROFILE: profile, ...env }, encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect([0, 1], r.stderr).toContain(r.status);
  return { result: JSON.parse(readFileSync(json, 'utf8')), profile: JSON.parse(readFileSync(profile, 'utf8')) as ProfileReport };
}

const stable = (result: unknown): unknown => JSON.parse(JSON.stringify(result, (key, value: unknown) => (/ms$|durationMs|startedAt|elapsed/i.test(key) ? undefined : value)));
const count = (p: ProfileReport, span: string): number => p.spans[span]?.count ?? 0;
/** TensorFlow.js loaded by the backend selection (its mark, its spans), or by anything at all (tfjs-core's engine global, seen at the end of the grading) */
const loadedTfjs = (p: ProfileReport): boolean => {
  const any = 'graded with tfjs in the process' in p.marks;
  expect(any !== 'graded without tfjs in the process' in p.marks).toBe(true);
  return 'tfjs-loaded' in p.marks || count(p, 'backend: tfjs import + init') > 0 || count(p, 'tfjs: require') > 0 || any;
};

describe('lazy TensorFlow.js with the reference cache', () => {
  it('a warm run answered from disk loads no TensorFlow.js and gives the same results', () => {
    const lazy = ['ch07-convolution/conv2d', 'ch07-convolution/pooling'];
    const off = grade('off', lazy, { DLGRADE_REFERENCE_CACHE: '0' });
    const cold = grade('cold', lazy);
    const warm = grade('warm', lazy);
    expect(loadedTfjs(off.profile)).toBe(true);
    expect(loadedTfjs(cold.profile)).toBe(true);
    expect(count(cold.profile, 'reference: tfjs loaded at a miss')).toBeGreaterThan(0);
    // the run that wrote entries pruned the store (grader/reference-cache/prune.ts)
    expect(existsSync(join(scratch, 'cache', 'reference-v1', 'last-prune'))).toBe(true);
    expect(count(warm.profile, 'reference cache: hit (lookup + copy)')).toBeGreaterThan(0);
    expect(count(warm.profile, 'reference cache: miss (reference computed)')).toBe(0);
    expect('tfjs-deferred' in warm.profile.marks).toBe(true);
    expect(loadedTfjs(warm.profile)).toBe(false);
    // the sample fails somewhere (shrinking asks the reference for new inputs) and passes somewhere
    const scores = (r: unknown) => (r as { exercises: { score: number; maxScore: number }[] }).exercises.map((e) => e.score === e.maxScore);
    expect(scores(off.result)).toEqual([false, true]);
    expect((off.result as { backend: string }).backend).toBe((warm.result as { backend: string }).backend);
    expect(stable(cold.result)).toEqual(stable(off.result));
    expect(stable(warm.result)).toEqual(stable(off.result));
  }, 300_000);

  it('a reference that also exports a literal constant stays lazy: warm, no TensorFlow.js, the same results', () => {
    const lazy = ['ch15-losses/focal-loss'];
    const off = grade('constant-off', lazy, { DLGRADE_REFERENCE_CACHE: '0' });
    const cold = grade('constant-cold', lazy);
    expect(loadedTfjs(cold.profile)).toBe(true);
    const warm = grade('constant-warm', lazy);
    expect(count(warm.profile, 'reference cache: hit (lookup + copy)')).toBeGreaterThan(0);
    expect(loadedTfjs(warm.profile)).toBe(false);
    expect(stable(cold.result)).toEqual(stable(off.result));
    expect(stable(warm.result)).toEqual(stable(off.result));
  }, 300_000);
});
