import type { Lang } from '../engine/result.ts';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';

const F = () => text().errors.publish.fix;

/** Everything `dlgrade publish` needs to know about where it runs, resolved from flags then env. */
export interface PublishConfig {
  resultFile: string;
  outDir: string;
  lang: Lang | undefined;
  token: string | undefined;
  apiUrl: string;
  serverUrl: string;
  owner: string | undefined;
  repo: string | undefined;
  sha: string | undefined;
  eventName: string | undefined;
  eventPath: string | undefined;
  runId: string | undefined;
  stepSummary: string | undefined;
  outputFile: string | undefined;
  checkRunId: number | undefined;
  starterSha: string | undefined;
  manifestPath: string;
  checkName: string;
  dryRun: boolean;
  /** Classroom 50's points are these times dlgrade's (they must come out whole); default 1 */
  classroom50Scale: number;
}

/** The CLI flags (commander's camelCase names); each overrides its environment variable. */
export interface PublishFlags {
  result?: string;
  outDir?: string;
  lang?: string;
  apiUrl?: string;
  serverUrl?: string;
  repo?: string;
  sha?: string;
  eventPath?: string;
  runId?: string;
  summaryFile?: string;
  outputFile?: string;
  checkRunId?: string;
  starterSha?: string;
  manifest?: string;
  checkName?: string;
  dryRun?: boolean;
  classroom50Scale?: string;
}

const SHA = /^[0-9a-f]{7,64}$/i;
const REPO = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function optionError(name: string, value: string, fix: string): DlgradeError {
  return new DlgradeError({ code: 'E_OPTION', message: text().errors.publish.badOption(name, JSON.stringify(value.slice(0, 100))), fix });
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error: unknown) {
    throw new DlgradeError({ code: 'E_OPTION', message: text().errors.publish.badOption(name, text().errors.publish.notUrl), fix: F().httpUrl, cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw optionError(name, value, F().httpUrl);
  return value.replace(/\/+$/, '');
}

/** Resolves the configuration (pure: env and flags in, config out); throws E_OPTION on malformed values. */
export function resolvePublishConfig(flags: PublishFlags, env: Record<string, string | undefined>): PublishConfig {
  const repository = nonEmpty(flags.repo) ?? nonEmpty(env.GITHUB_REPOSITORY);
  let owner: string | undefined;
  let repo: string | undefined;
  if (repository !== undefined) {
    const match = REPO.exec(repository);
    if (!match) throw optionError('repository (--repo / GITHUB_REPOSITORY)', repository, F().repository);
    owner = match[1];
    repo = match[2];
  }
  const sha = nonEmpty(flags.sha) ?? nonEmpty(env.GITHUB_SHA);
  if (sha !== undefined && !SHA.test(sha)) throw optionError('commit (--sha / GITHUB_SHA)', sha, F().sha);
  const starterSha = nonEmpty(flags.starterSha);
  if (starterSha !== undefined && !SHA.test(starterSha)) throw optionError('--starter-sha', starterSha, F().starterSha);
  const checkRunText = nonEmpty(flags.checkRunId) ?? nonEmpty(env.DLGRADE_CHECK_RUN_ID);
  let checkRunId: number | undefined;
  if (checkRunText !== undefined) {
    checkRunId = Number(checkRunText);
    if (!Number.isSafeInteger(checkRunId) || checkRunId <= 0) throw optionError('--check-run-id / DLGRADE_CHECK_RUN_ID', checkRunText, F().checkRunId);
  }
  const scaleText = nonEmpty(flags.classroom50Scale) ?? nonEmpty(env.DLGRADE_CLASSROOM50_SCALE);
  const classroom50Scale = scaleText === undefined ? 1 : Number(scaleText);
  if (!Number.isFinite(classroom50Scale) || classroom50Scale <= 0 || classroom50Scale > 1_000_000) {
    throw optionError('--classroom50-scale / DLGRADE_CLASSROOM50_SCALE', scaleText ?? '', F().scale);
  }
  const lang = nonEmpty(flags.lang);
  if (lang !== undefined && lang !== 'es' && lang !== 'en') throw optionError('--lang', lang, F().lang);
  return {
    resultFile: nonEmpty(flags.result) ?? 'dlgrade-result.json',
    outDir: nonEmpty(flags.outDir) ?? '.',
    lang,
    token: nonEmpty(env.GITHUB_TOKEN),
    apiUrl: httpUrl('--api-url / GITHUB_API_URL', nonEmpty(flags.apiUrl) ?? nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com'),
    serverUrl: httpUrl('--server-url / GITHUB_SERVER_URL', nonEmpty(flags.serverUrl) ?? nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com'),
    owner,
    repo,
    sha: sha?.toLowerCase(),
    eventName: nonEmpty(env.GITHUB_EVENT_NAME),
    eventPath: nonEmpty(flags.eventPath) ?? nonEmpty(env.GITHUB_EVENT_PATH),
    runId: (nonEmpty(flags.runId) ?? nonEmpty(env.GITHUB_RUN_ID))?.replace(/[^0-9]/g, '') || undefined,
    stepSummary: nonEmpty(flags.summaryFile) ?? nonEmpty(env.GITHUB_STEP_SUMMARY),
    outputFile: nonEmpty(flags.outputFile) ?? nonEmpty(env.GITHUB_OUTPUT),
    checkRunId,
    starterSha: starterSha?.toLowerCase(),
    manifestPath: nonEmpty(flags.manifest) ?? '.dlgrade/manifest.json',
    checkName: nonEmpty(flags.checkName) ?? 'dlgrade',
    dryRun: flags.dryRun === true,
    classroom50Scale,
  };
}
