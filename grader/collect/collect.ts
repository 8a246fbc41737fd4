import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { simpleGit } from 'simple-git';
import { describeThrown } from '../errors.ts';
import { describeGitHubError, httpStatus, type GitHubClient } from '../github/client.ts';
import { authConfig, redact } from '../github/git-auth.ts';
import type { RosterEntry } from '../provision/roster.ts';
import { studentRepoName } from '../provision/provision.ts';
import type { Lang } from '../engine/result.ts';
import { MANIFEST_PATH, WORKFLOW_PATH } from '../provision/steps.ts';
import { currentLang } from '../i18n/index.ts';
import { collectWords } from './messages.ts';
import { NO_SUBMISSION } from './no-submission.ts';
import { listBranchPushes, selectAtDeadline } from './pushes.ts';

export const COLLECT_FILE = 'collect.json';
export { NO_SUBMISSION } from './no-submission.ts';
/** What provision itself commits to a student's repository after generating it. */
export const PROVISION_FILES: readonly string[] = [MANIFEST_PATH, WORKFLOW_PATH];

/** `<out>/<username>/collect.json`, format 1. */
export interface CollectRecord {
  schema_version: 1;
  username: string;
  student_id: string;
  /** owner/name */
  repo: string;
  default_branch: string | null;
  deadline: string;
  /** the commit checked out in `<out>/<username>/`; null when nothing was pushed before the deadline or it failed */
  sha: string | null;
  /** when GitHub received the push that made `sha` the branch head */
  pushed_at: string | null;
  late_pushes: { count: number; last_pushed_at: string | null; last_sha: string | null };
  /** where the repository's `feedback` branch points: its starter commit (names it in the provisioned workflow) */
  starter_commit: string | null;
  /** `i/n` when collected with --shard */
  shard: string | null;
  status: 'collected' | 'no-submission' | 'failed';
  /**
   * why there is nothing to grade: no push to the default branch before the deadline, or only
   * the provisioning commits (the branch, as of the deadline, differs from the starter commit in
   * provision's own files at most); null when collected or failed
   */
  no_submission: 'no-push' | 'only-provisioning' | null;
  errors: string[];
  collected_at: string;
}

export interface CollectOptions {
  gh: GitHubClient;
  /** sent to git as an http extra header, never written to disk */
  token?: string;
  org: string;
  assignment: string;
  students: readonly RosterEntry[];
  deadline: Date;
  out: string;
  concurrency?: number;
  /** recorded in each collect.json */
  shard?: { index: number; count: number };
  now?: () => Date;
  onStudent?: (record: CollectRecord) => void;
  /** the language of the errors recorded (default: the process's, grader/i18n currentLang) */
  lang?: Lang;
}

function writeRecord(dir: string, record: CollectRecord): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, COLLECT_FILE);
  // the student's tree may hold a collect.json (even a symbolic link): ours replaces it, never follows it
  try {
    lstatSync(file);
    rmSync(file, { recursive: true, force: true });
  } catch {
    // absent
  }
  writeFileSync(file, JSON.stringify(record, null, 2) + '\n', { flag: 'wx' });
}

/** Fetches exactly `sha` from `url` into `dir` and checks it out (detached, clean). No remote is saved. */
async function checkoutCommit(dir: string, url: string, sha: string, token: string | undefined): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const git = simpleGit(dir);
  const auth = authConfig(token).flatMap((c) => ['-c', c]);
  if (!existsSync(join(dir, '.git'))) await git.init(['--quiet']);
  try {
    await git.raw([...auth, 'fetch', '--quiet', '--depth', '1', '--no-tags', url, sha]);
  } catch {
    // a server that refuses fetching by id: take the branches and look for it there
    await git.raw([...auth, 'fetch', '--quiet', '--no-tags', url, '+refs/heads/*:refs/dlgrade/*']);
  }
  await git.raw(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', '--force', '--detach', sha]);
  await git.raw(['clean', '-ffdxq', '-e', COLLECT_FILE]);
  const head = (await git.revparse(['HEAD'])).trim();
  if (head !== sha) throw new Error(collectWords(currentLang()).wrongCheckout(head, sha));
}

/**
 * True when `sha` differs from the starter commit only in the files provision writes (the
 * manifest and the workflow naming the repository's own starter commit): the pushes so far are
 * provision's, not the student's. Any doubt (the starter cannot be fetched) counts as a submission.
 */
async function onlyProvisioningChanges(dir: string, url: string, starter: string, sha: string, token: string | undefined): Promise<boolean> {
  const git = simpleGit(dir);
  const auth = authConfig(token).flatMap((c) => ['-c', c]);
  try {
    const present = await git.raw(['cat-file', '-e', `${starter}^{commit}`]).then(() => true, () => false);
    if (!present) await git.raw([...auth, 'fetch', '--quiet', '--depth', '1', '--no-tags', url, starter]);
    const changed = (await git.raw(['diff', '--name-only', '--no-renames', starter, sha])).split('\n').filter(Boolean);
    return changed.every((f) => PROVISION_FILES.includes(f));
  } catch {
    return false;
  }
}

async function collectOne(options: CollectOptions, student: RosterEntry): Promise<CollectRecord> {
  const repo = studentRepoName(options.assignment, student.githubUsername);
  const w = collectWords(options.lang ?? currentLang());
  const dir = resolve(options.out, student.githubUsername.toLowerCase());
  const record: CollectRecord = {
    schema_version: 1, username: student.githubUsername, student_id: student.studentId, repo: `${options.org}/${repo}`, default_branch: null,
    deadline: options.deadline.toISOString(), sha: null, pushed_at: null, late_pushes: { count: 0, last_pushed_at: null, last_sha: null },
    starter_commit: null, shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null, status: 'failed', no_submission: null, errors: [], collected_at: (options.now ?? (() => new Date()))().toISOString(),
  };
  try {
    let cloneUrl: string;
    try {
      const { data } = await options.gh.rest.repos.get({ owner: options.org, repo });
      record.default_branch = data.default_branch;
      cloneUrl = data.clone_url;
    } catch (error: unknown) {
      throw new Error(httpStatus(error) === 404 ? w.repoNotFound(`${options.org}/${repo}`) : w.repoFailed(`${options.org}/${repo}`, describeGitHubError(error)));
    }
    let pushes;
    try {
      pushes = await listBranchPushes(options.gh, options.org, repo, record.default_branch as string);
    } catch (error: unknown) {
      throw new Error(w.activityFailed(describeGitHubError(error)));
    }
    try {
      record.starter_commit = (await options.gh.rest.repos.getBranch({ owner: options.org, repo, branch: 'feedback' })).data.commit.sha;
    } catch (error: unknown) {
      if (httpStatus(error) !== 404) record.errors.push(w.feedbackBranchFailed(describeGitHubError(error)));
    }
    const { onTime, late } = selectAtDeadline(pushes, options.deadline);
    record.late_pushes = { count: late.length, last_pushed_at: late.at(-1)?.timestamp ?? null, last_sha: late.at(-1)?.after ?? null };
    if (onTime === undefined) {
      record.status = 'no-submission';
      record.no_submission = 'no-push';
      record.errors.push(NO_SUBMISSION);
    } else if (record.starter_commit !== null && onTime.after === record.starter_commit) {
      record.status = 'no-submission';
      record.no_submission = 'only-provisioning';
      record.errors.push(NO_SUBMISSION);
    } else {
      record.sha = onTime.after;
      record.pushed_at = onTime.timestamp;
      try {
        await checkoutCommit(dir, cloneUrl, onTime.after, options.token);
      } catch (error: unknown) {
        record.sha = null;
        throw new Error(w.gitFailed(redact(describeThrown(error), options.token).split('\n').filter(Boolean).slice(0, 3).join(' ')));
      }
      record.status = 'collected';
      if (record.starter_commit !== null && (await onlyProvisioningChanges(dir, cloneUrl, record.starter_commit, onTime.after, options.token))) {
        record.status = 'no-submission';
        record.no_submission = 'only-provisioning';
        record.errors.push(NO_SUBMISSION);
      }
    }
  } catch (error: unknown) {
    record.status = 'failed';
    record.errors.push(redact(error instanceof Error ? error.message : describeThrown(error), options.token));
  }
  // no stale tree from an earlier run may pass for this one's: only a collected folder holds files
  if (record.status !== 'collected' && existsSync(dir)) {
    for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
  }
  writeRecord(dir, record);
  return record;
}

/**
 * `dlgrade collect`: for each student, the commit their default branch had after the last push
 * GitHub received before the deadline (the repository activity, not commit dates), checked out into
 * `<out>/<username>/` with a `collect.json` beside the files. Several at once; one failing
 * repository never stops the others. Results in roster order.
 */
export async function collect(options: CollectOptions): Promise<CollectRecord[]> {
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  mkdirSync(options.out, { recursive: true });
  return Promise.all(
    options.students.map((s) =>
      limit(async () => {
        const record = await collectOne(options, s);
        options.onStudent?.(record);
        return record;
      }),
    ),
  );
}

/** One student's line, in `lang`. */
export function renderCollectLine(r: CollectRecord, lang: Lang = 'es'): string {
  const w = collectWords(lang);
  const mark = r.status === 'collected' ? '✔' : r.status === 'no-submission' ? '·' : '✘';
  const late = r.late_pushes.count > 0 ? ` · ${w.late(r.late_pushes.count, r.late_pushes.last_pushed_at ?? '')}` : '';
  const errors = r.errors.filter((e) => e !== NO_SUBMISSION);
  const what =
    r.status === 'collected' ? `${r.sha?.slice(0, 12)} (push ${r.pushed_at})`
    : r.status === 'no-submission' ? (r.no_submission === 'only-provisioning' ? w.onlyProvisioning : w.noPush(r.default_branch ?? 'main'))
    : `${w.error}: ${errors.join('; ')}`;
  return `  ${mark} ${r.username} ${r.repo}: ${what}${late}`;
}

export function renderCollectTotals(records: readonly CollectRecord[], lang: Lang = 'es'): string {
  const count = (s: CollectRecord['status']) => records.filter((r) => r.status === s).length;
  return collectWords(lang).total(records.length, count('collected'), count('no-submission'), count('failed'));
}

export function renderCollectReport(records: readonly CollectRecord[], lang: Lang = 'es'): string {
  return [...records.map((r) => renderCollectLine(r, lang)), renderCollectTotals(records, lang)].join('\n') + '\n';
}
