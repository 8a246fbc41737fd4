import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Why a path inside a submission was refused: `symlink` (a component is a symbolic link), `escape`
 * (its real path leaves the submission root), `not-a-directory` / `not-a-file` (a component has
 * the wrong type), `too-large`.
 */
export type PathProblem = 'symlink' | 'escape' | 'not-a-directory' | 'not-a-file' | 'too-large';

export type SafeRead =
  | { kind: 'found'; content: Buffer }
  | { kind: 'absent' }
  /** `at`: the offending component, relative to the root ('' for the root itself) */
  | { kind: 'refused'; problem: PathProblem; at: string; size?: number }
  | { kind: 'unreadable'; message: string };

const isMissing = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/**
 * Reads `<root>/<parts…>` only if every component is what it claims to be: the root itself and each
 * component below it are lstat'ed (never followed) and a symbolic link anywhere is refused; every
 * component but the last must be a directory, the last a regular file; the file's real path must
 * lie inside the root's real path; and the file is opened with O_NOFOLLOW and checked to be the
 * same inode that was lstat'ed (no swap in between). So a committed link such as
 * `exercises/<chapter>/<exercise> -> ../../../<classmate>/…` or `exercises -> …/solutions` never
 * makes the grader read a file that is not the student's own.
 */
export function readInsideRoot(root: string, parts: readonly string[], maxBytes: number): SafeRead {
  let stat: Stats;
  try {
    stat = lstatSync(root);
  } catch (error: unknown) {
    if (isMissing(error)) return { kind: 'absent' };
    return { kind: 'unreadable', message: (error as Error).message };
  }
  if (stat.isSymbolicLink()) return { kind: 'refused', problem: 'symlink', at: '' };
  if (!stat.isDirectory()) return { kind: 'refused', problem: 'not-a-directory', at: '' };
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || part === '.' || part === '..' || part.includes('/') || part.includes(sep)) return { kind: 'refused', problem: 'escape', at: parts.slice(0, i + 1).join('/') };
    current = join(current, part);
    const at = parts.slice(0, i + 1).join('/');
    try {
      stat = lstatSync(current);
    } catch (error: unknown) {
      if (isMissing(error)) return { kind: 'absent' };
      return { kind: 'unreadable', message: (error as Error).message };
    }
    if (stat.isSymbolicLink()) return { kind: 'refused', problem: 'symlink', at };
    const last = i === parts.length - 1;
    if (!last && !stat.isDirectory()) return { kind: 'refused', problem: 'not-a-directory', at };
    if (last && !stat.isFile()) return { kind: 'refused', problem: 'not-a-file', at };
  }
  const at = parts.join('/');
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(current);
    const rel = relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return { kind: 'refused', problem: 'escape', at };
  } catch (error: unknown) {
    return { kind: 'unreadable', message: (error as Error).message };
  }
  if (stat.size > maxBytes) return { kind: 'refused', problem: 'too-large', at, size: stat.size };
  let fd: number | undefined;
  try {
    fd = openSync(current, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== stat.ino || opened.dev !== stat.dev) return { kind: 'refused', problem: 'not-a-file', at };
    if (opened.size > maxBytes) return { kind: 'refused', problem: 'too-large', at, size: opened.size };
    const content = Buffer.alloc(opened.size);
    let read = 0;
    while (read < content.length) {
      const n = readSync(fd, content, read, content.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { kind: 'found', content: content.subarray(0, read) };
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ELOOP') return { kind: 'refused', problem: 'symlink', at };
    return { kind: 'unreadable', message: (error as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
