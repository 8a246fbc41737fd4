import type { GitHubClient } from './octokit.ts';

/** The hidden first line of dlgrade's one comment per pull request. */
export const STICKY_MARKER = '<!-- dlgrade:feedback -->';

/** GitHub rejects a comment body over this many characters. */
export const COMMENT_MAX_CHARS = 65_536;

export interface CommentLike {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
  created_at?: string;
}

/**
 * Ours only when a Bot wrote it and the marker is the very start of the body: a student quoting the
 * marker (in a message or their own comment) never matches.
 */
export function isStickyComment(comment: CommentLike, marker = STICKY_MARKER): boolean {
  return comment.user?.type === 'Bot' && typeof comment.body === 'string' && comment.body.startsWith(marker);
}

export interface StickyOutcome {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  /** later marker comments left alone (a race between two runs) */
  duplicates: number[];
}

function age(a: CommentLike, b: CommentLike): number {
  const time = (c: CommentLike) => (c.created_at === undefined ? 0 : Date.parse(c.created_at) || 0);
  return time(a) - time(b) || a.id - b.id;
}

/** Creates, updates in place, or leaves alone the one dlgrade comment on an issue or PR. */
export async function upsertStickyComment(
  gh: GitHubClient,
  target: { owner: string; repo: string; issueNumber: number },
  body: string,
  marker = STICKY_MARKER,
): Promise<StickyOutcome> {
  const { owner, repo, issueNumber } = target;
  if (!body.startsWith(marker)) throw new Error('a sticky comment body must start with its marker');
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const ours = comments.filter((c) => isStickyComment(c, marker)).sort(age);
  const [oldest, ...duplicates] = ours;
  if (oldest === undefined) {
    const created = await gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { action: 'created', commentId: created.data.id, duplicates: [] };
  }
  const ids = duplicates.map((d) => d.id);
  if (oldest.body === body) return { action: 'unchanged', commentId: oldest.id, duplicates: ids };
  await gh.rest.issues.updateComment({ owner, repo, comment_id: oldest.id, body });
  return { action: 'updated', commentId: oldest.id, duplicates: ids };
}
