import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { SANDBOX_PREFIX } from '../sandbox/sandbox-dirs.ts';

/** Every descendant of `root` (children first), from /proc; empty where there is no /proc. */
export function descendantsOf(root: number): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/**
 * Ends this process's descendants (the grading workers of the students in flight and their
 * sandboxed student processes) by their ids, when an interrupted regrade exits: a Ctrl-C on a
 * terminal reaches the whole process group, but a signal sent to dlgrade alone (a CI runner,
 * `kill`) would leave them running. Their sandbox folders (a student process's working directory,
 * `dlgrade-sandbox-*` in the temporary folder) are removed too. Linux only (/proc); elsewhere it
 * does nothing.
 */
export function killChildren(signal: NodeJS.Signals = 'SIGKILL'): number {
  let killed = 0;
  // every working directory is read before anything is killed: killing a worker ends the
  // bubblewrap under it (--die-with-parent), and a process already gone has no cwd to read
  const found = descendantsOf(process.pid).map((pid) => {
    try {
      return { pid, cwd: readlinkSync(`/proc/${pid}/cwd`) as string | undefined };
    } catch {
      return { pid, cwd: undefined };
    }
  });
  for (const { pid } of found) {
    try {
      process.kill(pid, signal);
      killed++;
    } catch {
      // gone meanwhile, or not ours
    }
  }
  for (const { cwd } of found) {
    if (cwd !== undefined && dirname(cwd) === tmpdir() && basename(cwd).startsWith(SANDBOX_PREFIX)) rmSync(cwd, { recursive: true, force: true });
  }
  return killed;
}
