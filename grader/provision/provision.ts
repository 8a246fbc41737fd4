import pLimit from 'p-limit';
import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import { describeThrown } from '../errors.ts';
import type { GitHubClient } from '../github/client.ts';
import type { RosterEntry } from './roster.ts';
import { ensureCollaborator, ensureFeedbackBranch, ensureFeedbackPull, ensureRepository, ensureStarterRecorded, type StepOutcome, type StudentTarget } from './steps.ts';

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
  onStudent?: (report: StudentReport) => void;
}

export type StudentStatus = 'created' | 'existed' | 'planned' | 'failed';

export interface StudentReport {
  username: string;
  studentId: string;
  repository: string;
  status: StudentStatus;
  steps: StepOutcome[];
  /** why it failed (our words plus GitHub's status and message; never the token) */
  error?: string;
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
  const t: StudentTarget = { owner: options.org, repo, username: student.githubUsername, apply: options.apply === true, gh: options.gh };
  const steps: StepOutcome[] = [];
  let error: string | undefined;
  const pollMs = options.pollMs ?? 1000;
  try {
    steps.push(await ensureRepository(t, options.template, (attempt) => new Promise((r) => setTimeout(r, pollMs * (attempt + 1)))));
    steps.push(await ensureCollaborator(t));
    steps.push(await ensureFeedbackBranch(t));
    steps.push(await ensureStarterRecorded(t));
    steps.push(await ensureFeedbackPull(t));
  } catch (thrown: unknown) {
    error = thrown instanceof Error ? thrown.message : describeThrown(thrown);
  }
  return { username: student.githubUsername, studentId: student.studentId, repository: `${options.org}/${repo}`, status: summarise(steps, error), steps, ...(error !== undefined ? { error } : {}) };
}

/**
 * `dlgrade provision`: for each student, their repository from the template, collaborator access,
 * the `feedback` branch at the starter commit, the starter commit recorded in the manifest and the
 * workflow, and the Feedback PR. Checks before creating (idempotent: a second run reports what
 * existed), dry run unless `apply`, a limited number of students at once, and one student's
 * failure never stops the others. Reports in roster order.
 */
export async function provision(options: ProvisionOptions): Promise<StudentReport[]> {
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


/** One line per student, then one per step that did something or would. */
export function renderProvisionReport(reports: readonly StudentReport[], apply: boolean, lang: Lang = 'es'): string {
  const m = t(lang).instructor.provision;
  const lines: string[] = [apply ? m.headingApply : m.headingDryRun];
  for (const r of reports) {
    lines.push(`  ${r.status === 'failed' ? '✘' : r.status === 'planned' ? '·' : '✔'} ${r.username} → ${r.repository}: ${m.state[r.status]}${r.error !== undefined ? ` — ${r.error}` : ''}`);
    for (const s of r.steps) lines.push(`      ${s.step}: ${m.state[s.state]}${s.detail !== undefined ? ` (${s.detail})` : ''}`);
  }
  const count = (status: StudentStatus) => reports.filter((r) => r.status === status).length;
  lines.push(m.total(reports.length, count('created'), count('existed'), count('planned'), count('failed')));
  return lines.join('\n') + '\n';
}
