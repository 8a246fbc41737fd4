import pLimit from 'p-limit';
import type { Lang } from '../engine/result.ts';
import { describeThrown } from '../errors.ts';
import { httpStatus, type GitHubClient } from '../github/client.ts';
import { provisionWords } from './messages.ts';
import type { RosterEntry } from './roster.ts';
import { describeStepFailure, ensureCollaborator, ensureFeedbackBranch, ensureFeedbackPull, ensureRepository, ensureStarterRecorded, StepFailure, type StepOutcome, type StudentTarget } from './steps.ts';

export interface ProvisionOptions {
  gh: GitHubClient;
  /** `owner/repo` of the assignment template (made by dlgrade assign --github-org) */
  template: { owner: string; repo: string };
  org: string;
  /** repository names are `<assignment>-<username>`; default: the template's name */
  assignment?: string;
  students: readonly RosterEntry[];
  /** false (default): dry run, only GETs; true: create what is missing */
  apply?: boolean;
  concurrency?: number;
  /** wait between polls for a freshly generated repository (tests: 0) */
  pollMs?: number;
  /** the language of the errors and step details (default es) */
  lang?: Lang;
  /** named in a network error (default api.github.com) */
  apiUrl?: string;
  /** after the roster check: how many students will be provisioned */
  onStart?: (total: number) => void;
  onStudent?: (report: StudentReport) => void;
}

/** skipped: nothing was done because the roster check refused the run */
export type StudentStatus = 'created' | 'existed' | 'planned' | 'failed' | 'skipped';

export interface StudentReport {
  username: string;
  studentId: string;
  repository: string;
  status: StudentStatus;
  steps: StepOutcome[];
  /** why it failed, in the report's language (our words plus GitHub's status and message; never the token) */
  error?: string;
  /** how to fix it */
  fix?: string;
  /** set when the run was refused by the check of the roster's usernames (nothing was created for anyone) */
  refused?: true;
}

export function studentRepoName(assignment: string, username: string): string {
  return `${assignment}-${username.toLowerCase()}`;
}

function summarise(steps: StepOutcome[], error: string | undefined): StudentStatus {
  if (error !== undefined || steps.some((s) => s.state === 'failed')) return 'failed';
  if (steps.some((s) => s.state === 'created')) return 'created';
  if (steps.some((s) => s.state === 'planned')) return 'planned';
  return 'existed';
}

async function provisionOne(options: ProvisionOptions, student: RosterEntry): Promise<StudentReport> {
  const repo = studentRepoName(options.assignment ?? options.template.repo, student.githubUsername);
  const lang = options.lang ?? 'es';
  const t: StudentTarget = { owner: options.org, repo, username: student.githubUsername, apply: options.apply === true, gh: options.gh, lang };
  const steps: StepOutcome[] = [];
  let error: string | undefined;
  let fix: string | undefined;
  const pollMs = options.pollMs ?? 1000;
  try {
    steps.push(await ensureRepository(t, options.template, (attempt) => new Promise((r) => setTimeout(r, pollMs * (attempt + 1)))));
    steps.push(await ensureCollaborator(t));
    steps.push(await ensureFeedbackBranch(t));
    steps.push(await ensureStarterRecorded(t));
    steps.push(await ensureFeedbackPull(t));
  } catch (thrown: unknown) {
    if (thrown instanceof StepFailure) ({ message: error, fix } = describeStepFailure(thrown, lang, options.apiUrl));
    else error = thrown instanceof Error ? thrown.message : describeThrown(thrown);
  }
  return { username: student.githubUsername, studentId: student.studentId, repository: `${options.org}/${repo}`, status: summarise(steps, error), steps, ...(error !== undefined ? { error } : {}), ...(fix !== undefined ? { fix } : {}) };
}

/**
 * GET /users/{username} for every student before anything is created: a misspelt username would
 * otherwise leave an orphan repository behind when its invitation fails; an organisation cannot be
 * a collaborator. Returns the refusal of each student that is not a GitHub user (none: all fine).
 */
export async function checkRosterUsers(options: Pick<ProvisionOptions, 'gh' | 'students' | 'concurrency' | 'lang' | 'apiUrl'>): Promise<Map<string, { error: string; fix: string }>> {
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  const lang = options.lang ?? 'es';
  const refused = new Map<string, { error: string; fix: string }>();
  await Promise.all(
    options.students.map((s) =>
      limit(async () => {
        const params = { username: s.githubUsername };
        try {
          const { data } = await options.gh.rest.users.getByUsername({ username: s.githubUsername });
          if (data.type !== 'User') refused.set(s.githubUsername, toLine(new StepFailure('check-user', { ...params, type: data.type }, { problem: 'not-a-user' })));
        } catch (error: unknown) {
          const failure = new StepFailure('check-user', params, { error, ...(httpStatus(error) === 404 ? { target: { kind: 'user' as const, username: s.githubUsername } } : {}) });
          refused.set(s.githubUsername, toLine(failure));
        }
      }),
    ),
  );
  return refused;
  function toLine(f: StepFailure): { error: string; fix: string } {
    const { message, fix } = describeStepFailure(f, lang, options.apiUrl);
    return { error: message, fix };
  }
}

/**
 * `dlgrade provision`: for each student, their repository from the template, collaborator access,
 * the `feedback` branch at the starter commit, the starter commit recorded in the manifest and the
 * workflow, and the Feedback PR. Checks before creating (idempotent: a second run reports what
 * existed), dry run unless `apply`, a limited number of students at once, and one student's
 * failure never stops the others. Reports in roster order.
 */
export async function provision(options: ProvisionOptions): Promise<StudentReport[]> {
  const refused = await checkRosterUsers(options);
  if (refused.size > 0) {
    options.onStart?.(0);
    return options.students.map((s): StudentReport => {
      const r = refused.get(s.githubUsername);
      const report: StudentReport = { username: s.githubUsername, studentId: s.studentId, repository: `${options.org}/${studentRepoName(options.assignment ?? options.template.repo, s.githubUsername)}`, status: r ? 'failed' : 'skipped', steps: [], refused: true, ...(r ? { error: r.error, fix: r.fix } : {}) };
      return report;
    });
  }
  options.onStart?.(options.students.length);
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  return Promise.all(
    options.students.map((s) =>
      limit(async () => {
        const report = await provisionOne(options, s);
        options.onStudent?.(report);
        return report;
      }),
    ),
  );
}

const MARK: Record<StudentStatus, string> = { created: '✔', existed: '✔', planned: '·', failed: '✘', skipped: '–' };

/** One student's lines: status, then each step that did something or would, then the fix. */
export function renderStudentLine(r: StudentReport, lang: Lang = 'es'): string {
  const w = provisionWords(lang);
  const state = r.status === 'skipped' ? w.skipped : w.state[r.status];
  const lines = [`  ${MARK[r.status]} ${r.username} → ${r.repository}: ${state}${r.error !== undefined ? ` — ${r.error}` : ''}`];
  for (const s of r.steps) lines.push(`      ${w.step[s.step]}: ${w.state[s.state]}${s.detail !== undefined ? ` (${s.detail})` : ''}`);
  if (r.fix !== undefined) lines.push(`      ${w.fix}: ${r.fix}`);
  return lines.join('\n');
}

export function renderProvisionHeader(apply: boolean, lang: Lang = 'es'): string {
  const w = provisionWords(lang);
  return apply ? w.headerApply : w.headerDry;
}

/** The closing lines: totals, and why nothing was created when the roster check refused the run. */
export function renderProvisionTotals(reports: readonly StudentReport[], lang: Lang = 'es'): string {
  const w = provisionWords(lang);
  const count = (status: StudentStatus) => reports.filter((r) => r.status === status).length;
  const lines: string[] = [];
  if (reports.some((r) => r.refused === true)) lines.push(w.usersRefused(count('failed')));
  lines.push(w.total({ all: reports.length, created: count('created'), existed: count('existed'), planned: count('planned'), failed: count('failed') }));
  return lines.join('\n');
}

/** The whole report at once (the --json consumers and tests; the CLI prints it student by student). */
export function renderProvisionReport(reports: readonly StudentReport[], apply: boolean, lang: Lang = 'es'): string {
  return [renderProvisionHeader(apply, lang), ...reports.map((r) => renderStudentLine(r, lang)), renderProvisionTotals(reports, lang)].join('\n') + '\n';
}
