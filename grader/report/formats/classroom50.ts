import type { GradeResult } from '../../engine/result.ts';
import { plainText } from '../escape.ts';
import { testName } from './overall.ts';

export const CLASSROOM50_SCHEMA = 'classroom50/result/v1';

/**
 * Where the submission lives, as Classroom 50's runner describes it (env `CLASSROOM`, `ASSIGNMENT`,
 * `SUBMISSION_TAG`, `COMMIT_URL`, `RELEASE_URL`, `REVIEW_URL`); the caller resolves the fallbacks.
 */
export interface Classroom50Context {
  classroom: string;
  assignment: string;
  submission: string;
  commit: string;
  release: string;
  review: string;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ` */
  datetime: string;
}

export interface Classroom50Test {
  'test-name': string;
  passed: boolean;
  score: number;
  'max-score': number;
}

export interface Classroom50Result extends Classroom50Context {
  schema: typeof CLASSROOM50_SCHEMA;
  score: number;
  'max-score': number;
  tests: Classroom50Test[];
}

/** `2026-03-01T10:00:00.123Z` → `2026-03-01T10:00:00Z` (the format Classroom 50 records). */
export function classroom50Datetime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Classroom 50's `result.json` (pure). One test per property (an exercise with no property results is
 * one test); `score` and `max-score` are the sums over the tests, as Classroom 50's collector checks.
 */
export function toClassroom50Result(result: GradeResult, context: Classroom50Context): Classroom50Result {
  const tests: Classroom50Test[] = result.exercises.flatMap((exercise) =>
    exercise.properties.length === 0
      ? [{ 'test-name': plainText(testName(exercise.id), 300, { foldNewlines: true }), passed: exercise.status === 'pass', score: exercise.score, 'max-score': exercise.maxScore }]
      : exercise.properties.map((property) => ({
          'test-name': plainText(testName(exercise.id, property.name), 300, { foldNewlines: true }),
          passed: property.status === 'pass',
          score: property.score,
          'max-score': property.points,
        })),
  );
  const sum = (pick: (t: Classroom50Test) => number): number => Math.round(tests.reduce((acc, t) => acc + pick(t), 0) * 1e6) / 1e6;
  return { schema: CLASSROOM50_SCHEMA, ...context, score: sum((t) => t.score), 'max-score': sum((t) => t['max-score']), tests };
}
