import type { GradeResult, PropertyStatus } from '../../engine/result.ts';

/** Whether a grading run gave full marks (`pass`), not full marks (`fail`), or could not grade (`error`). */
export type OverallStatus = 'pass' | 'fail' | 'error';

/**
 * `error` only when the grader itself could not grade (a `grader-error` exercise, or nothing to grade):
 * a student's crash, timeout or compile error is a failing grade, not an error of the run.
 */
export function overallStatus(result: GradeResult): OverallStatus {
  if (result.exercises.length === 0 || result.maxScore <= 0) return 'error';
  if (result.exercises.some((exercise) => exercise.reason === 'grader-error')) return 'error';
  return result.score >= result.maxScore && result.exercises.every((e) => e.status === 'pass') ? 'pass' : 'fail';
}

/** Maps a property's status onto the three statuses the Classroom reporter knows. */
export function classroomStatus(status: PropertyStatus): OverallStatus {
  if (status === 'pass') return 'pass';
  if (status === 'error') return 'error';
  return 'fail';
}

/** A stable test name: `<exercise id> › <property name>`. */
export function testName(exerciseId: string, propertyName?: string): string {
  return propertyName === undefined ? exerciseId : `${exerciseId} › ${propertyName}`;
}
