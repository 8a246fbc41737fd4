import { readFileSync } from 'node:fs';
import { DlgradeError } from '../errors.ts';
import { text as catalogText } from '../i18n/index.ts';
import { octokitFactory, type ClientTuning, type GitHubClient } from '../publish/octokit.ts';

export type { GitHubClient } from '../publish/octokit.ts';

/** The token of the instructor commands: `--token-file`, else GITHUB_TOKEN (or DLGRADE_TOKEN). Never printed. */
export function readToken(options: { tokenFile?: string; env?: NodeJS.ProcessEnv }): string {
  const env = options.env ?? process.env;
  if (options.tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(options.tokenFile, 'utf8');
    } catch (cause: unknown) {
      throw new DlgradeError({ code: 'E_IO', file: options.tokenFile, message: catalogText().errors.github.tokenUnreadable, fix: catalogText().errors.github.tokenUnreadableFix, cause });
    }
    const token = text.trim();
    if (token === '') throw new DlgradeError({ code: 'E_CONFIG', file: options.tokenFile, message: catalogText().errors.github.tokenEmpty, fix: catalogText().errors.github.tokenEmptyFix });
    return token;
  }
  const token = env['GITHUB_TOKEN'] ?? env['DLGRADE_TOKEN'];
  if (token === undefined || token.trim() === '') {
    throw new DlgradeError({ code: 'E_CONFIG', message: catalogText().errors.github.noToken, fix: catalogText().errors.github.noTokenFix });
  }
  return token.trim();
}

export interface InstructorClientOptions {
  token: string;
  apiUrl?: string;
  tuning?: ClientTuning;
  warn?: (message: string) => void;
}

/** octokit with publish's retry and throttling settings, pointed at api.github.com or --api-url (GHES, tests). */
export function instructorClient(options: InstructorClientOptions): GitHubClient {
  return octokitFactory(options.tuning)({
    token: options.token,
    baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    log: { warn: options.warn ?? ((m) => process.stderr.write(`${m}\n`)) },
  });
}

/** The HTTP status of an octokit error, if it has one. */
export function httpStatus(error: unknown): number | undefined {
  const value = (error as { status?: unknown } | null)?.status;
  return typeof value === 'number' ? value : undefined;
}

/** A short reason for a failed GitHub call, never containing the token. */
export function describeGitHubError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
  return status !== undefined ? `HTTP ${status}: ${message}` : message;
}

/** True when a 422 says the thing already exists (GitHub: "name already exists on this account", "Reference already exists"). */
export function alreadyExists(error: unknown): boolean {
  if (httpStatus(error) !== 422) return false;
  const text = JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? '') + String((error as Error).message ?? '');
  return /already exists/i.test(text);
}
