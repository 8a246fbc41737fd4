import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import { httpStatus } from './client.ts';

/**
 * A failed GitHub call explained for an instructor: what it means and how to fix it, in their
 * language (the catalog's `github` area), with GitHub's own status and message kept apart (never the bare
 * `HTTP 404: Not Found - https://docs.github.com/rest`). Never contains the token: octokit's
 * messages do not carry it.
 */
export interface GitHubExplanation {
  /** what it means, in the instructor's words */
  reason: string;
  /** what to do about it */
  fix: string;
  /** GitHub's status and first line of its message, e.g. `HTTP 403 "Resource not accessible by integration"` */
  github: string;
}

/** Where the call was made (what a 404 or a 422 means depends on it). */
export type GitHubTarget = { kind: 'repo'; repo: string } | { kind: 'template'; repo: string } | { kind: 'user'; username: string } | { kind: 'api' };

function isNetworkError(error: unknown): boolean {
  const text = [String((error as Error | undefined)?.message ?? ''), String(((error as { cause?: { code?: unknown; message?: unknown } })?.cause)?.code ?? ''), String(((error as { cause?: { message?: unknown } })?.cause)?.message ?? '')].join(' ');
  return /ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|fetch failed|getaddrinfo/i.test(text);
}

/** GitHub's validation details (`errors[].message`), when it gave any. */
function validationDetail(error: unknown): string {
  const data = (error as { response?: { data?: { errors?: unknown } } }).response?.data;
  const errors = Array.isArray(data?.errors) ? data.errors : [];
  return errors
    .map((e) => (typeof e === 'string' ? e : typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : ''))
    .filter(Boolean)
    .join('; ');
}

/** GitHub's status and message, without the "- https://docs.github.com/rest" tail octokit appends. */
export function githubSummary(error: unknown): string {
  const status = httpStatus(error);
  const message = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '').trim();
  return status !== undefined ? `HTTP ${status}${message ? ` «${message}»` : ''}` : message;
}

export function explainGitHubError(error: unknown, lang: Lang, target: GitHubTarget = { kind: 'api' }, apiUrl = 'https://api.github.com'): GitHubExplanation {
  const w = t(lang).github;
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  let pair: [string, string];
  if (isNetworkError(error)) pair = w.network(apiUrl);
  else if (status === 401) pair = w.unauthorized;
  else if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))) pair = w.rateLimited;
  else if (status === 403 && /workflow/i.test(message)) pair = w.forbiddenWorkflow;
  else if (status === 403) pair = w.forbidden;
  else if (status === 404) pair = w.notFound(target);
  else if (status === 409) pair = w.conflict;
  else if (status === 422) pair = w.invalid(validationDetail(error));
  else if (status !== undefined && status >= 500) pair = w.server;
  else pair = w.other;
  return { reason: pair[0], fix: pair[1], github: githubSummary(error) };
}
