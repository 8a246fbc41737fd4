import type { ExerciseDef } from '../../catalog/types.ts';
import { readInsideRoot, type PathProblem } from './safe-path.ts';

export const MAX_SOURCE_BYTES = 512 * 1024;

export type Resolved =
  | { kind: 'found'; source: string; displayPath: string }
  | { kind: 'absent'; displayPath: string }
  /** a symbolic link, a path leaving the submission, a non-file: the exercise is tampered (0) */
  | { kind: 'refused'; displayPath: string; problem: PathProblem; at: string; size?: number }
  /** the grader could not read a file that is there (its own environment's fault) */
  | { kind: 'unreadable'; displayPath: string; message: string };

/**
 * Step 1: finds the student's file for an exercise in a submission folder that mirrors
 * exercises/ (`<dir>/<chapter>/<exercise>/<file>`). Only that one file is ever read, and only
 * when every component of its path is a real folder or file inside the submission root
 * (grader/engine/steps/safe-path.ts). `displayPrefix` is how the path is shown (e.g.
 * "exercises" in an assignment repository).
 */
export function resolveStudentFile(def: ExerciseDef, submissionDir: string, displayPrefix: string): Resolved {
  const displayPath = [displayPrefix, def.chapter, def.name, def.file].filter((p) => p !== '').join('/');
  const read = readInsideRoot(submissionDir, [def.chapter, def.name, def.file], MAX_SOURCE_BYTES);
  switch (read.kind) {
    case 'found':
      return { kind: 'found', source: read.content.toString('utf8'), displayPath };
    case 'absent':
      return { kind: 'absent', displayPath };
    case 'refused': {
      const at = [displayPrefix, read.at].filter((p) => p !== '').join('/');
      return { kind: 'refused', displayPath, problem: read.problem, at, ...(read.size !== undefined ? { size: read.size } : {}) };
    }
    case 'unreadable':
      return { kind: 'unreadable', displayPath, message: read.message };
  }
}
