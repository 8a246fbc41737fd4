import { Octokit } from 'octokit';
import type { Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';

/** The GitHub client publish uses; tests build theirs with faster timings against a fake server. */
export type GitHubClient = Octokit;

export interface ClientLog {
  warn(message: string): void;
}

export interface OctokitFactoryOptions {
  token: string;
  baseUrl: string;
  log: ClientLog;
  /** the language of the client's warnings (default: the process's, grader/i18n currentLang) */
  lang?: Lang;
}

/** Builds the client: injected into publish so tests can point it at 127.0.0.1 and shorten the waits. */
export type OctokitFactory = (options: OctokitFactoryOptions) => GitHubClient;

/** Timings and limiter overrides (tests: milliseconds instead of seconds, no write spacing). */
export interface ClientTuning {
  /** retry plugin: a retry waits (attempt²) × this many ms; GitHub's default is 1000 */
  retryBaseMs?: number;
  /** throttling plugin: a `retry-after: N` waits N × this many ms; default 1000 */
  rateLimitBaseMs?: number;
  /** extra throttling options, e.g. Bottleneck groups with no `minTime` for tests */
  throttle?: Record<string, unknown>;
  retries?: number;
}

/** The longest `retry-after` publish will wait before giving up on a rate-limited request. */
export const MAX_RATE_LIMIT_WAIT_S = 120;

/**
 * The real factory: octokit's bundled retry (5xx, network) and throttling (429, 403 with
 * `x-ratelimit-remaining: 0`, secondary limits with `retry-after`) plugins, at most two waits per request.
 * 429 is left to the throttling plugin, which honours `retry-after`.
 */
export function octokitFactory(tuning: ClientTuning = {}): OctokitFactory {
  return ({ token, baseUrl, log, lang }) => {
    const m = t(lang ?? currentLang()).publish.log;
    const onLimit = (kind: 'primary' | 'secondary') => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const retry = retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
      log.warn(m.rateLimit(kind, `${options.method ?? ''} ${options.url ?? ''}`.trim(), retry ? retryAfter : undefined));
      return retry;
    };
    return new Octokit({
      auth: token,
      baseUrl,
      userAgent: 'dlgrade-publish',
      log: { debug: () => {}, info: () => {}, warn: (message: string) => log.warn(m.octokitSays(message)), error: () => {} },
      retry: { retries: tuning.retries ?? 3, retryAfterBaseValue: tuning.retryBaseMs ?? 1000, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: tuning.rateLimitBaseMs ?? 1000,
        ...tuning.throttle,
      },
    });
  };
}
