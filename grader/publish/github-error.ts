import { describeThrown } from '../errors.ts';
import { plainText } from '../report/escape.ts';

/** What a failed GitHub call means for publishing. */
export type GitHubFailureKind = 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'invalid' | 'unauthorized' | 'network';

export interface GitHubFailure {
  kind: GitHubFailureKind;
  status: number | undefined;
  /** GitHub's message, cleaned and capped */
  message: string;
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers;
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Classifies anything octokit threw (pure; never trusts the shape). */
export function classifyGitHubError(error: unknown): GitHubFailure {
  const status = statusOf(error);
  const message = plainText(describeThrown(error).replace(/^HttpError: /, ''), 300, { foldNewlines: true });
  let kind: GitHubFailureKind;
  if (status === undefined || status === 0) kind = 'network';
  else if (status === 429 || (status === 403 && (headerOf(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message)))) kind = 'rate-limited';
  else if (status === 401) kind = 'unauthorized';
  else if (status === 403) kind = 'forbidden';
  else if (status === 404 || status === 410) kind = 'not-found';
  else if (status === 422 || status === 400) kind = 'invalid';
  else if (status >= 500) kind = 'server';
  else kind = 'invalid';
  return { kind, status, message };
}
