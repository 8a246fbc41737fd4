import { readdirSync, readFileSync } from 'node:fs';

/** O_CLOEXEC as /proc/<pid>/fdinfo/<fd> prints it (octal `flags:`), on every Linux architecture */
const O_CLOEXEC = 0o2000000;

/**
 * The file descriptors a child of this process would inherit beyond the ones its spawn sets:
 * every open descriptor numbered `from` or more that is not close-on-exec. libuv opens all of
 * its own with close-on-exec, so these are the ones this process inherited itself and left open
 * (a shell's pipe, an Actions runner's, a test runner's IPC channel): a child started with
 * `spawn` gets them at the same numbers, and neither bubblewrap nor unshare closes them. The
 * student process closes them before its module is loaded (grader/sandbox/runner.ts), which it
 * can do safely because these numbers are occupied from its first instruction on, so Node never
 * hands them out to its own descriptors.
 *
 * `from` is the first number the spawn does not set (its stdio entries replace 0..from-1).
 * Where /proc cannot be read (not Linux), answers with nothing: there is nothing to read the
 * flags from, and the bubblewrap and unshare sandboxes exist only on Linux.
 */
export function inheritableFds(from: number): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const name of names) {
    const fd = Number(name);
    if (!Number.isInteger(fd) || fd < from) continue;
    let info: string;
    try {
      info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    } catch {
      continue; // closed meanwhile (the directory listing's own descriptor, for one)
    }
    const flags = /^flags:\s*([0-7]+)/m.exec(info);
    // unreadable flags: treated as inherited (closing one more descriptor in the child is harmless)
    if (!flags || (parseInt(flags[1]!, 8) & O_CLOEXEC) === 0) out.push(fd);
  }
  return out.sort((a, b) => a - b);
}
