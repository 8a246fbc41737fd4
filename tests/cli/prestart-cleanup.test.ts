/**
 * No student process, spare or not, outlives `dlgrade grade`: neither when it finishes nor when
 * it is interrupted (SIGINT) in the middle of a grading with spares waiting. Each run gets its
 * own temporary folder (TMPDIR), so its sandbox folders and the launchers working in them are
 * told apart from other tests' (other engineers run tests on this machine at the same time).
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { defaultConcurrency } from '../../grader/engine/grade.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { descendantsOf } from '../../grader/regrade/children.ts';
import { sparesAllowed } from '../../grader/sandbox/spare-pool.ts';

const catalog = loadCatalog();
const root = mkdtempSync(join(tmpdir(), 'dlgrade-prestart-cleanup-'));
// the student process may run as nobody: it must reach its sandbox folder under these
chmodSync(root, 0o755);
const tmpFor = (name: string): string => {
  const tmp = mkdtempSync(join(root, `${name}-`));
  chmodSync(tmp, 0o755);
  return tmp;
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

const IDS = ['ch01-intro-ml/confusion-matrix', 'ch01-intro-ml/regression-metrics', 'ch01-intro-ml/roc-auc', 'ch15-losses/dice-loss'];

/** solutions, and dice-loss that never returns (so a grading is still going when it is interrupted) */
function submission(): string {
  const dir = join(root, 'submission');
  for (const id of IDS) {
    const def = catalog.exercises.find((e) => e.id === id)!;
    mkdirSync(join(dir, def.chapter, def.name), { recursive: true });
    const from = id === 'ch15-losses/dice-loss' ? join(INSTALL_ROOT, 'tests/fixtures/hostile/infinite-loop.ts') : def.solutionPath;
    cpSync(from, join(dir, def.chapter, def.name, def.file));
  }
  return dir;
}
const dir = submission();

/** processes whose working folder is under `tmp` (a student process's launcher works in its sandbox folder) */
function workingIn(tmp: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(tmp)) out.push(Number(pid));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}
const sandboxFolders = (tmp: string): string[] => readdirSync(tmp).filter((f) => f.startsWith('dlgrade-sandbox-'));
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (condition: () => boolean, tries = 600): Promise<boolean> => {
  for (let i = 0; i < tries; i++) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
};

function grade(tmp: string, ids: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['bin/dlgrade.js', 'grade', dir, '--quiet', '--runs', '3', ...ids.flatMap((id) => ['--exercise', id])], {
    cwd: INSTALL_ROOT,
    env: { ...process.env, TMPDIR: tmp, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

describe.skipIf(!sparesAllowed())('no student process outlives dlgrade grade', () => {
  it('a grading that finishes leaves no process and no sandbox folder', async () => {
    const tmp = tmpFor('done');
    const { exited } = grade(tmp, IDS.slice(0, 3));
    const end = await exited;
    expect(end.code, end.stderr).toBe(0);
    expect(workingIn(tmp)).toEqual([]);
    expect(sandboxFolders(tmp)).toEqual([]);
  }, 240_000);

  it('SIGINT in the middle of a grading ends every student process, the spares too, and removes their folders', async () => {
    const tmp = tmpFor('sigint');
    // no process handed on (DLGRADE_SHARE=0): a grading's own pool then starts a spare for the
    // exercise after the running ones (with sharing it does not: the process handed on serves it)
    const { child, exited } = grade(tmp, IDS, { DLGRADE_SHARE: '0' });
    try {
      // dice-loss hangs: wait until more processes are alive than exercises graded at once
      // (a spare is waiting beside them). The grading runs as many at once as this machine's
      // cores allow (at most 4): one on a one-core CI runner, where two folders already hold a spare.
      expect(await until(() => sandboxFolders(tmp).length > defaultConcurrency())).toBe(true);
      // the student processes' launchers and everything under them (bubblewrap's init, the student's Node)
      const tree = workingIn(tmp).flatMap((pid) => [pid, ...descendantsOf(pid)]);
      expect(tree.length).toBeGreaterThan(0);
      child.kill('SIGINT');
      const end = await exited;
      expect(end.signal ?? end.code).toBe(end.signal !== null ? 'SIGINT' : 130);
      expect(await until(() => tree.every((pid) => !alive(pid)), 100), `still alive: ${tree.filter(alive).join(',')}`).toBe(true);
      expect(workingIn(tmp)).toEqual([]);
      expect(sandboxFolders(tmp)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 240_000);
});
