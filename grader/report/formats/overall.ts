import type { ExerciseResult, GradeResult, PropertyStatus } from '../../engine/result.ts';

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

/**
 * An exercise that could not run: it has a reason (not submitted, compile error, crash at load,
 * grader error…) and none of its properties ran. Every output reports it as an error with its
 * message, never as a suite of skipped (that is, passing-looking) tests.
 */
export function couldNotRun(exercise: ExerciseResult): boolean {
  return exercise.status !== 'pass' && exercise.reason !== undefined && exercise.properties.every((p) => p.status === 'skipped');
}

/** The one-line reason of an exercise that could not run: `compile-error: <message>`. */
export function notRunMessage(exercise: ExerciseResult): string {
  const reason = exercise.reason ?? exercise.status;
  return exercise.message === undefined || exercise.message === '' ? reason : `${reason}: ${exercise.message}`;
}
