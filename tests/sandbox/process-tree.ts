import { readFileSync } from 'node:fs';

/** the deepest descendant of pid (bwrap → its init → the student's Node), following first children */
export function leaf(pid: number): number {
  let current = pid;
  for (let depth = 0; depth < 4; depth++) {
    const children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim();
    if (!children) return current;
    current = Number(children.split(/\s+/)[0]);
  }
  return current;
}
