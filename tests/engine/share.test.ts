/**
 * One student process per submission where it is safe (item 5: grader/sandbox/spare-pool.ts
 * `recycle`, grader/engine/steps/run-exercise.ts): a submission graded with processes shared
 * between its exercises gives exactly the result of every exercise graded in a fresh process of its
 * own (DLGRADE_SHARE=0), whatever an exercise leaves behind: a timer, a hang, a crash, a failure,
 * an untouched stub, a built-in replaced in a way the runner's check does not see. Processes are
 * shared (counted), a non-full pass in a shared process is graded again alone (counted), and no
 * process is left once a grading returns.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { ExerciseDef } from '../../grader/catalog/types.ts';
import { gradeSubmission, type GradeOptions } from '../../grader/engine/grade.ts';
import type { GradeResult } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { SparePool, sparesAllowed } from '../../grader/sandbox/spare-pool.ts';
import { liveStudentProcesses } from '../../grader/sandbox/student-process.ts';

const catalog = loadCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-share-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const def = (id: string): ExerciseDef => catalog.exercises.find((e) => e.id === id)!;
const fixture = (path: string): string => join(INSTALL_ROOT, 'tests/fixtures', path);
const solution = (id: string): string => readFileSync(def(id).solutionPath, 'utf8');
const everyExport = (id: string, body: string): string => def(id).exports.map((e) => `export function ${e.name}(): never { ${body} }\n`).join('');

/** in the catalog's order (the order they are graded in at concurrency 1), each with what it does to its process */
const CASES: [id: string, source: () => string, status: string][] = [
  // a correct exercise that leaves a timer running: its process is not recycled
  ['ch01-intro-ml/regression-metrics', () => `${solution('ch01-intro-ml/regression-metrics')}\nsetInterval(() => undefined, 60_000);\n`, 'pass'],
  ['ch01-intro-ml/confusion-matrix', () => solution('ch01-intro-ml/confusion-matrix'), 'pass'],
  // a bug: in the shared process it fails, and is graded again alone
  ['ch01-intro-ml/roc-auc', () => readFileSync(fixture('buggy/ch01-intro-ml/roc-auc/strict-threshold.ts'), 'utf8'), 'fail'],
  // the stub as handed out: never graded in a shared process
  ['ch02-math/stable-softmax', () => def('ch02-math/stable-softmax').stubSource ?? readFileSync(join(def('ch02-math/stable-softmax').dir, def('ch02-math/stable-softmax').file), 'utf8'), 'fail'],
  // correct, but replaces a lazily defined global (which the runner's check allows: Node does
  // the same on first use) with one that breaks the next exercise, which uses it
  ['ch02-math/gaussian-mle', () => `${solution('ch02-math/gaussian-mle')}\n(globalThis as any).structuredClone = () => { throw new Error('roto'); };\n`, 'pass'],
  ['ch02-math/gradient-check', () => `const __probe: number[] = structuredClone([1]);\nvoid __probe;\n${solution('ch02-math/gradient-check')}`, 'pass'],
  // every call ends the process; then one that never returns
  ['ch03-tools/zscore', () => everyExport('ch03-tools/zscore', 'process.exit(7);'), 'fail'],
  ['ch03-tools/minibatches', () => everyExport('ch03-tools/minibatches', 'for (;;) {}'), 'timeout'],
  ['ch03-tools/stratified-kfold', () => solution('ch03-tools/stratified-kfold'), 'pass'],
  ['ch04-perceptron/perceptron-rule', () => solution('ch04-perceptron/perceptron-rule'), 'pass'],
];

const dir = join(tmp, 'submission');
for (const [id, source] of CASES) {
  const d = def(id);
  mkdirSync(join(dir, d.chapter, d.name), { recursive: true });
  writeFileSync(join(dir, d.chapter, d.name, d.file), source());
}

const IDS = CASES.map(([id]) => id);
const options = (extra: Partial<GradeOptions> = {}): GradeOptions => ({ submissionDir: dir, exercises: IDS, catalog, audience: 'instructor', runs: 3, concurrency: 1, ...extra });

function comparable(result: GradeResult): unknown {
  return JSON.parse(JSON.stringify(result, (key, value: unknown) => (key === 'startedAt' || key === 'durationMs' ? undefined : value)));
}

async function graded(share: boolean, extra: Partial<GradeOptions> = {}): Promise<{ result: GradeResult; pool: SparePool }> {
  expect(liveStudentProcesses()).toBe(0);
  const before = process.env['DLGRADE_SHARE'];
  if (!share) process.env['DLGRADE_SHARE'] = '0';
  const pool = new SparePool(extra.concurrency ?? 1);
  try {
    const result = await gradeSubmission(options({ spares: pool, ...extra }));
    return { result, pool };
  } finally {
    if (before === undefined) delete process.env['DLGRADE_SHARE'];
    else process.env['DLGRADE_SHARE'] = before;
    await pool.dispose();
    expect(liveStudentProcesses()).toBe(0);
  }
}

describe.skipIf(!sparesAllowed())('one student process for several exercises of a submission', () => {
  it('gives the result of a fresh process per exercise, whatever an exercise leaves behind', async () => {
    const fresh = await graded(false);
    const shared = await graded(true);
    const sharedTwo = await graded(true, { concurrency: 2 });

    // the sample does what it is meant to, graded fresh
    for (const [id, , status] of CASES) {
      const e = fresh.result.exercises.find((x) => x.id === id)!;
      expect(`${id}: ${e.status}`).toBe(`${id}: ${status}`);
    }
    expect(fresh.pool.recycled).toBe(0);
    expect(fresh.pool.reused).toBe(0);

    // shared: processes did serve several exercises, and the failure in one was graded again alone
    expect(shared.pool.reused).toBeGreaterThanOrEqual(2);
    expect(shared.pool.redone).toBeGreaterThanOrEqual(1);
    expect(sharedTwo.pool.reused).toBeGreaterThanOrEqual(1);

    expect(comparable(shared.result)).toEqual(comparable(fresh.result));
    expect(comparable(sharedTwo.result)).toEqual(comparable(fresh.result));
  }, 300_000);

  it('a recycled process never serves another grading, even with the same pool', async () => {
    const pool = new SparePool(1);
    try {
      const a = await gradeSubmission(options({ spares: pool, exercises: ['ch01-intro-ml/confusion-matrix'] }));
      expect(a.exercises[0]!.status).toBe('pass');
      // the grading recycled its process, and ended it when it returned
      expect(pool.recycled).toBe(1);
      const b = await gradeSubmission(options({ spares: pool, exercises: ['ch03-tools/stratified-kfold'] }));
      expect(b.exercises[0]!.status).toBe('pass');
      expect(pool.reused).toBe(0);
    } finally {
      await pool.dispose();
    }
    expect(liveStudentProcesses()).toBe(0);
  }, 120_000);
});
