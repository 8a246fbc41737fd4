import type { ExerciseResult, GradeResult, PropertyResult } from '../../engine/result.ts';
import { neutralizeWorkflowCommands, plainText } from '../escape.ts';
import { classroomStatus, overallStatus, testName, type OverallStatus } from './overall.ts';

/**
 * The JSON that GitHub Classroom's `autograding-grading-reporter` reads (base64-encoded, from a step
 * output named `result`). One test per property; an exercise that produced no property results
 * (not submitted, compile error...) is one test named after the exercise.
 */
export interface ClassroomReport {
  version: 1;
  status: OverallStatus;
  max_score: number;
  tests: ClassroomTest[];
}

export interface ClassroomTest {
  name: string;
  status: OverallStatus;
  score: number;
  message: string;
  line_no: number;
  filename: string;
  duration: number;
}

const MESSAGE_MAX = 500;

/** The reporter prints messages into the job log: fold lines, cap, and break `::` commands. */
function logSafe(text: string | undefined): string {
  return text === undefined ? '' : neutralizeWorkflowCommands(plainText(text, MESSAGE_MAX, { foldNewlines: true }));
}

function propertyTest(exercise: ExerciseResult, property: PropertyResult): ClassroomTest {
  const location = property.location ?? exercise.location;
  return {
    name: logSafe(testName(exercise.id, property.name)),
    status: classroomStatus(property.status),
    score: property.score,
    message: property.status === 'pass' ? '' : logSafe(property.message ?? property.title),
    line_no: location?.line ?? 0,
    filename: logSafe(location?.file ?? exercise.file),
    duration: Math.round(property.durationMs ?? 0),
  };
}

function exerciseTest(exercise: ExerciseResult): ClassroomTest {
  return {
    name: logSafe(testName(exercise.id)),
    status: classroomStatus(exercise.status),
    score: exercise.score,
    message: exercise.status === 'pass' ? '' : logSafe(exercise.message ?? exercise.reason ?? exercise.status),
    line_no: exercise.location?.line ?? 0,
    filename: logSafe(exercise.location?.file ?? exercise.file),
    duration: Math.round(exercise.durationMs ?? 0),
  };
}

/** Builds the reporter's object from a result (pure). */
export function toClassroomReport(result: GradeResult): ClassroomReport {
  const tests = result.exercises.flatMap((exercise) =>
    exercise.properties.length === 0 ? [exerciseTest(exercise)] : exercise.properties.map((p) => propertyTest(exercise, p)),
  );
  return { version: 1, status: overallStatus(result), max_score: result.maxScore, tests };
}

/** The step-output value: base64 of the report's JSON (UTF-8). */
export function toClassroomOutput(result: GradeResult): string {
  return Buffer.from(JSON.stringify(toClassroomReport(result)), 'utf8').toString('base64');
}
