/** A student process whose grader dies must not outlive it: neither its launcher (bwrap, unshare) nor the student's Node. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SandboxMechanism } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { unavailable } from './hostile-suite.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('student process lifetime', () => {
  for (const mechanism of ['bubblewrap', 'unshare', 'process'] as SandboxMechanism[]) {
    const missing = unavailable(mechanism);
    const required = mechanism === 'bubblewrap' && process.env['CI'] === 'true';
  // busy: the student's code spins in a synchronous loop once loaded, so it never reads the
  // channel's end (an idle process exits by itself when the grader goes)
  it.skipIf(missing !== undefined && !required)(`ends when the grader that started it is killed, even in a busy loop (${mechanism})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-orphan-'));
    const pidFile = join(dir, 'pid');
    // a tiny "grader" that starts a student process, reports its pid, then waits forever
    const script = join(dir, 'grader.mts');
    writeFileSync(
      script,
      `import { StudentProcess } from ${JSON.stringify(join(INSTALL_ROOT, 'grader/sandbox/student-process.ts'))};
import { DEFAULT_LIMITS } from ${JSON.stringify(join(INSTALL_ROOT, 'grader/sandbox/student-process.ts'))};
import { readFileSync, writeFileSync } from 'node:fs';
const s = await StudentProcess.start({ moduleCode: 'export function f() { return 1 }; setTimeout(() => { for (;;) {} }, 300);', limits: { ...DEFAULT_LIMITS, budgetMs: 60000 } });
if (s.kind !== 'ready') throw new Error(s.kind);
const launcher = (s.process as unknown as { child: { pid: number } }).child.pid;
// the whole tree: the launcher, bubblewrap's init, the student's Node
const tree = [launcher];
for (let i = 0; i < tree.length && tree.length < 8; i++) {
  try {
    const children = readFileSync('/proc/' + tree[i] + '/task/' + tree[i] + '/children', 'utf8').trim();
    if (children) tree.push(...children.split(/\\s+/).map(Number));
  } catch {}
}
writeFileSync(${JSON.stringify(pidFile)}, tree.join(','));
setInterval(() => {}, 1000);
`,
    );
    const grader = spawn(process.execPath, ['--import', 'tsx', script], { cwd: INSTALL_ROOT, stdio: 'ignore', env: { ...process.env, DLGRADE_SANDBOX: mechanism } });
    try {
      for (let i = 0; i < 200 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
      const pids = readFileSync(pidFile, 'utf8').split(',').map(Number);
      for (const pid of pids) expect(alive(pid)).toBe(true);
      await new Promise((r) => setTimeout(r, 600)); // spinning by now
      grader.kill('SIGKILL');
      let gone = false;
      for (let i = 0; i < 50 && !gone; i++) {
        await new Promise((r) => setTimeout(r, 100));
        gone = pids.every((pid) => !alive(pid));
      }
      expect(gone, `still alive: ${pids.filter(alive).join(',')}`).toBe(true);
    } finally {
      grader.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
  }
});
