/**
 * «sin entrega» from collect to the gradebook: a student collect found nothing to grade for is a
 * status of its own in regrade's result file, its summary and the gradebook, neither an error nor
 * a submission scoring 0.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { NO_SUBMISSION, type CollectRecord } from '../../grader/collect/collect.ts';
import { classReportModel } from '../../grader/gradebook/report-model.ts';
import { mergeGradebook } from '../../grader/gradebook/merge.ts';
import { CATALOGS } from '../../grader/i18n/index.ts';
import { regrade, type RegradeSummary } from '../../grader/regrade/regrade.ts';
import { isRegradeFile, type RegradeFile } from '../../grader/regrade/result-file.ts';
import { normaliseCollect } from '../../grader/regrade/students.ts';
import { addStudent, makeAssignment, type Assignment } from './regrade-class.ts';

const CM = 'ch01-intro-ml/confusion-matrix';
const catalog = loadCatalog();
const defs = selectExercises(catalog, [CM]);

let assignment: Assignment;
let root: string;
let collected: string;
let results: string;
let summary: RegradeSummary;

/** The record `dlgrade collect` writes for a student with nothing to grade (grader/collect/collect.ts). */
function noSubmission(username: string, why: 'no-push' | 'only-provisioning'): CollectRecord {
  return {
    schema_version: 1, username, student_id: `id-${username}`, repo: `curso/tarea-${username}`, default_branch: 'main', deadline: '2026-03-01T23:59:00.000Z',
    sha: null, pushed_at: null, late_pushes: { count: 0, last_pushed_at: null, last_sha: null }, starter_commit: 'b'.repeat(40), shard: null,
    status: 'no-submission', no_submission: why, errors: [NO_SUBMISSION], collected_at: '2026-03-02T00:00:00.000Z',
  };
}

const read = (user: string): RegradeFile => JSON.parse(readFileSync(join(results, `${user}.json`), 'utf8')) as RegradeFile;

beforeAll(async () => {
  assignment = makeAssignment(defs);
  root = mkdtempSync(join(tmpdir(), 'dlgrade-no-submission-'));
  collected = join(root, 'collected');
  results = join(root, 'results');
  addStudent(collected, assignment, { username: 'alice' }, 0);
  addStudent(collected, assignment, { username: 'dave', collectFailed: 'repository curso/tarea-dave not found (or the token cannot read it)' }, 1);
  // as collect leaves them: marta's folder holds only collect.json; pedro's record sits beside the folders
  mkdirSync(join(collected, 'marta'), { recursive: true });
  writeFileSync(join(collected, 'marta', 'collect.json'), JSON.stringify(noSubmission('marta', 'only-provisioning'), null, 2) + '\n');
  writeFileSync(join(collected, 'pedro.collect.json'), JSON.stringify(noSubmission('pedro', 'no-push'), null, 2) + '\n');
  summary = await regrade({ collectedDir: collected, resultsDir: results, manifest: assignment.manifestPath, runs: 5, catalog, concurrency: 2 });
}, 300_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(assignment.dir, { recursive: true, force: true });
});

describe('regrade of a student with no submission', () => {
  it('counts them apart from the graded and the errors', () => {
    expect(summary).toMatchObject({ total: 4, graded: 1, skipped: 0, noSubmission: 2, errors: 1 });
    expect(summary.outcomes.map((o) => [o.username, o.state, o.errors.length])).toEqual([
      ['alice', 'graded', 0],
      ['dave', 'error', 1],
      ['marta', 'no-submission', 0],
      ['pedro', 'no-submission', 0],
    ]);
  });

  it('writes the status and collect’s reason, no error and no result', () => {
    for (const [user, why] of [['marta', 'only-provisioning'], ['pedro', 'no-push']] as const) {
      const file = read(user);
      expect(isRegradeFile(file)).toBe(true);
      expect(file).toMatchObject({ username: user, studentId: `id-${user}`, repo: `curso/tarea-${user}`, status: 'no-submission', noSubmission: why, errors: [] });
      expect(file.result).toBeUndefined();
      expect(file.sha).toBeUndefined();
    }
    expect(read('dave')).toMatchObject({ status: 'error', errors: ['repository curso/tarea-dave not found (or the token cannot read it)'] });
  });

  it('is «sin entrega» in the gradebook and the class report: not an error, not a 0', async () => {
    const { book, files } = await mergeGradebook([results]);
    const row = (u: string) => book.students.find((s) => s.username === u)!;
    expect(row('marta')).toMatchObject({ status: 'no-submission', errors: [], total: 0 });
    expect(row('pedro')).toMatchObject({ status: 'no-submission', errors: [] });
    expect(row('dave').status).toBe('error');
    expect(row('alice')).toMatchObject({ status: 'graded', percentage: 100 });
    const model = classReportModel(book, files, { lang: 'es' });
    expect(model.summary).toMatchObject({ students: 4, graded: 1, noSubmission: 2, errors: 1, mean: '100' });
    expect(model.students.find((s) => s.username === 'marta')?.status).toBe('sin entrega');
    expect(model.errors.map((e) => e.username)).toEqual(['dave']);
  });

  it('a rerun keeps the graded student and records «sin entrega» again', async () => {
    const again = await regrade({ collectedDir: collected, resultsDir: results, manifest: assignment.manifestPath, runs: 5, catalog, concurrency: 2 });
    expect(again).toMatchObject({ total: 4, graded: 0, skipped: 1, noSubmission: 2, errors: 1 });
  });

  it('the summary says it in both languages', () => {
    expect(CATALOGS.es.instructor.regradeSummary(4, 1, 0, 2, 1)).toBe('regrade: 4 estudiantes: 1 corregido, 0 omitidos (ya corregidos), 2 sin entrega, 1 con error\n');
    expect(CATALOGS.en.instructor.regradeSummary(4, 1, 0, 2, 1)).toBe('regrade: 4 students: 1 graded, 0 skipped (already graded), 2 with no submission, 1 with an error\n');
    expect(CATALOGS.es.instructor.regradeNoSubmission(['marta', 'pedro'])).toContain('sin entrega');
    expect(CATALOGS.es.instructor.regradeNoSubmission(['marta', 'pedro'])).toContain('marta, pedro');
  });
});

describe('collect.json', () => {
  it('reads the status and the reason; a record with only the marker is «sin entrega» too', () => {
    expect(normaliseCollect(noSubmission('marta', 'only-provisioning'))).toMatchObject({ status: 'no-submission', noSubmission: 'only-provisioning' });
    expect(normaliseCollect({ username: 'x', errors: [NO_SUBMISSION] })).toMatchObject({ status: 'no-submission' });
    expect(normaliseCollect({ username: 'x', status: 'failed', errors: ['boom'] }).noSubmission).toBeUndefined();
  });
});
