import type { GitHubClient } from '../github/client.ts';

/** Activity types that move a branch to `after` (branch deletions do not). */
const MOVES_BRANCH = new Set(['push', 'force_push', 'branch_creation', 'pr_merge', 'merge_queue_merge']);

export interface PushRecord {
  after: string;
  timestamp: string;
  type: string;
}

export interface DeadlineSelection {
  /** the branch's commit as of the last push GitHub received at or before the deadline */
  onTime: PushRecord | undefined;
  /** pushes GitHub received after the deadline */
  late: PushRecord[];
}

/**
 * The pushes GitHub recorded for a branch (server time, not commit dates, which students control),
 * every page. All types that move the branch are kept, so a force push counts like a push.
 */
export async function listBranchPushes(gh: GitHubClient, owner: string, repo: string, branch: string): Promise<PushRecord[]> {
  const activity = await gh.paginate(gh.rest.repos.listActivities, { owner, repo, ref: `refs/heads/${branch}`, per_page: 100 });
  return activity
    .filter((a) => MOVES_BRANCH.has(a.activity_type) && /^[0-9a-f]{40}$/i.test(a.after) && !/^0+$/.test(a.after))
    .map((a) => ({ after: a.after.toLowerCase(), timestamp: a.timestamp, type: a.activity_type }));
}

/** Splits pushes at the deadline (inclusive) and picks the last one on time. Pure. */
export function selectAtDeadline(pushes: readonly PushRecord[], deadline: Date): DeadlineSelection {
  const at = (p: PushRecord) => Date.parse(p.timestamp);
  const sorted = [...pushes].sort((a, b) => at(a) - at(b));
  const onTime = sorted.filter((p) => at(p) <= deadline.getTime());
  return { onTime: onTime.at(-1), late: sorted.filter((p) => at(p) > deadline.getTime()) };
}
