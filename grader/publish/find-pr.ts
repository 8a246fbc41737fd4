import type { GitHubClient } from './octokit.ts';

export const FEEDBACK_BRANCH = 'feedback';

export interface PullTarget {
  /** how the PRs were found */
  via: 'feedback' | 'event' | 'commit' | 'none';
  numbers: number[];
  /** what was looked for and not found (worded by the caller, in the feedback's language) */
  notes: PullNote[];
  /** a `feedback` branch that does not point at the starter commit (a warning, worded by the caller) */
  refusedBranch?: { branch: string; sha: string; starter: string };
}

export type PullNote = { kind: 'no-starter' } | { kind: 'no-feedback-branch'; branch: string } | { kind: 'no-feedback-pull'; branch: string } | { kind: 'no-commit-pull' };

export interface FindPullOptions {
  owner: string;
  repo: string;
  sha: string;
  starterSha?: string;
  eventPullNumber?: number;
  /** at most this many PRs get a comment (a commit can head several) */
  maxPulls?: number;
}

function sameCommit(full: string, recorded: string): boolean {
  return recorded.length >= 7 && full.toLowerCase().startsWith(recorded.toLowerCase());
}

function status(error: unknown): number | undefined {
  const value = (error as { status?: unknown } | null)?.status;
  return typeof value === 'number' ? value : undefined;
}

/**
 * The Feedback PR (base `feedback`, only while that branch still points at the recorded starter
 * commit: a student can create a `feedback` branch of their own); else the event's PR; else the open
 * PRs headed by the pushed commit; else none.
 */
export async function findTargetPulls(gh: GitHubClient, options: FindPullOptions): Promise<PullTarget> {
  const { owner, repo } = options;
  const notes: PullNote[] = [];
  let refusedBranch: PullTarget['refusedBranch'];
  const found = (via: PullTarget['via'], numbers: number[]): PullTarget => ({ via, numbers, notes, ...(refusedBranch ? { refusedBranch } : {}) });
  if (options.starterSha === undefined) {
    notes.push({ kind: 'no-starter' });
  } else {
    let branchSha: string | undefined;
    try {
      branchSha = (await gh.rest.repos.getBranch({ owner, repo, branch: FEEDBACK_BRANCH })).data.commit.sha;
    } catch (error: unknown) {
      if (status(error) !== 404) throw error;
      notes.push({ kind: 'no-feedback-branch', branch: FEEDBACK_BRANCH });
    }
    if (branchSha !== undefined && !sameCommit(branchSha, options.starterSha)) {
      refusedBranch = { branch: FEEDBACK_BRANCH, sha: branchSha.slice(0, 12), starter: options.starterSha.slice(0, 12) };
    } else if (branchSha !== undefined) {
      const pulls = await gh.rest.pulls.list({ owner, repo, base: FEEDBACK_BRANCH, state: 'open', sort: 'created', direction: 'asc', per_page: 10 });
      const feedback = pulls.data.find((p) => p.base.ref === FEEDBACK_BRANCH);
      if (feedback !== undefined) return { via: 'feedback', numbers: [feedback.number], notes };
      notes.push({ kind: 'no-feedback-pull', branch: FEEDBACK_BRANCH });
    }
  }
  if (options.eventPullNumber !== undefined) return found('event', [options.eventPullNumber]);
  const associated = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: options.sha, per_page: 100 });
  const refused = refusedBranch !== undefined;
  const open = associated.data.filter(
    // with a refused `feedback` branch, a PR into it is not a Feedback PR either
    (p) => p.state === 'open' && p.head.sha.toLowerCase() === options.sha.toLowerCase() && !(refused && p.base.ref === FEEDBACK_BRANCH),
  );
  if (open.length > 0) return found('commit', open.slice(0, options.maxPulls ?? 3).map((p) => p.number));
  notes.push({ kind: 'no-commit-pull' });
  return found('none', []);
}
