/**
 * Classroom 50's context for `result.json`, from the variables its runner gives an `autograder.py`
 * (cli/gh-teacher/skeleton/dotgithub/scripts/runner.py, `run_entrypoint`): CLASSROOM, ASSIGNMENT,
 * SUBMISSION_TAG (required: without them this is not a Classroom 50 run and no `result.json` is
 * written), OWNER / USERNAME, ASSIGNMENT_TYPE, COMMIT_URL, RELEASE_URL, REVIEW_URL. `datetime` is
 * the graded commit's committer date (DLGRADE_COMMIT_DATE, else `git show -s --format=%cI <sha>`
 * in the checkout), never the time of publishing; `graded_at` is the wall clock.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';
import { classroom50Datetime, type Classroom50Context } from '../report/formats/classroom50.ts';

const run = promisify(execFile);

export const CLASSROOM50_REQUIRED = ['CLASSROOM', 'ASSIGNMENT', 'SUBMISSION_TAG'] as const;

export type Classroom50Resolution =
  | { ok: true; context: Classroom50Context }
  /** `absent`: none of the required variables (not a Classroom 50 run); `incomplete`: some, or a bad value */
  | { ok: false; kind: 'absent' | 'incomplete'; problems: string[] };

export interface Classroom50Inputs {
  env: Record<string, string | undefined>;
  serverUrl: string;
  owner: string | undefined;
  repo: string | undefined;
  sha: string | undefined;
  now: Date;
  /** the checkout, to read the commit's date with git; default the working directory */
  cwd?: string;
  /** the language of `problems` (default: the process's, grader/i18n currentLang) */
  lang?: Lang;
}

function value(env: Record<string, string | undefined>, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** The graded commit's committer date: DLGRADE_COMMIT_DATE, else git in the checkout; undefined if neither. */
export async function commitDate(inputs: Pick<Classroom50Inputs, 'env' | 'sha' | 'cwd'>): Promise<Date | undefined> {
  const given = value(inputs.env, 'DLGRADE_COMMIT_DATE');
  if (given !== undefined) {
    const time = Date.parse(given);
    return Number.isNaN(time) ? undefined : new Date(time);
  }
  if (inputs.sha === undefined) return undefined;
  try {
    const { stdout } = await run('git', ['-c', 'safe.directory=*', 'show', '-s', '--format=%cI', inputs.sha], { cwd: inputs.cwd ?? process.cwd(), timeout: 30_000 });
    const time = Date.parse(stdout.trim());
    return Number.isNaN(time) ? undefined : new Date(time);
  } catch {
    return undefined;
  }
}

/** Resolves the context, or says why `result.json` cannot be written. */
export async function resolveClassroom50Context(inputs: Classroom50Inputs): Promise<Classroom50Resolution> {
  const { env } = inputs;
  const w = t(inputs.lang ?? currentLang()).publish.classroom50;
  const missing = CLASSROOM50_REQUIRED.filter((name) => value(env, name) === undefined);
  if (missing.length === CLASSROOM50_REQUIRED.length) return { ok: false, kind: 'absent', problems: [w.notSet(missing)] };
  const problems: string[] = missing.length > 0 ? [w.notSet(missing)] : [];
  const classroom = value(env, 'CLASSROOM') ?? '';
  const assignment = value(env, 'ASSIGNMENT') ?? '';
  const submission = value(env, 'SUBMISSION_TAG') ?? '';
  if (submission !== '' && !submission.startsWith('submit/')) problems.push(w.badTag(JSON.stringify(submission.slice(0, 80))));
  const repoUrl = inputs.owner === undefined || inputs.repo === undefined ? undefined : `${inputs.serverUrl}/${inputs.owner}/${inputs.repo}`;
  // the runner derives the owner from `<classroom>-<assignment>-<username>`, else GITHUB_ACTOR
  const prefix = `${classroom}-${assignment}-`.toLowerCase();
  const fromName = inputs.repo !== undefined && inputs.repo.toLowerCase().startsWith(prefix) ? inputs.repo.slice(prefix.length) : undefined;
  const owner = value(env, 'OWNER') ?? value(env, 'USERNAME') ?? fromName ?? value(env, 'GITHUB_ACTOR');
  if (owner === undefined) problems.push(w.noOwner);
  const commit = value(env, 'COMMIT_URL') ?? (repoUrl !== undefined && inputs.sha !== undefined ? `${repoUrl}/commit/${inputs.sha}` : undefined);
  if (commit === undefined) problems.push(w.noCommitUrl);
  const release = value(env, 'RELEASE_URL') ?? (repoUrl !== undefined && submission !== '' ? `${repoUrl}/releases/tag/${encodeURIComponent(submission)}` : undefined);
  if (release === undefined) problems.push(w.noReleaseUrl);
  const date = await commitDate(inputs);
  if (date === undefined) problems.push(w.noDate);
  if (problems.length > 0 || owner === undefined || commit === undefined || release === undefined || date === undefined) return { ok: false, kind: 'incomplete', problems };
  return {
    ok: true,
    context: {
      classroom,
      assignment,
      assignment_type: value(env, 'ASSIGNMENT_TYPE')?.toLowerCase() === 'group' ? 'group' : 'individual',
      owner,
      submission,
      commit,
      release,
      review: value(env, 'REVIEW_URL') ?? commit,
      datetime: classroom50Datetime(date),
      graded_at: classroom50Datetime(inputs.now),
    },
  };
}
