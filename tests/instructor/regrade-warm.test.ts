/**
 * Warm grading workers: a regrade grades many students with one loaded trusted side per worker,
 * and that changes nothing of what is graded. The same class (honest, buggy, stub, absent and
 * hostile students) graded with a fresh worker per student and with warm workers gives the same
 * result file for every student, apart from timings; warm workers start fewer processes; a
 * student whose grading kills its worker costs only that student, graded again in another worker.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { validTree } from '../../grader/boot/tree.mjs';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { regrade } from '../../grader/regrade/regrade.ts';
import type { RegradeFile } from '../../grader/regrade/result-file.ts';
import { missingWalls, probeIsolation } from '../../grader/sandbox/isolation.ts';
import { addStudent, makeAssignment, type Answer, type Assignment } from './regrade-class.ts';

vi.setConfig({ testTimeout: 900_000, hookTimeout: 120_000 });

const ID = 'ch15-losses/dice-loss';
const catalog = loadCatalog();
const defs = selectExercises(catalog, [ID]);
const weak = missingWalls(probeIsolation().info).length > 0;
const BUGGY = join(INSTALL_ROOT, 'tests/fixtures/buggy', ID);
const HOSTILE = join(INSTALL_ROOT, 'tests/fixtures/hostile/class');
const CLASS: Record<string, Answer> = {
  ana: 'solution',
  beto: { fixture: join(BUGGY, 'per-pixel-mean.ts') },
  carla: 'stub',
  dani: { fixture: join(HOSTILE, 'kill-parent.ts') },
  eli: 'solution',
  fran: { fixture: join(BUGGY, 'squared-denominator.ts') },
  gema: 'absent',
  hector: 'solution',
};

let assignment: Assignment;
let root: string;
let collected: string;

beforeAll(() => {
  assignment = makeAssignment(defs);
  root = mkdtempSync(join(tmpdir(), 'dlgrade-warm-'));
  collected = join(root, 'collected');
  Object.entries(CLASS).forEach(([username, answer], i) => addStudent(collected, assignment, { username, answers: { [ID]: answer } }, i));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(assignment.dir, { recursive: true, force: true });
});

/** A result file without what differs between two gradings of the same work (times). */
function normalised(dir: string, user: string): unknown {
  const file = JSON.parse(readFileSync(join(dir, `${user}.json`), 'utf8')) as RegradeFile;
  return JSON.parse(JSON.stringify(file, (key, value: unknown) => (/^(gradedAt|durationMs|startedAt|finishedAt|chargedMs)$/.test(key) ? undefined : value)));
}

describe('warm grading workers', () => {
  it('grade a class exactly as fresh workers do, with fewer worker processes', async () => {
    const run = (name: string, jobsPerWorker: number) =>
      regrade({ collectedDir: collected, resultsDir: join(root, name), manifest: assignment.manifestPath, runs: 5, catalog, concurrency: 2, jobsPerWorker, allowWeakSandbox: true });
    const cold = await run('cold', 1);
    const warm = await run('warm', 25);
    const users = Object.keys(CLASS);
    expect(cold.total).toBe(users.length);
    expect(warm.total).toBe(users.length);
    for (const user of users) expect(normalised(join(root, 'warm'), user), user).toEqual(normalised(join(root, 'cold'), user));
    // the honest ones have full marks both ways (the warm run is not just equally wrong)
    for (const user of ['ana', 'eli', 'hector']) {
      const file = normalised(join(root, 'warm'), user) as RegradeFile;
      expect(file.result!.score, user).toBe(file.result!.maxScore);
    }
    expect(cold.workersStarted).toBeGreaterThanOrEqual(users.filter((u) => CLASS[u] !== 'absent').length);
    if (weak) expect(warm.workersStarted, 'with a wall missing every student gets a fresh worker').toBe(cold.workersStarted);
    else expect(warm.workersStarted).toBeLessThanOrEqual(4);
  });

  it('load the grader from the build tree when it is the build of the sources now (no module hooks), else through the hooks, with the same results', async () => {
    const students = ['ana', 'beto', 'carla'];
    const only = join(root, 'only');
    students.forEach((username, i) => addStudent(only, assignment, { username, answers: { [ID]: CLASS[username]! } }, i));
    const run = async (name: string, env: Record<string, string>): Promise<number> => {
      const log = join(root, `${name}.hooks.log`);
      // the workers get this process's environment (run-worker.ts workerEnv)
      for (const [key, value] of Object.entries({ ...env, DLGRADE_PRECOMPILE_LOG: log })) vi.stubEnv(key, value);
      try {
        await regrade({ collectedDir: only, resultsDir: join(root, name), manifest: assignment.manifestPath, runs: 5, catalog, concurrency: 1, jobsPerWorker: 25, allowWeakSandbox: true });
      } finally {
        vi.unstubAllEnvs();
      }
      // one line per TypeScript module a worker loaded through the hooks
      return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
    };
    const tree = await validTree();
    const fromTree = await run('tree', {});
    const hooked = await run('hooks', { DLGRADE_TREE: '0' });
    for (const user of students) expect(normalised(join(root, 'tree'), user), user).toEqual(normalised(join(root, 'hooks'), user));
    expect(hooked).toBeGreaterThan(0);
    // a checkout whose sources changed since its tree was built loads through the hooks, as it should
    if (tree) expect(fromTree).toBe(0);
    else expect(fromTree).toBeGreaterThan(0);
  });
});
