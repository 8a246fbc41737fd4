/**
 * The student processes' folders (their working directory: the runner and the student's module)
 * in the temporary folder, named after the grader process that made them:
 * `dlgrade-sandbox-<pid>.<start>-XXXXXX`, where <start> is that process's start time (Linux:
 * /proc/<pid>/stat, in clock ticks since boot; 0 where there is no /proc).
 *
 * A grader that exits removes its folders (endAllStudentProcesses, on exit and on signals). One
 * that is killed outright cannot: SIGKILL, the kernel's OOM killer, a regrade worker killed with
 * its group because a student froze or outlasted it (run-worker.ts). Its folders, each a copy of a
 * student's code, would stay behind for good in a shared temporary folder. So the first student
 * process of every grader process removes, off its start's path, the folders of graders that are
 * gone: named in this form, owned by this user, whose <pid> is no longer that very process (not
 * alive, or alive with another start time: the pid was reused). A regrade also sweeps when it is
 * done (its last killed worker's folders).
 *
 * What is never touched: a folder of a live grader (a watch mode's spares live for hours), another
 * user's, one named otherwise (before this naming, or not ours), anything that is not a plain
 * folder. A grader in another PID namespace sharing this temporary folder would look gone: one
 * temporary folder per container, as usual, keeps that from happening.
 */
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SANDBOX_PREFIX = 'dlgrade-sandbox-';
/** SANDBOX_PREFIX, then <pid>.<start>-, then mkdtemp's six characters */
const NAMED = /^dlgrade-sandbox-([0-9]{1,10})\.([0-9]{1,20})-[A-Za-z0-9]{6}$/;

/** a process's start time in clock ticks since boot ('0' without /proc), undefined: no such process */
function startOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // after the command's name (which may hold spaces and parentheses): state is field 3, start time 22
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    if (existsProc()) return undefined;
    try {
      process.kill(pid, 0);
      return '0';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM' ? '0' : undefined;
    }
  }
}

let procChecked: boolean | undefined;
function existsProc(): boolean {
  if (procChecked === undefined) {
    try {
      readFileSync('/proc/self/stat');
      procChecked = true;
    } catch {
      procChecked = false;
    }
  }
  return procChecked;
}

let ownName: string | undefined;
let swept = false;

/** A new sandbox folder of this process (the first one also sweeps the folders of graders that are gone, see above). */
export function makeSandboxDir(): string {
  ownName ??= `${SANDBOX_PREFIX}${process.pid}.${startOf(process.pid) ?? '0'}-`;
  const dir = mkdtempSync(join(tmpdir(), ownName));
  if (!swept) {
    swept = true;
    // off the first start's path: a student process is spawning now
    setImmediate(() => sweepStaleSandboxDirs()).unref();
  }
  return dir;
}

/**
 * Removes the sandbox folders in `tmp` left by grader processes that are gone (see above); how
 * many. Never throws: a folder it cannot read or remove is left for a later sweep.
 */
export function sweepStaleSandboxDirs(tmp: string = tmpdir()): number {
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return 0;
  }
  const uid = process.getuid?.();
  const alive = new Map<string, boolean>();
  let removed = 0;
  for (const name of names) {
    const m = NAMED.exec(name);
    if (!m) continue;
    const [, pid, start] = m as unknown as [string, string, string];
    let isAlive = alive.get(`${pid}.${start}`);
    if (isAlive === undefined) {
      const now = startOf(Number(pid));
      // without /proc a live pid is taken as its grader (start '0'): never removed
      isAlive = now !== undefined && (now === start || now === '0');
      alive.set(`${pid}.${start}`, isAlive);
    }
    if (isAlive) continue;
    const path = join(tmp, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    } catch {
      // gone meanwhile, or not removable: a later sweep tries again
    }
  }
  return removed;
}
