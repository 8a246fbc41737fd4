import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GradeResult } from '../engine/result.ts';
import type { TamperFinding } from './tamper.ts';

export const REGRADE_KIND = 'dlgrade-regrade';
export const REGRADE_VERSION = 1;
const MAX_RESULT_FILE_BYTES = 16 * 1024 * 1024;

/** What makes two regrades of the same commit interchangeable. */
export interface RegradeSettings {
  exercises: string[];
  seed: number;
  runs: number | null;
  backend: string | null;
  lang: string;
  dlgradeVersion: string;
  /** SHA-256 of the instructor's manifest, when one was given */
  manifest: string | null;
}

/**
 * `<results>/<username>.json`: the result object of the score of record and its envelope.
 * `status: 'no-submission'` when collect found nothing to grade («sin entrega»: not an error and
 * not a 0), `status: 'error'` when it could not be graded (no checkout, collect failed); `result`
 * is absent in both.
 */
export interface RegradeFile {
  kind: typeof REGRADE_KIND;
  version: typeof REGRADE_VERSION;
  username: string;
  studentId?: string;
  repo?: string;
  sha?: string;
  pushedAt?: string;
  late: boolean;
  latePushes: number;
  gradedAt: string;
  settings: RegradeSettings;
  settingsKey: string;
  /** null when no manifest was given (tampering not checked) */
  tamper: TamperFinding[] | null;
  errors: string[];
  status: 'graded' | 'no-submission' | 'error';
  /** with status `no-submission`: why, as collect recorded it (no push on time, or only provision's commits) */
  noSubmission?: 'no-push' | 'only-provisioning';
  /**
   * true when the grading, or an exercise of it, failed for the grader's reasons (its worker died
   * or hung, esbuild failed, a spec or reference threw): not the student's fault, retried on the
   * next run
   */
  graderError?: boolean;
  /**
   * how many runs in a row this student's grading worker died or hung (same commit and settings);
   * at MAX_WORKER_FAILURES the rerun keeps the error instead of trying again (--force retries)
   */
  workerFailures?: number;
  /**
   * set when the run was allowed to grade with a sandbox missing walls (`--allow-weak-sandbox`):
   * the mechanism and the walls it lacked
   */
  weakSandbox?: { mechanism: string; missing: string[] };
  result?: GradeResult;
}

/** runs whose worker died or hung before a rerun stops retrying that student (each run tries twice) */
export const MAX_WORKER_FAILURES = 3;

export function settingsKey(settings: RegradeSettings): string {
  const ordered = Object.fromEntries(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

export function resultPath(resultsDir: string, username: string): string {
  return join(resultsDir, `${username}.json`);
}

/** Writes the file atomically: a temporary file beside it, then a rename (never a half-written file). */
export function writeAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error: unknown) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Light shape check of a parsed file (the result object inside is validated by the gradebook). */
export function isRegradeFile(data: unknown): data is RegradeFile {
  if (data === null || typeof data !== 'object') return false;
  const o = data as Record<string, unknown>;
  return (
    o['kind'] === REGRADE_KIND &&
    o['version'] === REGRADE_VERSION &&
    typeof o['username'] === 'string' &&
    typeof o['gradedAt'] === 'string' &&
    typeof o['settingsKey'] === 'string' &&
    (o['status'] === 'graded' || o['status'] === 'no-submission' || o['status'] === 'error') &&
    Array.isArray(o['errors']) &&
    (o['status'] !== 'graded' || (o['result'] !== null && typeof o['result'] === 'object'))
  );
}

export function readRegradeFile(file: string): RegradeFile | undefined {
  try {
    if (lstatSync(file).size > MAX_RESULT_FILE_BYTES) return undefined;
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isRegradeFile(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an existing result can be kept on a rerun: same settings, same commit, graded, and no
 * grader error in it (a grader fault is never kept as the student's grade). Other errors are
 * retried too (they are cheap, and the cause may have been fixed), except a student whose grading
 * worker died or hung in MAX_WORKER_FAILURES runs already: that error is kept, so a rerun does
 * not spend its time on the same student again (`--force` retries it).
 */
export function isReusable(existing: RegradeFile | undefined, expected: { settingsKey: string; sha: string | undefined; username: string; weakSandbox?: boolean }): boolean {
  // a grade under a weak sandbox is not kept once the run has a complete one
  if (existing?.weakSandbox !== undefined && expected.weakSandbox === false) return false;
  if (existing === undefined || existing.username !== expected.username || existing.settingsKey !== expected.settingsKey || (existing.sha ?? null) !== (expected.sha ?? null)) return false;
  if (existing.status === 'error') return (existing.workerFailures ?? 0) >= MAX_WORKER_FAILURES;
  // «sin entrega» costs nothing to record again (and the rerun's summary names the student)
  if (existing.status === 'no-submission') return false;
  return existing.graderError !== true;
}
