/**
 * A grader killed outright (SIGKILL, the OOM killer, a regrade worker killed with its group) cannot
 * remove its student processes' folders, each a copy of a student's code: the next grader's first
 * student process removes those of graders that are gone, and nothing else (sandbox-dirs.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { sweepStaleSandboxDirs } from '../../grader/sandbox/sandbox-dirs.ts';

const root = mkdtempSync(join(tmpdir(), 'dlgrade-sweep-'));
// the sandboxes' launchers reach their folder through it (a user namespace's root cannot enter a 0700 folder)
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const startTicks = (pid: number): string => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

/** the pid of a process that has exited */
const deadPid = (): number => {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
};

const sandboxes = (tmp: string): string[] => readdirSync(tmp).filter((f) => f.startsWith('dlgrade-sandbox-')).sort();

/** a grader that starts one student process in `tmp`, says so on stdout, then waits forever */
function grader(tmp: string): { ready: Promise<void>; kill: () => Promise<void> } {
  const script = join(root, 'grader.mts');
  writeFileSync(
    script,
    `import { StudentProcess, DEFAULT_LIMITS } from ${JSON.stringify(join(INSTALL_ROOT, 'grader/sandbox/student-process.ts'))};
const s = await StudentProcess.start({ moduleCode: 'export function f() { return 1 }', limits: { ...DEFAULT_LIMITS, budgetMs: 60000 } });
if (s.kind !== 'ready') throw new Error(s.kind);
// long enough for the sweep that follows the first start
setTimeout(() => process.stdout.write('ready\\n'), 300);
setInterval(() => {}, 1000);
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: INSTALL_ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TMPDIR: tmp } });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`grader exited ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    ready,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('sandbox folders of a grader that was killed', () => {
  it('stay behind a SIGKILL, and the next grader\'s first student process removes them, not its own', async () => {
    const tmp = join(root, 'killed');
    mkdirSync(tmp, { mode: 0o1777 });
    const first = grader(tmp);
    await first.ready;
    const left = sandboxes(tmp);
    expect(left).toHaveLength(1);
    await first.kill();
    // nothing could remove it: the grader never ran its exit handler
    await new Promise((r) => setTimeout(r, 300));
    expect(sandboxes(tmp)).toEqual(left);

    const second = grader(tmp);
    try {
      await second.ready;
      const now = sandboxes(tmp);
      expect(now).toHaveLength(1);
      expect(now).not.toEqual(left);
      expect(existsSync(join(tmp, now[0]!, 'student.mjs'))).toBe(true);
    } finally {
      await second.kill();
    }
  }, 120_000);

  it('removes only plain folders of this user named for a grader that is gone', () => {
    const tmp = join(root, 'names');
    mkdirSync(tmp);
    const dead = deadPid();
    const own = `${process.pid}.${startTicks(process.pid)}`;
    const folder = (name: string): string => {
      mkdirSync(join(tmp, name));
      writeFileSync(join(tmp, name, 'student.mjs'), 'export const x = 1;');
      return name;
    };
    const gone = [folder(`dlgrade-sandbox-${dead}.12345-aB3dE9`), folder(`dlgrade-sandbox-${dead}.12345-zzzzzz`), folder(`dlgrade-sandbox-${process.pid}.1-Qwerty`)];
    const kept = [
      folder(`dlgrade-sandbox-${own}-Abc123`), // this live process
      folder('dlgrade-sandbox-Xy12Zq'), // the naming before this one: whose, nobody can tell
      folder(`dlgrade-sandbox-${dead}.12345-tooLong1`), // not a name mkdtemp gives
      folder(`dlgrade-orphan-${dead}.12345-aB3dE9`),
    ];
    writeFileSync(join(tmp, `dlgrade-sandbox-${dead}.1-file00`), 'a file, not a folder');
    kept.push(`dlgrade-sandbox-${dead}.1-file00`);
    expect(sweepStaleSandboxDirs(tmp)).toBe(gone.length);
    expect(readdirSync(tmp).sort()).toEqual([...kept].sort());
    // a second sweep finds nothing more, and a missing folder is no error
    expect(sweepStaleSandboxDirs(tmp)).toBe(0);
    expect(sweepStaleSandboxDirs(join(tmp, 'missing'))).toBe(0);
  });
});
