/**
 * SIGUSR1 opens Node's inspector by default; a student process that can signal the grader would
 * attach to it. The grader (bin/dlgrade.js) and its regrade workers ignore it: no inspector
 * listens, and grading finishes with full marks.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';
import { descendantsOf } from '../../grader/regrade/children.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-inspector-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/** Whether a sandboxed student process (which could signal the grader) runs below `pid`. */
function studentRunning(pid: number): boolean {
  return descendantsOf(pid).some((d) => {
    try {
      return /runner\.mjs|bwrap|unshare/.test(readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  });
}

/**
 * While a student's process runs below the grader (when a student could signal it), sends SIGUSR1
 * every 200 ms; returns whether 9229 ever listened. (Node 20 cannot be told to ignore the signal
 * before the grader's first line runs, nor after its last, during Node's own exit; no student
 * process exists then.)
 */
async function pester(child: ChildProcess): Promise<{ opened: boolean; signals: number }> {
  let opened = false;
  let signals = 0;
  let exited = false;
  child.on('exit', () => (exited = true));
  while (!exited && !studentRunning(child.pid!)) await new Promise((r) => setTimeout(r, 20));
  while (!exited && studentRunning(child.pid!)) {
    try {
      child.kill('SIGUSR1');
      signals++;
    } catch {
      break;
    }
    if (await listening(9229)) opened = true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { opened, signals };
}

describe('no inspector in the grader', () => {
  it('dlgrade grade ignores SIGUSR1 and finishes its grading', async () => {
    const busyBefore = await listening(9229); // another program on this machine: only stderr can tell
    const json = join(tmp, 'result.json');
    const child = spawn(process.execPath, ['bin/dlgrade.js', 'grade', SOLUTIONS_DIR, '-e', 'ch15-losses/dice-loss', '--runs', '5', '--json', json, '--quiet'], { cwd: INSTALL_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = new Promise<number | string | null>((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
    const { opened, signals } = await pester(child);
    expect(await code).toBe(0);
    expect(signals).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/Debugger listening|inspector/i);
    if (!busyBefore) expect(opened).toBe(false);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { score: number; maxScore: number };
    expect(result.score).toBe(result.maxScore);
  });

  it('a regrade worker ignores SIGUSR1 once started', async () => {
    const busyBefore = await listening(9229);
    const worker = fork(join(INSTALL_ROOT, 'grader/regrade/worker-entry.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    let stderr = '';
    worker.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // started = its job loop answers (a job on an empty folder: nothing to grade)
    // (a fixed wait lost the race on a loaded machine: a SIGUSR1 before the first line of
    // worker-entry.js runs is Node's own, before dlgrade can ignore it)
    const replied = new Promise<unknown>((resolve) => worker.once('message', resolve));
    worker.send({ kind: 'grade', catalogRoot: join(tmp, 'no-catalog'), options: { submissionDir: tmp } });
    expect(await replied).toHaveProperty('kind');
    for (let i = 0; i < 5; i++) {
      worker.kill('SIGUSR1');
      await new Promise((r) => setTimeout(r, 200));
    }
    const opened = await listening(9229);
    expect(worker.exitCode).toBeNull(); // still alive, still waiting
    worker.kill('SIGKILL');
    expect(stderr).not.toMatch(/Debugger listening/);
    if (!busyBefore) expect(opened).toBe(false);
  });
});
