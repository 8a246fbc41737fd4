/**
 * Student processes started ahead (grader/sandbox/spare-pool.ts) change nothing in a result: the
 * same submission (solutions, buggy fixtures, an exercise that hangs, one whose process crashes
 * in every call, one that does not compile, one not submitted) graded with the pool off
 * (DLGRADE_PRESTART=0 / prestart: false), with a grading's own pool, and with a pool kept across
 * gradings gives the same results. The student processes alive at once are counted (from each
 * spawn to its exit), never timed: at most the concurrency without the pool, at most concurrency
 * + PRESTART_EXTRA with it, and none left once a grading returns. A restart after a crash never
 * takes a spare.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { ExerciseDef } from '../../grader/catalog/types.ts';
import { gradeSubmission, type GradeOptions } from '../../grader/engine/grade.ts';
import type { GradeResult } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { PRESTART_EXTRA, SparePool, sparesAllowed, sparesStarted, startEarlySpare, takeEarlyPool } from '../../grader/sandbox/spare-pool.ts';
import { runShutdown } from '../../grader/shutdown.ts';
import { liveStudentProcesses, mostLiveStudentProcesses, resetMostLive } from '../../grader/sandbox/student-process.ts';

const catalog = loadCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-prestart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const def = (id: string): ExerciseDef => catalog.exercises.find((e) => e.id === id)!;
const place = (dir: string, d: ExerciseDef, source: string): void => {
  mkdirSync(join(dir, d.chapter, d.name), { recursive: true });
  writeFileSync(join(dir, d.chapter, d.name, d.file), source);
};
const fixture = (path: string): string => join(INSTALL_ROOT, 'tests/fixtures', path);

const CRASHES = 'ch07-convolution/conv2d';
const HANGS = 'ch15-losses/dice-loss';
const BROKEN = 'ch05-training/dropout';
const ABSENT = 'ch16-optimizers/adam';
const IDS = ['ch01-intro-ml/confusion-matrix', 'ch01-intro-ml/regression-metrics', 'ch01-intro-ml/roc-auc', HANGS, CRASHES, BROKEN, ABSENT];

function submission(): string {
  const dir = join(tmp, 'submission');
  const copy = (d: ExerciseDef, from: string): void => {
    mkdirSync(join(dir, d.chapter, d.name), { recursive: true });
    cpSync(from, join(dir, d.chapter, d.name, d.file));
  };
  copy(def('ch01-intro-ml/confusion-matrix'), fixture('buggy/ch01-intro-ml/confusion-matrix/transposed.ts'));
  copy(def('ch01-intro-ml/regression-metrics'), def('ch01-intro-ml/regression-metrics').solutionPath);
  copy(def('ch01-intro-ml/roc-auc'), fixture('buggy/ch01-intro-ml/roc-auc/strict-threshold.ts'));
  copy(def(HANGS), fixture('hostile/infinite-loop.ts'));
  // every call ends the student's process: restarted, then the exercise graded once more
  place(dir, def(CRASHES), def(CRASHES).exports.map((e) => `export function ${e.name}(): never { process.exit(7); }\n`).join(''));
  place(dir, def(BROKEN), 'export function (\n');
  return dir;
}

const dir = submission();
const CONCURRENCY = 2;
const options = (extra: Partial<GradeOptions> = {}): GradeOptions => ({ submissionDir: dir, exercises: IDS, catalog, audience: 'instructor', runs: 3, concurrency: CONCURRENCY, ...extra });

/** a result without what differs between two gradings of the same submission: when, and how long (of the result, each exercise, each property) */
function comparable(result: GradeResult): unknown {
  return JSON.parse(JSON.stringify(result, (key, value: unknown) => (key === 'startedAt' || key === 'durationMs' ? undefined : value)));
}

async function graded(extra: Partial<GradeOptions>): Promise<{ result: GradeResult; most: number }> {
  expect(liveStudentProcesses()).toBe(0);
  resetMostLive();
  const result = await gradeSubmission(options(extra));
  return { result, most: mostLiveStudentProcesses() };
}

describe.skipIf(!sparesAllowed())('student processes started ahead', () => {
  it('give the same results as none, within concurrency + PRESTART_EXTRA live processes, none left after', async () => {
    const off = await graded({ prestart: false });
    expect(liveStudentProcesses()).toBe(0);
    const startedBefore = sparesStarted();
    const own = await graded({});
    const ownStarted = sparesStarted() - startedBefore;
    expect(liveStudentProcesses()).toBe(0);
    const kept = new SparePool();
    const withKept = await graded({ spares: kept });
    // a kept pool prepares the next grading's first exercise, and nothing more
    expect(kept.size).toBeLessThanOrEqual(1);
    expect(kept.taken).toBeGreaterThan(0);
    await kept.dispose();
    expect(liveStudentProcesses()).toBe(0);

    // the sample does what it is meant to
    const byId = (r: GradeResult, id: string) => r.exercises.find((e) => e.id === id)!;
    expect(byId(off.result, 'ch01-intro-ml/regression-metrics').status).toBe('pass');
    expect(byId(off.result, 'ch01-intro-ml/confusion-matrix').status).toBe('fail');
    expect(byId(off.result, HANGS).status).toBe('timeout');
    expect(byId(off.result, CRASHES).reason).toBe('crash');
    expect(byId(off.result, BROKEN).reason).toBe('compile-error');
    expect(byId(off.result, ABSENT).reason).toBe('not-submitted');

    expect(comparable(own.result)).toEqual(comparable(off.result));
    expect(comparable(withKept.result)).toEqual(comparable(off.result));

    // counted, not timed: without spares one process per exercise slot; with them a few more,
    // never above the bound (the first spares start before any exercise, so the pool is used; a
    // grading's own pool starts none that a process handed on would serve, so it may stay at the
    // concurrency, a kept pool plans for every exercise left)
    expect(off.most).toBeLessThanOrEqual(CONCURRENCY);
    expect(ownStarted).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(own.most).toBeLessThanOrEqual(CONCURRENCY + PRESTART_EXTRA);
    expect(withKept.most).toBeGreaterThan(CONCURRENCY);
    expect(withKept.most).toBeLessThanOrEqual(CONCURRENCY + PRESTART_EXTRA);
  }, 300_000);

  it("a grading's own pool starts no spare that a process handed on makes useless; a kept pool and no sharing still do", async () => {
    const ids = ['ch01-intro-ml/confusion-matrix', 'ch01-intro-ml/regression-metrics', 'ch01-intro-ml/roc-auc', 'ch02-math/stable-softmax'];
    const correct = join(tmp, 'correct');
    for (const id of ids) {
      mkdirSync(join(correct, def(id).chapter, def(id).name), { recursive: true });
      cpSync(def(id).solutionPath, join(correct, def(id).chapter, def(id).name, def(id).file));
    }
    const off = await graded({ submissionDir: correct, exercises: ids, prestart: false });
    expect(off.result.exercises.map((e) => e.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    // its own pool, sharing on: one process per slot, the third and fourth exercises take the
    // processes the first two hand on (a spare for them would be ended unused)
    const before = sparesStarted();
    const own = await graded({ submissionDir: correct, exercises: ids });
    expect(comparable(own.result)).toEqual(comparable(off.result));
    expect(own.most).toBe(CONCURRENCY);
    expect(sparesStarted() - before).toBe(CONCURRENCY);
    expect(liveStudentProcesses()).toBe(0);
    // a kept pool plans every exercise left (what is left over serves the next grading)
    const kept = new SparePool();
    const withKept = await graded({ submissionDir: correct, exercises: ids, spares: kept });
    expect(comparable(withKept.result)).toEqual(comparable(off.result));
    expect(withKept.most).toBe(CONCURRENCY + PRESTART_EXTRA);
    await kept.dispose();
    // no sharing: every exercise needs a fresh process, so the pool starts them ahead as before
    process.env['DLGRADE_SHARE'] = '0';
    try {
      const alone = await graded({ submissionDir: correct, exercises: ids });
      expect(comparable(alone.result)).toEqual(comparable(off.result));
      expect(alone.most).toBe(CONCURRENCY + PRESTART_EXTRA);
    } finally {
      delete process.env['DLGRADE_SHARE'];
    }
    expect(liveStudentProcesses()).toBe(0);
  }, 180_000);

  it('DLGRADE_PRESTART=0 starts no spare', async () => {
    process.env['DLGRADE_PRESTART'] = '0';
    try {
      const kept = new SparePool();
      const { result, most } = await graded({ exercises: ['ch01-intro-ml/regression-metrics', 'ch01-intro-ml/roc-auc'], spares: kept, concurrency: 1 });
      expect(result.exercises.map((e) => e.status)).toEqual(['pass', 'fail']);
      expect(kept.started).toBe(0);
      expect(most).toBe(1);
    } finally {
      delete process.env['DLGRADE_PRESTART'];
    }
  }, 120_000);

  it('the spare started before the command loaded (grade, check) is the grading\'s first; one nobody takes ends at shutdown', async () => {
    const ids = ['ch01-intro-ml/regression-metrics', 'ch01-intro-ml/roc-auc'];
    const off = await graded({ exercises: ids, prestart: false });
    startEarlySpare(256);
    startEarlySpare(256); // once
    expect(liveStudentProcesses()).toBe(1);
    resetMostLive();
    const early = await gradeSubmission(options({ exercises: ids }));
    expect(takeEarlyPool()).toBeUndefined(); // the grading took it (and ended it with itself)
    expect(liveStudentProcesses()).toBe(0);
    expect(mostLiveStudentProcesses()).toBeLessThanOrEqual(CONCURRENCY + PRESTART_EXTRA);
    expect(comparable(early)).toEqual(comparable(off.result));

    startEarlySpare(256);
    expect(liveStudentProcesses()).toBe(1);
    await runShutdown(); // an error before any grading (a bad option, an unknown exercise)
    expect(liveStudentProcesses()).toBe(0);
    expect(takeEarlyPool()).toBeUndefined();

    process.env['DLGRADE_PRESTART'] = '0';
    try {
      startEarlySpare(256);
      expect(liveStudentProcesses()).toBe(0);
      expect(takeEarlyPool()).toBeUndefined();
    } finally {
      delete process.env['DLGRADE_PRESTART'];
    }
  }, 120_000);

  it('a restart after a crash never takes a spare, though one is waiting', async () => {
    const kept = new SparePool();
    const { result, most } = await graded({ exercises: [CRASHES], spares: kept, concurrency: 1 });
    expect(result.exercises[0]!.reason).toBe('crash');
    // the first start took one; the restarts and the second grading started their own
    expect(kept.taken).toBe(1);
    expect(kept.size).toBe(1); // the spare they could have taken
    expect(most).toBeLessThanOrEqual(1 + PRESTART_EXTRA);
    await kept.dispose();
    expect(liveStudentProcesses()).toBe(0);
  }, 120_000);
});
