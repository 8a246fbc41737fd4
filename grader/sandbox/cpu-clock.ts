import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

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
    // fields 14 and 15 of proc(5): utime and stime
    const t = ticksOf(stat);
    if (t !== undefined) {
      ticks += t;
      measured = true;
    }
  }
  return measured ? ticks * MS_PER_TICK : undefined;
}

/** utime + stime (ticks) of one /proc/<pid>/stat text, or undefined when it cannot be read */
function ticksOf(stat: string): number | undefined {
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : undefined;
}

/**
 * The same measure as cpuMsOf for a fixed set of processes, with each /proc/<pid>/stat opened
 * once and re-read from offset 0 at every reading (one system call instead of three: a student
 * process is asked for its CPU time twice per call). An open file stays bound to the process it
 * was opened for: once that process is gone it reads nothing (never a newer process that got the
 * same pid). `close()` releases the files.
 *
 * `perTurn`: one reading per turn of the event loop (the first read() of a turn reads the files,
 * the others of the same synchronous stretch get that reading; it is forgotten at the next
 * microtask). A student process's answers that arrive in one chunk are handled in one such stretch,
 * each answer charged from the previous reading to this one: with one reading they are charged the
 * same sum, the first one the whole of it, the others nothing, which is what separate readings a
 * few microseconds apart gave too (the process had already run them all).
 */
export function cpuReader(pids: readonly number[], options: { perTurn?: boolean } = {}): { read(): number | undefined; close(): void } {
  const fds: number[] = [];
  for (const pid of pids) {
    try {
      fds.push(openSync(`/proc/${pid}/stat`, 'r'));
    } catch {
      // already gone, or not Linux
    }
  }
  const buffer = Buffer.alloc(1024);
  let closed = false;
  /** this turn's reading (perTurn), and whether one is held */
  let turnReading: number | undefined;
  let held = false;
  const forget = (): void => {
    held = false;
    turnReading = undefined;
  };
  const readNow = (): number | undefined => {
    let ticks = 0;
    let measured = false;
    for (const fd of fds) {
      let text: string;
      try {
        text = buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
      } catch {
        continue; // the process is gone
      }
      const t = ticksOf(text);
      if (t !== undefined) {
        ticks += t;
        measured = true;
      }
    }
    return measured ? ticks * MS_PER_TICK : undefined;
  };
  return {
    read: () => {
      if (closed) return undefined;
      if (!options.perTurn) return readNow();
      if (held) return turnReading;
      turnReading = readNow();
      held = true;
      queueMicrotask(forget);
      return turnReading;
    },
    close: () => {
      if (closed) return;
      closed = true;
      forget();
      for (const fd of fds) {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
    },
  };
}

export interface CpuLimit {
  cancel(): void;
  /** the time this limit charged so far: CPU time where measurable, else wall-clock time */
  charged(): number;
  /** the CPU clock's reading taken by the last charged() (undefined before, or where /proc cannot tell) */
  lastReading(): number | undefined;
}

/**
 * Calls `onExpire` once the process tree has used `limitMs` of CPU time since now, or once
 * `backstopMs` of wall-clock time have passed, whichever comes first. Checked when the wall clock
 * reaches the limit, then again as often as the CPU left needs.
 */
export function startCpuLimit(options: {
  limitMs: number;
  backstopMs: number;
  cpuMs: () => number | undefined;
  onExpire: (kind: 'cpu' | 'wall') => void;
  /**
   * the clock's reading to count from, taken just before by the previous limit of the same
   * processes (a batch's calls follow each other: the end of one is the start of the next), so the
   * clock is not read twice in a row; undefined: read now
   */
  startCpu?: number | undefined;
}): CpuLimit {
  const { limitMs, backstopMs, cpuMs, onExpire } = options;
  const startWall = Date.now();
  const startCpu = options.startCpu ?? cpuMs();
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  /** the clock's latest reading (lastReading: the one charged() just took) */
  let last: number | undefined;
  const used = (): number | undefined => {
    if (startCpu === undefined) return undefined;
    last = cpuMs();
    return last === undefined ? undefined : Math.max(0, last - startCpu);
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
    lastReading: () => last,
  };
}

/** The wall-clock backstop for a CPU-time limit: generous, since only a process that hangs idle reaches it. */
export function backstopFor(limitMs: number): number {
  return Math.max(3 * limitMs, limitMs + 20_000);
}
