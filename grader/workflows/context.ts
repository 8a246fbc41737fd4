/**
 * The contexts the workflow templates accept, their validation, and the view-models the
 * templates actually see. Every value that reaches a template has been checked against a
 * narrow pattern here, so that nothing an instructor's config (or a student's name in it)
 * holds can break the YAML, inject a shell command or smuggle in a `${{ … }}` expression.
 */
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { PINNED_ACTIONS, formatPin, type PinnedActions } from './actions.ts';

/**
 * Where the publisher's lockfile lives in an assignment repository (grader/workflows/publisher.ts
 * re-exports it). The student template names this folder literally; a test keeps them equal.
 */
export const PUBLISHER_DIR = '.dlgrade/publisher';

/** Context of the workflow written into each assignment repository (`.github/workflows/dlgrade.yml`). */
export interface StudentWorkflowContext {
  /** the exercises this assignment grades, e.g. `ch01-tensores/suma` */
  exerciseIds: readonly string[];
  /** the language of the feedback */
  lang: 'es' | 'en';
  /** the starter commit the Feedback PR's `feedback` branch must point at (40-hex) */
  starterSha: string;
  /**
   * Where the report job installs the publisher from: a trusted, pinned source, never the
   * student's package.json. `github:owner/repo#<40-hex sha>` or `name@<exact version>`.
   */
  graderPackage: string;
  /** Node major version; default 24 */
  nodeVersion?: number;
  /** days the result artifact is kept; default 7 */
  retentionDays?: number;
  /**
   * Add GitHub Classroom's grading reporter after the publish step (the "Points N/M" notice that
   * an existing Classroom repository reads); default true. `false` for repositories outside Classroom.
   */
  classroomReporter?: boolean;
}

/** Context of the instructor-side regrade workflow (score of record). */
export interface RegradeWorkflowContext {
  /** roster file in the instructor repository; default `roster.csv` */
  roster?: string;
  /** shards when the run has no `shards` input (schedule) and the dispatch form's default; default 4 */
  defaultShards?: number;
  /** optional cron (5 fields, UTC) for a scheduled regrade; null or absent: dispatch only */
  schedule?: string | null;
  /** Node major version; default 24 */
  nodeVersion?: number;
  /** days the gradebook artifacts are kept; default 90 */
  retentionDays?: number;
}

/** Context of this repository's own CI workflow. */
export interface CiWorkflowContext {
  /** Node major versions of the test matrix; default [22, 24] */
  nodeVersions?: readonly number[];
}

export interface WorkflowContexts {
  student: StudentWorkflowContext;
  regrade: RegradeWorkflowContext;
  ci: CiWorkflowContext;
}
export type WorkflowName = keyof WorkflowContexts;

/** The pins as `uses:` values, one per action. */
export type ActionRefs = { readonly [K in keyof PinnedActions]: string };

export interface StudentView {
  actions: ActionRefs;
  /** space-separated exercise ids (each matches EXERCISE_ID_PATTERN, so no whitespace inside) */
  exercises: string;
  exerciseCount: number;
  lang: string;
  starterSha: string;
  graderPackage: string;
  nodeVersion: string;
  retentionDays: number;
  classroomReporter: boolean;
}

export interface RegradeView {
  actions: ActionRefs;
  roster: string;
  defaultShards: number;
  /** the same, as the default of the dispatch form's string input */
  defaultShardsText: string;
  schedule: string | null;
  nodeVersion: string;
  retentionDays: number;
}

export interface CiView {
  actions: ActionRefs;
  nodeVersions: string[];
}

export interface WorkflowViews {
  student: StudentView;
  regrade: RegradeView;
  ci: CiView;
}

/** Same pattern as the result schema (grader/schema/result.schema.json). */
export const EXERCISE_ID_PATTERN = /^ch[0-9]{2}-[a-z0-9-]+\/[a-z0-9-]+$/;
const SHA_PATTERN = /^[0-9a-f]{40}$/;
const NPM_NAME = String.raw`(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*`;
const EXACT_SEMVER = String.raw`[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?`;
/** `github:owner/repo#<40-hex>` or `name@1.2.3`: a source that cannot change under the same spec. */
export const GRADER_PACKAGE_PATTERN = new RegExp(
  String.raw`^(?:github:[A-Za-z0-9-]+\/[A-Za-z0-9._-]+#[0-9a-f]{40}|${NPM_NAME}@${EXACT_SEMVER})$`,
);
/** a relative path of plain segments: no `..`, no leading slash, no spaces or quotes */
const RELATIVE_PATH_PATTERN = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
/** five cron fields of the characters GitHub's schedule accepts */
const CRON_PATTERN = /^[0-9*/,A-Za-z-]+(?: [0-9*/,A-Za-z-]+){4}$/;
const MAX_EXERCISES = 64;
/** GitHub's limit on the jobs a matrix may generate */
export const MAX_SHARDS = 256;

/** What a value should be, in the catalog's words. */
const E = () => text().errors.workflows.expected;

function invalid(field: string, value: unknown, expected: string): DlgradeError {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  if (shown.length > 120) shown = `${shown.slice(0, 120)}…`;
  return new DlgradeError({
    code: 'E_CONFIG',
    message: text().errors.workflows.invalid(field, shown, expected),
    fix: text().errors.workflows.invalidFix(field, expected),
  });
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(what, value, E().object);
  return value as Record<string, unknown>;
}

function rejectUnknownKeys(ctx: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(ctx)) {
    if (!allowed.includes(key)) throw invalid(`${what}.${key}`, ctx[key], E().noSuchKey(allowed));
  }
}

function matching(value: unknown, pattern: RegExp, field: string, expected: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(field, value, expected);
  return value;
}

function integer(value: unknown, fallback: number, min: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, value, E().integer(min, max));
  }
  return value;
}

/** Node 20 reached its end of life on 2026-04-30: 22 (maintenance LTS) or newer. */
export const DEFAULT_NODE_VERSION = 24;
export const MIN_NODE_VERSION = 22;

function nodeMajor(value: unknown, field: string): string {
  return String(integer(value, DEFAULT_NODE_VERSION, MIN_NODE_VERSION, 99, field));
}

function flag(value: unknown, fallback: boolean, field: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(field, value, E().boolean);
  return value;
}

function actionRefs(): ActionRefs {
  const refs: Record<string, string> = {};
  for (const [key, pin] of Object.entries(PINNED_ACTIONS)) refs[key] = formatPin(pin);
  return refs as unknown as ActionRefs;
}

export function studentView(input: unknown): StudentView {
  const ctx = record(input, 'student');
  rejectUnknownKeys(ctx, ['exerciseIds', 'lang', 'starterSha', 'graderPackage', 'nodeVersion', 'retentionDays', 'classroomReporter'], 'student');
  const ids = ctx['exerciseIds'];
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_EXERCISES) {
    throw invalid('student.exerciseIds', ids, E().exerciseIds(MAX_EXERCISES));
  }
  const exerciseIds = ids.map((id: unknown, i) =>
    matching(id, EXERCISE_ID_PATTERN, `student.exerciseIds[${i}]`, E().exerciseId),
  );
  if (new Set(exerciseIds).size !== exerciseIds.length) throw invalid('student.exerciseIds', ids, E().noDuplicates);
  const lang = ctx['lang'];
  if (lang !== 'es' && lang !== 'en') throw invalid('student.lang', lang, E().lang);
  return {
    actions: actionRefs(),
    exercises: exerciseIds.join(' '),
    exerciseCount: exerciseIds.length,
    lang,
    starterSha: matching(ctx['starterSha'], SHA_PATTERN, 'student.starterSha', E().sha),
    graderPackage: matching(
      ctx['graderPackage'],
      GRADER_PACKAGE_PATTERN,
      'student.graderPackage',
      E().graderPackage,
    ),
    nodeVersion: nodeMajor(ctx['nodeVersion'], 'student.nodeVersion'),
    retentionDays: integer(ctx['retentionDays'], 7, 1, 90, 'student.retentionDays'),
    classroomReporter: flag(ctx['classroomReporter'], true, 'student.classroomReporter'),
  };
}

export function regradeView(input: unknown): RegradeView {
  const ctx = record(input, 'regrade');
  rejectUnknownKeys(ctx, ['roster', 'defaultShards', 'schedule', 'nodeVersion', 'retentionDays'], 'regrade');
  const schedule = ctx['schedule'];
  const defaultShards = integer(ctx['defaultShards'], 4, 1, MAX_SHARDS, 'regrade.defaultShards');
  return {
    actions: actionRefs(),
    roster:
      ctx['roster'] === undefined
        ? 'roster.csv'
        : matching(ctx['roster'], RELATIVE_PATH_PATTERN, 'regrade.roster', E().roster),
    defaultShards,
    defaultShardsText: String(defaultShards),
    schedule:
      schedule === undefined || schedule === null
        ? null
        : matching(schedule, CRON_PATTERN, 'regrade.schedule', E().cron),
    nodeVersion: nodeMajor(ctx['nodeVersion'], 'regrade.nodeVersion'),
    retentionDays: integer(ctx['retentionDays'], 90, 1, 400, 'regrade.retentionDays'),
  };
}

export function ciView(input: unknown): CiView {
  const ctx = record(input, 'ci');
  rejectUnknownKeys(ctx, ['nodeVersions'], 'ci');
  const versions = ctx['nodeVersions'] ?? [22, 24];
  if (!Array.isArray(versions) || versions.length === 0 || versions.length > 8) {
    throw invalid('ci.nodeVersions', versions, E().nodeVersions);
  }
  return {
    actions: actionRefs(),
    nodeVersions: versions.map((v: unknown, i) => nodeMajor(v ?? null, `ci.nodeVersions[${i}]`)),
  };
}
