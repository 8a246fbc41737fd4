import type { ExerciseResult, GradeResult } from '../../engine/result.ts';
import { DlgradeError } from '../../errors.ts';
import { text } from '../../i18n/index.ts';
import { plainText } from '../escape.ts';
import { couldNotRun, notRunMessage, testName } from './overall.ts';

export const CLASSROOM50_SCHEMA = 'classroom50/result/v1';

/**
 * Where the submission lives, as Classroom 50's runner describes it to an `autograder.py`
 * (env `CLASSROOM`, `ASSIGNMENT`, `SUBMISSION_TAG`, `OWNER`, `ASSIGNMENT_TYPE`, `COMMIT_URL`,
 * `RELEASE_URL`, `REVIEW_URL`); the caller resolves them (grader/publish/classroom50-context.ts).
 */
export interface Classroom50Context {
  classroom: string;
  assignment: string;
  assignment_type: 'individual' | 'group';
  owner: string;
  /** `submit/<UTC-timestamp>-<short-sha>` */
  submission: string;
  commit: string;
  release: string;
  review: string;
  /** the graded commit's committer date, UTC, `YYYY-MM-DDTHH:MM:SSZ` (invariant across regrades) */
  datetime: string;
  /** when this grading produced the result, UTC, `YYYY-MM-DDTHH:MM:SSZ` */
  graded_at: string;
}

export interface Classroom50Test {
  'test-name': string;
  passed: boolean;
  score: number;
  'max-score': number;
  /** an extra field Classroom 50 keeps verbatim: why an exercise could not run */
  message?: string;
}

export interface Classroom50Result extends Classroom50Context {
  schema: typeof CLASSROOM50_SCHEMA;
  score: number;
  'max-score': number;
  tests: Classroom50Test[];
}

export interface Classroom50Options {
  /**
   * Classroom 50 accepts integer points only. Every score and maximum is multiplied by this
   * (default 1) and must then be a whole number, or the output is refused with E_CONFIG.
   */
  scale?: number;
}

/** `2026-03-01T10:00:00.123Z` → `2026-03-01T10:00:00Z` (the format Classroom 50 records). */
export function classroom50Datetime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const EPSILON = 1e-9;

function whole(value: number, scale: number, where: string): number {
  const scaled = value * scale;
  const rounded = Math.round(scaled);
  if (!Number.isFinite(scaled) || Math.abs(scaled - rounded) > EPSILON * Math.max(1, Math.abs(scaled))) {
    throw new DlgradeError({
      code: 'E_CONFIG',
      message: text().errors.publish.classroom50Whole(where, value, scale, scaled),
      fix: text().errors.publish.classroom50WholeFix,
    });
  }
  return rounded;
}

function exerciseRow(exercise: ExerciseResult, scale: number): Classroom50Test {
  const row: Classroom50Test = {
    'test-name': plainText(testName(exercise.id), 300, { foldNewlines: true }),
    passed: exercise.status === 'pass',
    score: whole(exercise.score, scale, text().errors.publish.scoreOf(exercise.id)),
    'max-score': whole(exercise.maxScore, scale, text().errors.publish.pointsOf(exercise.id)),
  };
  if (couldNotRun(exercise)) row.message = plainText(notRunMessage(exercise), 500, { foldNewlines: true });
  return row;
}

/**
 * Classroom 50's `result.json` (pure). One test per property; an exercise with no property results,
 * or one that could not run, is one failed test carrying its `message`. `score` and `max-score` are
 * the sums over the tests, as Classroom 50's collector checks. Throws E_CONFIG when a point value is
 * not whole after scaling.
 */
export function toClassroom50Result(result: GradeResult, context: Classroom50Context, options: Classroom50Options = {}): Classroom50Result {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new DlgradeError({ code: 'E_CONFIG', message: text().errors.publish.classroom50Scale(scale), fix: text().errors.publish.classroom50ScaleFix });
  }
  const tests: Classroom50Test[] = result.exercises.flatMap((exercise) =>
    exercise.properties.length === 0 || couldNotRun(exercise)
      ? [exerciseRow(exercise, scale)]
      : exercise.properties.map((property) => ({
          'test-name': plainText(testName(exercise.id, property.name), 300, { foldNewlines: true }),
          passed: property.status === 'pass',
          score: whole(property.score, scale, text().errors.publish.scoreOf(`${exercise.id} › ${property.name}`)),
          'max-score': whole(property.points, scale, text().errors.publish.pointsOf(`${exercise.id} › ${property.name}`)),
        })),
  );
  const sum = (pick: (t: Classroom50Test) => number): number => tests.reduce((acc, t) => acc + pick(t), 0);
  return { schema: CLASSROOM50_SCHEMA, ...context, score: sum((t) => t.score), 'max-score': sum((t) => t['max-score']), tests };
}
