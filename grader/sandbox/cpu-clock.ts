import { readFileSync } from 'node:fs';

/**
 * The student's time limits count the CPU time the student's process tree used, not the wall
 * clock: on a loaded machine a correct student's call can wait seconds for a core, and that wait is
 * not the student's doing. A wall-clock backstop still stops a process that hangs without using the
 * CPU (blocked in a system call, Atomics.wait). Where /proc cannot tell (not Linux), the wall clock
 * is the only clock.
 */

/** Linux reports utime and stime in USER_HZ ticks, 100 per second on every architecture */
const MS_PER_TICK = 10;

/** CPU time (user + system, ms) used so far by these processes, or undefined where /proc cannot tell. */
export function cpuMsOf(pids: readonly number[]): number | undefined {
  return cpuMsOfStats(pids.map((pid) => `/proc/${pid}/stat`));
}

/** CPU time (ms) used so far by one thread of this process (its id from /proc/thread-self), or undefined. */
export function cpuMsOfThread(tid: number): number | undefined {
  return cpuMsOfStats([`/proc/${process.pid}/task/${tid}/stat`]);
}

function cpuMsOfStats(paths: readonly string[]): number | undefined {
  let ticks = 0;
  let measured = false;
  for (const path of paths) {
    let stat: string;
    try {
      stat = readFileSync(path, 'utf8');
    } catch {
      continue; // already gone, or not Linux
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (Number.isFinite(utime) && Number.isFinite(stime)) {
      ticks += utime + stime;
      measured = true;
    }
  }
  return measured ? ticks * MS_PER_TICK : undefined;
}

export interface CpuLimit {
  cancel(): void;
  /** the time this limit charged so far: CPU time where measurable, else wall-clock time */
  charged(): number;
}

/**
 * Calls `onExpire` once the process tree has used `limitMs` of CPU time since now, or once
 * `backstopMs` of wall-clock time have passed, whichever comes first. Checked when the wall clock
 * reaches the limit, then again as often as the CPU left needs.
 */
export function startCpuLimit(options: { limitMs: number; backstopMs: number; cpuMs: () => number | undefined; onExpire: (kind: 'cpu' | 'wall') => void }): CpuLimit {
  const { limitMs, backstopMs, cpuMs, onExpire } = options;
  const startWall = Date.now();
  const startCpu = cpuMs();
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const used = (): number | undefined => {
    if (startCpu === undefined) return undefined;
    const now = cpuMs();
    return now === undefined ? undefined : Math.max(0, now - startCpu);
  };
  const check = (): void => {
    if (done) return;
    const wall = Date.now() - startWall;
    const cpu = used();
    if (cpu === undefined || cpu >= limitMs || wall >= backstopMs) {
      done = true;
      onExpire(cpu === undefined || cpu >= limitMs ? 'cpu' : 'wall');
      return;
    }
    // the CPU still allowed can at best be used at one core's speed; never past the backstop
    timer = setTimeout(check, Math.max(20, Math.min(limitMs - cpu, backstopMs - wall)));
  };
  timer = setTimeout(check, Math.max(1, Math.min(limitMs, backstopMs)));
  return {
    cancel: () => {
      done = true;
      if (timer) clearTimeout(timer);
    },
    charged: () => used() ?? Date.now() - startWall,
  };
}

/** The wall-clock backstop for a CPU-time limit: generous, since only a process that hangs idle reaches it. */
export function backstopFor(limitMs: number): number {
  return Math.max(3 * limitMs, limitMs + 20_000);
}
