/**
 * The reference cache end to end, through the module hook (only `bin/dlgrade.js` and the regrade
 * worker register it, so the grader runs as a child process): a submission with passing solutions
 * and failing fixtures (a sync reference, an async one) is graded with the cache off, cold and warm,
 * and the results are the same; the warm run answers from the cache (DLGRADE_PROFILE's counts)
 * and computes nothing the cold run had computed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';
import type { ProfileReport } from '../../grader/profile.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-grading-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const submission = join(scratch, 'submission');
const put = (id: string, from: string): void => {
  const [chapter, name] = id.split('/') as [string, string];
  mkdirSync(join(submission, chapter, name), { recursive: true });
  copyFileSync(from, join(submission, chapter, name, `${name}.ts`));
};
put('ch01-intro-ml/confusion-matrix', join(SOLUTIONS_DIR, 'ch01-intro-ml', 'confusion-matrix', 'confusion-matrix.ts'));
put('ch01-intro-ml/roc-auc', join(FIXTURES_DIR, 'buggy', 'ch01-intro-ml', 'roc-auc', 'strict-threshold.ts'));
put('ch15-losses/dice-loss', join(SOLUTIONS_DIR, 'ch15-losses', 'dice-loss', 'dice-loss.ts'));
put('ch16-optimizers/adam', join(FIXTURES_DIR, 'buggy', 'ch16-optimizers', 'adam', 'betas-swapped.ts'));
const EXERCISES = ['ch01-intro-ml/confusion-matrix', 'ch01-intro-ml/roc-auc', 'ch15-losses/dice-loss', 'ch16-optimizers/adam'];

function grade(name: string, env: NodeJS.ProcessEnv): { result: unknown; profile: ProfileReport } {
  const json = join(scratch, `${name}.json`);
  const profile = join(scratch, `${name}.profile.json`);
  const args = ['bin/dlgrade.js', 'grade', submission, '--json', json, '-q', '--no-typecheck', ...EXERCISES.flatMap((e) => ['-e', e])];
  const r = spawnSync(process.execPath, args, { cwd: INSTALL_ROOT, env: { ...process.env, DLGRADE_CACHE_DIR: join(scratch, 'cache'), DLGRADE_PROFILE: profile, ...env }, encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect([0, 1], r.stderr).toContain(r.status);
  return { result: JSON.parse(readFileSync(json, 'utf8')), profile: JSON.parse(readFileSync(profile, 'utf8')) as ProfileReport };
}

/** the result without what changes from run to run (times, dates) */
const stable = (result: unknown): unknown => JSON.parse(JSON.stringify(result, (key, value: unknown) => (/ms$|durationMs|startedAt|elapsed/i.test(key) ? undefined : value)));
const count = (p: ProfileReport, span: string): number => p.spans[span]?.count ?? 0;

describe('grading with the reference cache', () => {
  it('gives the same results off, cold and warm, and the warm run computes nothing again', () => {
    const off = grade('off', { DLGRADE_REFERENCE_CACHE: '0' });
    const cold = grade('cold', {});
    const warm = grade('warm', {});
    expect(count(off.profile, 'reference cache: miss (reference computed)') + count(off.profile, 'reference cache: hit (lookup + copy)')).toBe(0);
    expect(count(cold.profile, 'reference cache: miss (reference computed)')).toBeGreaterThan(0);
    expect(count(warm.profile, 'reference cache: hit (lookup + copy)')).toBeGreaterThanOrEqual(count(cold.profile, 'reference cache: miss (reference computed)'));
    expect(count(warm.profile, 'reference cache: miss (reference computed)')).toBe(0);
    const scores = (r: unknown) => (r as { exercises: { id: string; score: number; maxScore: number }[] }).exercises.map((e) => [e.id, e.score, e.maxScore]);
    // the sample really has failing exercises and passing ones
    expect(scores(off.result).some(([, s, m]) => s === m)).toBe(true);
    expect(scores(off.result).filter(([, s, m]) => s !== m).length).toBeGreaterThanOrEqual(2);
    expect(stable(cold.result)).toEqual(stable(off.result));
    expect(stable(warm.result)).toEqual(stable(off.result));
  }, 300_000);
});
