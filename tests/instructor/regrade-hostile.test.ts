/**
 * One student cannot stop a class: a regrade of honest students (the model solution as their
 * files) with hostile ones among them (killing the parent, killing every visible pid, SIGSTOP and
 * SIGUSR1 to the parent, a hang, symbolic links to a classmate's folder and to the solutions).
 * Every honest classmate gets full marks, each hostile one 0 or an error, every result is
 * written, and no worker or student process is left behind. Then the worker's own faults: a
 * grading that dies or hangs is an `error` result for that student only (a grader error, retried
 * on the next run, a bounded number of times), and a weak sandbox is refused unless allowed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { buildGradebook } from '../../grader/gradebook/model.ts';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';
import { descendantsOf } from '../../grader/regrade/children.ts';
import { regrade } from '../../grader/regrade/regrade.ts';
import { MAX_WORKER_FAILURES, type RegradeFile } from '../../grader/regrade/result-file.ts';
import { missingWalls, probeIsolation } from '../../grader/sandbox/isolation.ts';
import { addStudent, makeAssignment, type Assignment } from './regrade-class.ts';
import { t } from '../../grader/i18n/index.ts';
import { spanishLeaks } from '../i18n/english-markers.ts';

// a class of ten students, and workers that die or hang, on a shared machine: generous limits
vi.setConfig({ testTimeout: 900_000, hookTimeout: 120_000 });

const ID = 'ch15-losses/dice-loss';
const catalog = loadCatalog();
const defs = selectExercises(catalog, [ID]);
const def = defs[0]!;
const CLASS = join(INSTALL_ROOT, 'tests/fixtures/hostile/class');
const HONEST = ['ana', 'beto', 'carla', 'dani'];
// kill-everything runs only where the processes wall holds (else it would kill this machine's processes)
const processesIsolated = !missingWalls(probeIsolation().info).includes('processes');
const HOSTILE: Record<string, string> = {
  eve: 'kill-parent.ts',
  gus: 'stop-parent.ts',
  hugo: 'hangs.ts',
  ...(processesIsolated ? { fede: 'kill-everything.ts' } : {}),
};
const LINKS = ['ines', 'kiko'];

let assignment: Assignment;
let root: string;
let collected: string;
const read = (dir: string, user: string): RegradeFile => JSON.parse(readFileSync(join(dir, `${user}.json`), 'utf8')) as RegradeFile;

beforeAll(() => {
  assignment = makeAssignment(defs);
  root = mkdtempSync(join(tmpdir(), 'dlgrade-hostile-class-'));
  collected = join(root, 'collected');
  let i = 0;
  for (const username of HONEST) addStudent(collected, assignment, { username }, i++);
  for (const [username, fixture] of Object.entries(HOSTILE)) addStudent(collected, assignment, { username, answers: { [ID]: { fixture: join(CLASS, fixture) } } }, i++);
  for (const username of LINKS) addStudent(collected, assignment, { username, answers: { [ID]: 'absent' } }, i++);
  // ines: her chapter folder is a link to a classmate's; kiko: his exercises folder is the solutions
  rmSync(join(collected, 'ines', 'exercises', def.chapter), { recursive: true, force: true });
  symlinkSync(join('..', '..', 'ana', 'exercises', def.chapter), join(collected, 'ines', 'exercises', def.chapter));
  rmSync(join(collected, 'kiko', 'exercises'), { recursive: true, force: true });
  symlinkSync(SOLUTIONS_DIR, join(collected, 'kiko', 'exercises'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(assignment.dir, { recursive: true, force: true });
});

describe('a class regrade with hostile students among honest ones', () => {
  it('gives every honest student full marks, every hostile one 0 or an error, and writes every result', async () => {
    const out = join(root, 'results');
    const summary = await regrade({ collectedDir: collected, resultsDir: out, manifest: assignment.manifestPath, runs: 5, catalog, concurrency: 2 });
    const everyone = [...HONEST, ...Object.keys(HOSTILE), ...LINKS];
    expect(summary.total).toBe(everyone.length);
    for (const user of HONEST) {
      const file = read(out, user);
      const why = file.result?.exercises.flatMap((e) => [e.reason ?? '', e.message ?? '', ...e.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}: ${p.message ?? ''}`)]);
      expect(file.status, `${user}: ${file.errors.join('; ')}`).toBe('graded');
      expect(file.result!.score, `${user}: ${why?.join(' | ')}`).toBe(file.result!.maxScore);
      expect(file.graderError ?? false).toBe(false);
    }
    for (const user of Object.keys(HOSTILE)) {
      const file = read(out, user);
      expect(file.status === 'error' || file.result!.score === 0, `${user}: ${JSON.stringify(file.result?.exercises[0]?.message)}`).toBe(true);
    }
    for (const user of LINKS) {
      const file = read(out, user);
      expect(file.status).toBe('graded');
      const exercise = file.result!.exercises[0]!;
      expect(exercise.reason).toBe('tampered');
      expect(exercise.score).toBe(0);
      expect(exercise.message).toMatch(/enlace simbólico/);
      expect(file.tamper?.some((t) => t.kind === 'symlink')).toBe(true);
    }
    const book = buildGradebook(everyone.map((u) => read(out, u)));
    expect(book.students.filter((s) => s.tampered).map((s) => s.username).sort()).toEqual(LINKS);
    // nothing left running below this process: no worker, no student process
    await new Promise((r) => setTimeout(r, 500));
    const left = descendantsOf(process.pid).filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('worker-entry') || cmd.includes('runner');
      } catch {
        return false;
      }
    });
    expect(left).toEqual([]);
  });
});

/** A course holding only dice-loss, whose reference (trusted code, run by the worker) is `reference`. */
function course(name: string, reference: string): string {
  const dir = join(root, name);
  cpSync(join(INSTALL_ROOT, 'exercises/ch15-losses/chapter.yaml'), join(dir, 'exercises/ch15-losses/chapter.yaml'));
  cpSync(join(INSTALL_ROOT, 'exercises/ch15-losses/dice-loss'), join(dir, 'exercises/ch15-losses/dice-loss'), { recursive: true });
  mkdirSync(join(dir, 'reference/ch15-losses'), { recursive: true });
  writeFileSync(join(dir, 'reference/ch15-losses/dice-loss.ts'), reference);
  cpSync(join(SOLUTIONS_DIR, 'ch15-losses/dice-loss'), join(dir, 'solutions/ch15-losses/dice-loss'), { recursive: true });
  symlinkSync(join(INSTALL_ROOT, 'grader'), join(dir, 'grader'));
  symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "course", "private": true, "type": "module" }\n');
  return dir;
}

describe('a grading worker that dies or hangs', () => {
  it('dies: an error result for that student only, retried on reruns until the bound, then kept', async () => {
    const dir = course('dying', 'export function diceLoss(): number {\n  process.kill(process.pid, "SIGKILL");\n  return 0;\n}\n');
    const one = join(root, 'one-student');
    addStudent(one, assignment, { username: 'ana' });
    const out = join(root, 'dying-results');
    const run = () => regrade({ collectedDir: one, resultsDir: out, exercises: [ID], runs: 3, catalog: loadCatalog({ root: dir }), concurrency: 1 });
    for (let n = 1; n <= MAX_WORKER_FAILURES; n++) {
      const summary = await run();
      expect(summary.graded + summary.errors).toBe(1);
      const file = read(out, 'ana');
      expect(file.status).toBe('error');
      expect(file.graderError).toBe(true);
      expect(file.workerFailures).toBe(n);
      // in the run's language (Spanish by default), from the regrade catalog
      const joined = file.errors.join(' ');
      expect(joined).toContain(t('es').regrade.worker.killedBy('SIGKILL'));
      expect(joined.indexOf(t('es').regrade.student.triedAgain('', '').trim())).toBeGreaterThan(joined.indexOf(t('es').regrade.worker.killedBy('SIGKILL')));
      expect(spanishLeaks(joined.replace(/«[^»]*$/, ''))).toEqual([]);
    }
    // the bound is reached: the rerun keeps the error instead of dying on the same student again
    const last = await run();
    expect(last.skipped).toBe(1);
  });

  it('hangs: stopped at its wall-clock limit, an error result, the run finishes', async () => {
    const dir = course('hanging', 'export function diceLoss(): number {\n  for (;;) {}\n}\n');
    const one = join(root, 'one-hanging');
    addStudent(one, assignment, { username: 'beto' });
    const out = join(root, 'hanging-results');
    const summary = await regrade({ collectedDir: one, resultsDir: out, exercises: [ID], runs: 3, catalog: loadCatalog({ root: dir }), concurrency: 1, studentTimeLimitMs: 20_000 });
    expect(summary.errors).toBe(1);
    const file = read(out, 'beto');
    expect(file.graderError).toBe(true);
    expect(file.errors.join(' ')).toContain(t('es').regrade.worker.overTime(20, ''));
  });
});

describe('the score of record refuses a weak sandbox', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['bin/dlgrade.js', 'regrade', collected, '--exercise', ID, '--runs', '3', ...args], { cwd: INSTALL_ROOT, env: { ...process.env, DLGRADE_SANDBOX: 'process' }, encoding: 'utf8' });

  it('stops with a message naming each missing wall and the fix (Spanish, English with --lang en)', () => {
    const es = cli(['--out', join(root, 'weak-es')]);
    expect(es.status).toBe(2);
    expect(es.stderr).toMatch(/E_SANDBOX/);
    for (const word of ['procesos', 'sistema de archivos', 'red', 'sockets', 'bubblewrap', 'kernel.apparmor_restrict_unprivileged_userns', '--allow-weak-sandbox']) expect(es.stderr).toContain(word);
    const en = cli(['--out', join(root, 'weak-en'), '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/these walls are missing: processes/);
  });

  it('with --allow-weak-sandbox grades, and records it in every result file and in the gradebook', () => {
    const out = join(root, 'weak-allowed');
    const dir = join(root, 'weak-class');
    addStudent(dir, assignment, { username: 'ana' });
    addStudent(dir, assignment, { username: 'beto' }, 1);
    const run = spawnSync(process.execPath, ['bin/dlgrade.js', 'regrade', dir, '--exercise', ID, '--runs', '3', '--out', out, '--allow-weak-sandbox'], { cwd: INSTALL_ROOT, env: { ...process.env, DLGRADE_SANDBOX: 'process' }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sandbox incompleto/);
    const files = ['ana', 'beto'].map((u) => read(out, u));
    for (const f of files) expect(f.weakSandbox).toEqual({ mechanism: 'process', missing: ['processes', 'filesystem', 'network', 'sockets'] });
    expect(buildGradebook(files).students.every((s) => s.weakSandbox !== null)).toBe(true);
  });
});
