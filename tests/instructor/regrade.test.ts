import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { mergeGradebook } from '../../grader/gradebook/merge.ts';
import type { Gradebook } from '../../grader/gradebook/model.ts';
import { descendantsOf } from '../../grader/regrade/children.ts';
import { regrade, type RegradeOptions } from '../../grader/regrade/regrade.ts';
import type { RegradeFile } from '../../grader/regrade/result-file.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { addStudent, makeAssignment, WORKFLOW, type Assignment, type StudentSpec } from './regrade-class.ts';
import { t } from '../../grader/i18n/index.ts';

const CHAPTER = 'ch01-intro-ml';
const CM = `${CHAPTER}/confusion-matrix`;
const ROC = `${CHAPTER}/roc-auc`;
const RUNS = 5;
const catalog = loadCatalog();
// two exercises of the chapter (authors may add more to it)
const defs = selectExercises(catalog, [CM, ROC]);

let assignment: Assignment;
let root: string;
let collected: string;
let roster: string;

const graded = ['alice', 'bob', 'carol', 'erin', 'hank', 'ivy'];

beforeAll(() => {
  assignment = makeAssignment(defs);
  root = mkdtempSync(join(tmpdir(), 'dlgrade-regrade-test-'));
  collected = join(root, 'collected');
  const bug = join(INSTALL_ROOT, 'tests/fixtures/buggy', ROC, 'rectangle-rule.ts');
  const specs: StudentSpec[] = [
    { username: 'alice' },
    { username: 'bob', answers: { [ROC]: 'stub' as const } },
    {
      username: 'carol',
      overwrite: {
        'README.md': '# Tarea (editado)\n',
        [WORKFLOW]: 'name: dlgrade\non: push\njobs:\n  grade:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo 100/100\n',
        '.github/workflows/fake.yml': 'name: fake\n',
        // not allow-listed: never reaches the grading
        'package.json': '{ "name": "tarea", "scripts": { "test": "echo ok" } }\n',
      },
    },
    { username: 'dave', collectFailed: 'repository curso/tarea-dave not found (or the token cannot read it)' },
    { username: 'Erin', latePushes: 2, answers: { [ROC]: { fixture: bug } } },
    { username: 'hank', answers: { [CM]: 'absent' as const } },
    { username: 'ivy', answers: { [CM]: 'stub' as const, [ROC]: 'stub' as const } },
  ];
  specs.forEach((s, i) => addStudent(collected, assignment, s, i));
  roster = join(root, 'roster.csv');
  writeFileSync(roster, 'github_username,student_id,name,email\nfrank,A9999,Frank,f@example.com\nalice,A0000,Alice,a@example.com\nErin,A0004,Erin,e@example.com\n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(assignment.dir, { recursive: true, force: true });
});

const options = (out: string, extra: Partial<RegradeOptions> = {}): RegradeOptions => ({
  collectedDir: collected,
  resultsDir: out,
  manifest: assignment.manifestPath,
  students: [{ username: 'frank', studentId: 'A9999' }],
  runs: RUNS,
  catalog,
  concurrency: 2,
  ...extra,
});

const read = (dir: string, user: string): RegradeFile => JSON.parse(readFileSync(join(dir, `${user}.json`), 'utf8')) as RegradeFile;
const comparable = (book: Gradebook): unknown => ({ ...book, students: book.students.map(({ gradedAt: _g, ...rest }) => rest), duplicates: [] });

describe('dlgrade regrade', () => {
  let full: string;
  let fullBook: Gradebook;

  it('grades a class (interrupted with SIGINT halfway through, then resumed) and the finished students are not regraded', async () => {
    const out = join(root, 'interrupted');
    const args = ['bin/dlgrade.js', 'regrade', collected, '--out', out, '--manifest', assignment.manifestPath, '--roster', roster, '--runs', String(RUNS), '--concurrency', '1'];
    const child = spawn(process.execPath, args, { cwd: INSTALL_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const gradedFiles = (): string[] => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json') && graded.includes(f.slice(0, -5).toLowerCase())) : []);
    // wait for the first two graded students, then interrupt
    const deadline = Date.now() + 240_000;
    while (gradedFiles().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // the grading workers and, below them, the sandboxed student processes
    const sandboxes = descendantsOf(child.pid!);
    expect(sandboxes.length).toBeGreaterThan(0);
    const sandboxDirs = sandboxes.flatMap((pid) => {
      try {
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        return cwd.includes('dlgrade-sandbox-') ? [cwd] : [];
      } catch {
        return [];
      }
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // the student processes of the gradings in flight do not outlive it
    await new Promise((r) => setTimeout(r, 500));
    for (const pid of sandboxes) expect(existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')).toBe(false);
    for (const dir of sandboxDirs) expect(existsSync(dir)).toBe(false);
    expect(stderr).toMatch(/interrumpido/);
    const before = gradedFiles();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(graded.length);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const mtimes = new Map(before.map((f) => [f, statSync(join(out, f)).mtimeMs]));

    const resumed = await regrade(options(out, { students: [{ username: 'frank', studentId: 'A9999' }, { username: 'alice', studentId: 'A0000' }, { username: 'Erin', studentId: 'A0004' }] }));
    expect(resumed.skipped).toBe(before.length);
    for (const [f, m] of mtimes) expect(statSync(join(out, f)).mtimeMs).toBe(m);
    expect(gradedFiles().length).toBe(graded.length);

    // an uninterrupted run of the same class gives the same gradebook
    full = join(root, 'full');
    const summary = await regrade(options(full));
    expect(summary).toMatchObject({ total: 8, graded: 6, skipped: 0, errors: 2 });
    fullBook = (await mergeGradebook([full])).book;
    expect(comparable((await mergeGradebook([out])).book)).toEqual(comparable(fullBook));
  }, 600_000);

  it('records the right numbers and flags per student', () => {
    const alice = read(full, 'alice');
    expect(alice).toMatchObject({ status: 'graded', late: false, tamper: [], errors: [], username: 'alice', studentId: 'A0000' });
    expect(alice.result?.audience).toBe('instructor');
    expect(alice.result?.exercises.some((e) => e.properties.some((p) => p.hidden))).toBe(true);
    expect(alice.result?.score).toBe(alice.result?.maxScore);
    expect(alice.result?.commit).toBe(alice.sha);

    const bob = read(full, 'bob');
    const bobScores = Object.fromEntries(bob.result!.exercises.map((e) => [e.id, e.score]));
    expect(bobScores[ROC]).toBe(0);
    expect(bobScores[CM]).toBe(bob.result!.exercises.find((e) => e.id === CM)!.maxScore);

    const carol = read(full, 'carol');
    expect(carol.result?.score).toBe(carol.result?.maxScore); // graded all the same: only exercise files are used
    expect(carol.tamper).toEqual([
      { path: '.github/workflows/dlgrade.yml', kind: 'modified', workflow: true },
      { path: 'README.md', kind: 'modified', workflow: false },
      { path: 'package.json', kind: 'modified', workflow: false },
      { path: '.github/workflows/fake.yml', kind: 'added', workflow: true },
    ]);

    const dave = read(full, 'dave');
    expect(dave).toMatchObject({ status: 'error', errors: ['repository curso/tarea-dave not found (or the token cannot read it)'] });
    expect(dave.result).toBeUndefined();

    const frank = read(full, 'frank');
    expect(frank).toMatchObject({ status: 'error', studentId: 'A9999' });
    expect(frank.errors[0]).toBe(t('es').regrade.student.noCheckout('frank'));

    const erin = read(full, 'erin');
    expect(erin).toMatchObject({ username: 'Erin', late: true, latePushes: 2, status: 'graded', tamper: [] });
    expect(erin.result!.exercises.find((e) => e.id === ROC)!.score).toBeLessThan(erin.result!.exercises.find((e) => e.id === ROC)!.maxScore);

    const hank = read(full, 'hank');
    expect(hank.result!.exercises.find((e) => e.id === CM)).toMatchObject({ reason: 'not-submitted', score: 0 });
    expect(read(full, 'ivy').result!.score).toBe(0);

    const rows = Object.fromEntries(fullBook.students.map((s) => [s.username, s]));
    expect(rows['carol']).toMatchObject({ tampered: true, late: false, percentage: 100 });
    expect(rows['Erin']).toMatchObject({ late: true, tampered: false });
    expect(rows['bob']!.percentage).toBe(50);
    expect(rows['dave']).toMatchObject({ status: 'error', total: 0 });
  });

  it('a rerun skips every graded student; --force regrades; settings changes regrade', async () => {
    const again = await regrade(options(full, { concurrency: 1, exercises: [] }));
    expect(again).toMatchObject({ skipped: 6, graded: 0, errors: 2 });
    const changed = await regrade(options(full, { concurrency: 1, students: [], seed: 7, shard: { index: 1, count: 8 } }));
    // shard 1/8 of the 7 folders sorted case-insensitively: alice
    expect(changed.outcomes.map((o) => [o.username, o.state])).toEqual([['alice', 'graded']]);
    expect(read(full, 'alice').settings.seed).toBe(7);
    const forced = await regrade(options(full, { concurrency: 1, students: [], seed: 7, shard: { index: 1, count: 8 }, force: true }));
    expect(forced.outcomes.map((o) => [o.username, o.state])).toEqual([['alice', 'graded']]);
  }, 300_000);

  it('shards 1/2 and 2/2, merged, equal the unsharded run', async () => {
    const one = join(root, 'shard-1');
    const two = join(root, 'shard-2');
    const s1 = await regrade(options(one, { shard: { index: 1, count: 2 } }));
    const s2 = await regrade(options(two, { shard: { index: 2, count: 2 } }));
    expect(s1.total + s2.total).toBe(8);
    expect(new Set([...readdirSync(one), ...readdirSync(two)]).size).toBe(8);
    // the unsharded run again with the default settings (the previous test changed alice's seed)
    await regrade(options(full, { concurrency: 1 }));
    const merged = (await mergeGradebook([one, two])).book;
    expect(comparable(merged)).toEqual(comparable((await mergeGradebook([full])).book));
    // a student in two folders: the newest kept, reported
    const dup = await mergeGradebook([one, two, full]);
    expect(dup.book.duplicates.map((d) => d.username).sort()).toEqual(['Erin', 'alice', 'bob', 'carol', 'dave', 'frank', 'hank', 'ivy']);
  }, 600_000);
});
