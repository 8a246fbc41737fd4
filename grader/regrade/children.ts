import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';

/**
 * Ends this process's direct children (the sandboxed student processes of the gradings in flight)
 * by their ids, when an interrupted regrade exits: a Ctrl-C on a terminal reaches the whole process
 * group, but a signal sent to dlgrade alone (a CI runner, `kill`) would leave them running.
 * Their sandbox folders (each one's working directory, `dlgrade-sandbox-*` in the temporary folder)
 * are removed too. Linux only (/proc); elsewhere it does nothing.
 */
export function killChildren(signal: NodeJS.Signals = 'SIGKILL'): number {
  let killed = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) {
        let cwd: string | undefined;
        try {
          cwd = readlinkSync(`/proc/${pid}/cwd`);
        } catch {
          cwd = undefined;
        }
        process.kill(Number(pid), signal);
        killed++;
        if (cwd !== undefined && dirname(cwd) === tmpdir() && basename(cwd).startsWith('dlgrade-sandbox-')) rmSync(cwd, { recursive: true, force: true });
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return killed;
}
