import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseDef } from '../../catalog/types.ts';

export const MAX_SOURCE_BYTES = 512 * 1024;

export type Resolved =
  | { kind: 'found'; source: string; displayPath: string }
  | { kind: 'absent'; displayPath: string }
  | { kind: 'unreadable'; displayPath: string; message: string };

/**
 * Step 1: finds the student's file for an exercise in a submission folder that mirrors
 * exercises/ (`<dir>/<chapter>/<exercise>/<file>`). Only that one file is ever read.
 * `displayPrefix` is how the path is shown (e.g. "exercises" in an assignment repository).
 */
export function resolveStudentFile(def: ExerciseDef, submissionDir: string, displayPrefix: string): Resolved {
  const path = join(submissionDir, def.chapter, def.name, def.file);
  const displayPath = [displayPrefix, def.chapter, def.name, def.file].filter((p) => p !== '').join('/');
  if (!existsSync(path)) return { kind: 'absent', displayPath };
  try {
    const stat = lstatSync(path); // a symlink could point at the grader's own secrets
    if (!stat.isFile()) return { kind: 'unreadable', displayPath, message: 'is not a regular file (symbolic links are not accepted)' };
    if (stat.size > MAX_SOURCE_BYTES) return { kind: 'unreadable', displayPath, message: `is ${stat.size} bytes; the limit is ${MAX_SOURCE_BYTES}` };
    return { kind: 'found', source: readFileSync(path, 'utf8'), displayPath };
  } catch (error: unknown) {
    return { kind: 'unreadable', displayPath, message: (error as Error).message };
  }
}
