import type { ExerciseResult, GradeResult, PropertyResult } from '../../engine/result.ts';
import { neutralizeWorkflowCommands, plainText } from '../escape.ts';
import { classroomStatus, couldNotRun, notRunMessage, overallStatus, testName, type OverallStatus } from './overall.ts';

/**
 * The JSON that GitHub Classroom's `autograding-grading-reporter` reads (base64-encoded, from a step
 * output named `result`). One test per property; an exercise that produced no property results
 * (not submitted, compile error...) is one test named after the exercise, with status `error` and
 * its message.
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
const NAME_MAX = 200;

/**
 * The reporter reads the step output from an environment variable (`DLGRADE_RESULTS`), and Linux
 * refuses any single environment string over 131,072 bytes (MAX_ARG_STRLEN: E2BIG, the step
 * does not even start). The base64 value is kept under this many bytes, with room to spare.
 */
export const CLASSROOM_OUTPUT_MAX_BYTES = 100_000;

/** The reporter prints messages into the job log: fold lines, cap, and break `::` commands. */
function logSafe(text: string | undefined, max = MESSAGE_MAX): string {
  return text === undefined ? '' : neutralizeWorkflowCommands(plainText(text, max, { foldNewlines: true }));
}

function propertyTest(exercise: ExerciseResult, property: PropertyResult): ClassroomTest {
  const location = property.location ?? exercise.location;
  return {
    name: logSafe(testName(exercise.id, property.name), NAME_MAX),
    status: classroomStatus(property.status),
    score: property.score,
    message: property.status === 'pass' ? '' : logSafe(property.message ?? property.title),
    line_no: location?.line ?? 0,
    filename: logSafe(location?.file ?? exercise.file),
    duration: Math.round(property.durationMs ?? 0),
  };
}

function exerciseTest(exercise: ExerciseResult): ClassroomTest {
  const notRun = couldNotRun(exercise);
  return {
    name: logSafe(testName(exercise.id), NAME_MAX),
    status: notRun ? 'error' : classroomStatus(exercise.status),
    score: exercise.score,
    message: exercise.status === 'pass' ? '' : logSafe(notRun ? notRunMessage(exercise) : exercise.message ?? exercise.reason ?? exercise.status),
    line_no: exercise.location?.line ?? 0,
    filename: logSafe(exercise.location?.file ?? exercise.file),
    duration: Math.round(exercise.durationMs ?? 0),
  };
}

/** Builds the reporter's object from a result (pure). */
export function toClassroomReport(result: GradeResult): ClassroomReport {
  const tests = result.exercises.flatMap((exercise) =>
    exercise.properties.length === 0 || couldNotRun(exercise) ? [exerciseTest(exercise)] : exercise.properties.map((p) => propertyTest(exercise, p)),
  );
  return { version: 1, status: overallStatus(result), max_score: result.maxScore, tests };
}

/**
 * Ways to shrink the report, least lossy first: drop messages (the comment and the job summary
 * have them), then file names and lines, then one test per exercise (sums unchanged). Names,
 * scores and statuses stay: they are what the reporter prints and sums.
 */
const SHRINK: readonly ((report: ClassroomReport, result: GradeResult) => ClassroomReport)[] = [
  (r) => r,
  (r) => ({ ...r, tests: r.tests.map((t) => ({ ...t, message: '' })) }),
  (r) => ({ ...r, tests: r.tests.map((t) => ({ ...t, message: '', filename: '', line_no: 0 })) }),
  (r, result) => ({
    ...r,
    tests: result.exercises.map((e) => ({ name: logSafe(testName(e.id), NAME_MAX), status: couldNotRun(e) ? 'error' : classroomStatus(e.status), score: e.score, message: '', line_no: 0, filename: '', duration: Math.round(e.durationMs ?? 0) })),
  }),
];

function encode(report: ClassroomReport): string {
  return Buffer.from(JSON.stringify(report), 'utf8').toString('base64');
}

/**
 * The step-output value: base64 of the report's JSON (UTF-8), under `maxBytes`
 * (CLASSROOM_OUTPUT_MAX_BYTES), shrinking as little as needed. Returns the level used (0: whole).
 */
export function toClassroomOutputWithin(result: GradeResult, maxBytes = CLASSROOM_OUTPUT_MAX_BYTES): { value: string; level: number } {
  const full = toClassroomReport(result);
  let value = '';
  for (const [level, shrink] of SHRINK.entries()) {
    value = encode(shrink(full, result));
    if (value.length <= maxBytes) return { value, level };
  }
  // names are capped, so the last level fits for thousands of exercises; past that, one test
  // carrying the total (the reporter's Points notice sums the tests' scores)
  const total: ClassroomTest = { name: 'dlgrade', status: full.status, score: result.score, message: '', line_no: 0, filename: '', duration: Math.round(result.durationMs) };
  return { value: encode({ ...full, tests: [total] }), level: SHRINK.length };
}

/** The step-output value (see toClassroomOutputWithin). */
export function toClassroomOutput(result: GradeResult): string {
  return toClassroomOutputWithin(result).value;
}
