/**
 * Peak memory of a process tree, for `npm run bench` (issue 12 item 7: "peak memory of each"):
 * read from /proc every `everyMs` while the command runs. Two figures:
 * - `largestMb`: the largest single process, by its VmHWM (the kernel's own high-water mark of
 *   its resident set, exact as of the last reading before that process ended);
 * - `treeMb`: the most the whole tree held at once (the sum of the resident sets at one reading:
 *   a sampled peak, so a lower bound of the true one).
 * The tree is found through /proc/<pid>/task/<tid>/children, each thread's own list (a student
 * process in bubblewrap shows there by its pid outside the namespace). Where /proc cannot tell
 * (not Linux), stop() answers undefined. A process that starts and ends between two readings is
 * not seen: fine for a grader's processes, which live for hundreds of milliseconds at least.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  largestMb: number;
  treeMb: number;
  /** the processes seen, in all */
  processes: number;
}

/** at most this many processes are followed (a runaway fork bomb would not stall the bench) */
const MAX_PROCESSES = 256;

function kbOf(status: string, field: 'VmHWM' | 'VmRSS'): number {
  const found = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return found ? Number(found[1]) : 0;
}

/** `root` and every process under it, now (root first). */
export function processTreeOf(root: number): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length && tree.length < MAX_PROCESSES; i++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${tree[i]}/task`);
    } catch {
      continue; // gone
    }
    for (const tid of tasks) {
      let children: string;
      try {
        children = readFileSync(`/proc/${tree[i]}/task/${tid}/children`, 'utf8').trim();
      } catch {
        continue;
      }
      if (children) for (const child of children.split(/\s+/)) if (!tree.includes(Number(child))) tree.push(Number(child));
    }
  }
  return tree;
}

/**
 * Starts reading the memory of the tree under `root` now; `stop()` reads once more and answers
 * the peaks. `excludeRoot`: the root itself is not counted (the bench's own process, when the
 * command runs inside it, as the regrade does).
 */
export function watchTreeMemory(root: number, options: { everyMs?: number; excludeRoot?: boolean } = {}): { stop(): TreeMemory | undefined } {
  const hwm = new Map<number, number>();
  let treeKb = 0;
  let readable = true;
  const read = (): void => {
    let sum = 0;
    for (const pid of processTreeOf(root)) {
      if (options.excludeRoot && pid === root) continue;
      let status: string;
      try {
        status = readFileSync(`/proc/${pid}/status`, 'utf8');
      } catch {
        if (pid === root && !options.excludeRoot) readable = hwm.size > 0;
        continue; // ended meanwhile
      }
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, kbOf(status, 'VmHWM')));
      sum += kbOf(status, 'VmRSS');
    }
    treeKb = Math.max(treeKb, sum);
  };
  read();
  const timer = setInterval(read, options.everyMs ?? 25);
  timer.unref();
  return {
    stop: () => {
      read();
      clearInterval(timer);
      if (!readable || hwm.size === 0) return undefined;
      return { largestMb: Math.max(...hwm.values()) / 1024, treeMb: treeKb / 1024, processes: hwm.size };
    },
  };
}

/** "102 MB largest process, 266 MB whole tree at once (11 processes seen)", or a dash where /proc cannot tell */
export function formatTreeMemory(memory: TreeMemory | undefined): string {
  if (memory === undefined) return '— (no /proc here)';
  return `${memory.largestMb.toFixed(0)} MB largest process, ${memory.treeMb.toFixed(0)} MB whole tree at once (${memory.processes} ${memory.processes === 1 ? 'process' : 'processes'} seen)`;
}
