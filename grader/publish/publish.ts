import type { GradeResult } from '../engine/result.ts';
import type { PublishMessages } from '../i18n/es/publish.ts';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { overallStatus } from '../report/formats/overall.ts';
import { collectAnnotations } from './annotations.ts';
import { publishCheckRun, type CheckConclusion, type CheckRunOutcome } from './check-run.ts';
import type { PublishConfig } from './config.ts';
import { readEventInfo, readStarterCommit, type EventInfo } from './context-files.ts';
import { buildFeedbackModel, formatPoints, type FeedbackModel } from './feedback-model.ts';
import { findTargetPulls, type PullNote, type PullTarget } from './find-pr.ts';
import { classifyGitHubError } from './github-error.ts';
import type { PublishLog } from './log.ts';
import type { GitHubClient, OctokitFactory } from './octokit.ts';
import { renderFeedbackWithin } from './render-feedback.ts';
import { resolveClassroom50Context } from './classroom50-context.ts';
import { classroom50Text, stepOutputs, writeResultFiles } from './result-files.ts';
import { appendStepOutputs, appendStepSummary, STEP_SUMMARY_MAX_BYTES } from './step-files.ts';
import { COMMENT_MAX_CHARS, STICKY_MARKER, upsertStickyComment, type StickyOutcome } from './sticky-comment.ts';

export interface PublishOptions {
  result: GradeResult;
  config: PublishConfig;
  octokitFactory: OctokitFactory;
  log: PublishLog;
  /** for Classroom 50's context variables (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG...) */
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

/** What happened, as data: the CLI prints it, tests assert on it. */
export interface PublishReport {
  files: string[];
  outputs: Record<string, string>;
  summaryWritten: boolean;
  pulls: PullTarget | undefined;
  comments: (StickyOutcome & { pull: number })[];
  checkRun: CheckRunOutcome | undefined;
  /** dlgrade's own words (never student text) */
  warnings: string[];
  /** something could not be published on GitHub; the job summary has the feedback */
  degraded: boolean;
  /**
   * The commit the feedback is about: on a pull_request event the pull request's head (GITHUB_SHA
   * is then GitHub's temporary merge commit, which the student never wrote), else GITHUB_SHA.
   */
  commit: string | undefined;
}

/** Comments stay a little under GitHub's limit. */
const COMMENT_BUDGET = COMMENT_MAX_CHARS - 256;
const CHECK_SUMMARY_BUDGET = 65_535 - 256;
const SUMMARY_BUDGET = STEP_SUMMARY_MAX_BYTES - 16 * 1024;

const CONCLUSION: Record<ReturnType<typeof overallStatus>, CheckConclusion> = { pass: 'success', fail: 'failure', error: 'neutral' };

/** A failed GitHub step as a warning for the job summary, in the feedback's language (GitHub's own message quoted). */
function explain(w: PublishMessages['warn'], step: string, permission: string, error: unknown): string {
  const failure = classifyGitHubError(error);
  const what = w.failed(step, failure.status === undefined ? w.noResponse : String(failure.status), failure.message);
  switch (failure.kind) {
    case 'forbidden':
      return `${what}: ${w.forbidden(permission)}`;
    case 'not-found':
      return `${what}: ${w.notFound}`;
    case 'unauthorized':
      return `${what}: ${w.unauthorized}`;
    case 'rate-limited':
      return `${what}: ${w.rateLimited}`;
    case 'server':
    case 'network':
      return `${what}: ${w.unreachable}`;
    default:
      return `${what}. ${w.other}`;
  }
}

function noteText(m: PublishMessages['log'], note: PullNote): string {
  switch (note.kind) {
    case 'no-starter':
      return m.noStarter;
    case 'no-feedback-branch':
      return m.noFeedbackBranch(note.branch);
    case 'no-feedback-pull':
      return m.noFeedbackPull(note.branch);
    case 'no-commit-pull':
      return m.noCommitPull;
  }
}

async function publishComments(gh: GitHubClient, options: PublishOptions, model: FeedbackModel, report: PublishReport, event: EventInfo): Promise<void> {
  const { config, log } = options;
  const owner = config.owner as string;
  const repo = config.repo as string;
  const sha = report.commit as string;
  let target: PullTarget;
  try {
    const starterSha = config.starterSha ?? (await readStarterCommit(config.manifestPath));
    target = await findTargetPulls(gh, { owner, repo, sha, starterSha, eventPullNumber: event.pullNumber });
  } catch (error: unknown) {
    report.warnings.push(explain(model.m.warn, model.m.warn.findPull, 'pull-requests: read', error));
    return;
  }
  report.pulls = target;
  // a refused `feedback` branch is a warning (printed with the others at the end); the rest is information
  for (const note of target.notes) log.info(noteText(model.m.log, note));
  if (target.refusedBranch !== undefined) {
    const { branch, sha, starter } = target.refusedBranch;
    report.warnings.push(model.m.warn.refusedBranch(branch, sha, starter));
  }
  if (target.numbers.length === 0) {
    log.info(model.m.log.noPull);
    return;
  }
  const { text, level } = renderFeedbackWithin(model, { maxChars: COMMENT_BUDGET }, { marker: STICKY_MARKER });
  if (level > 0) log.info(model.m.log.commentShortened(level));
  for (const pull of target.numbers) {
    try {
      const outcome = await upsertStickyComment(gh, { owner, repo, issueNumber: pull }, text);
      report.comments.push({ ...outcome, pull });
      log.info(model.m.log.comment(outcome.action, pull, outcome.commentId, model.m.log.via[target.via]));
      if (outcome.duplicates.length > 0) log.warn(model.m.log.duplicates(pull, outcome.duplicates.length + 1, outcome.commentId, outcome.duplicates.join(', ')));
    } catch (error: unknown) {
      report.warnings.push(explain(model.m.warn, model.m.warn.comment(pull), 'pull-requests: write', error));
    }
  }
}

async function publishChecks(gh: GitHubClient, options: PublishOptions, model: FeedbackModel, report: PublishReport): Promise<void> {
  const { config, result, log } = options;
  const runUrl = runLink(config);
  try {
    const outcome = await publishCheckRun(gh, {
      owner: config.owner as string,
      repo: config.repo as string,
      sha: report.commit as string,
      ...(config.checkRunId === undefined ? {} : { checkRunId: config.checkRunId }),
      name: config.checkName,
      conclusion: CONCLUSION[overallStatus(result)],
      title: `${formatPoints(result.score)} / ${formatPoints(result.maxScore)} ${model.m.points}`,
      summary: renderFeedbackWithin(model, { maxChars: CHECK_SUMMARY_BUDGET }).text,
      annotations: collectAnnotations(result, model.lang),
      ...(runUrl === undefined ? {} : { detailsUrl: runUrl }),
    });
    report.checkRun = outcome;
    log.info(model.m.log.checkRun(outcome.checkRunId, outcome.created, outcome.annotations, outcome.requests));
  } catch (error: unknown) {
    report.warnings.push(explain(model.m.warn, config.checkRunId === undefined ? model.m.warn.createCheck : model.m.warn.updateCheck, 'checks: write', error));
  }
}

function runLink(config: PublishConfig): string | undefined {
  if (config.owner === undefined || config.repo === undefined || config.runId === undefined) return undefined;
  return `${config.serverUrl}/${config.owner}/${config.repo}/actions/runs/${config.runId}`;
}

function warningsMarkdown(model: FeedbackModel, warnings: string[]): string {
  return [`### ⚠️ ${model.m.publishWarnings}`, '', ...warnings.map((w) => `- ${w.replace(/[<>]/g, '')}`), ''].join('\n');
}

/**
 * Classroom 50's `result.json` text, only inside a Classroom 50 run (its runner's variables set):
 * elsewhere nothing is written (an info line), with some variables missing a warning names them;
 * points that are not whole after scaling are a warning naming the exercise and the fix.
 */
async function classroom50File(options: PublishOptions, commit: string | undefined, now: Date, report: PublishReport, model: FeedbackModel): Promise<string | undefined> {
  const { config, log } = options;
  const w = model.m.warn;
  const resolution = await resolveClassroom50Context({ env: options.env ?? {}, serverUrl: config.serverUrl, owner: config.owner, repo: config.repo, sha: commit, now, lang: model.lang });
  if (!resolution.ok) {
    if (resolution.kind === 'absent') log.info(model.m.log.noClassroom50(resolution.problems.join('; ')));
    else report.warnings.push(`${w.classroom50NotWritten(resolution.problems.join('; '))}.`);
    return undefined;
  }
  try {
    return classroom50Text(options.result, resolution.context, config.classroom50Scale);
  } catch (error: unknown) {
    const detail = error instanceof DlgradeError ? `${error.message}; ${w.fixLabel}: ${error.fix ?? ''}` : String(error);
    report.warnings.push(w.classroom50NotWritten(detail));
    return undefined;
  }
}

/**
 * Publishes one validated result. Files, step outputs and the job summary are written before any
 * network call, so nothing computed is lost; each GitHub step that fails becomes a warning (the
 * run degrades to the job summary) rather than an error.
 */
export async function publishResult(options: PublishOptions): Promise<PublishReport> {
  const { result, config, log } = options;
  const now = options.now?.() ?? new Date();
  const runUrl = runLink(config);
  const event = await readEventInfo(config.eventPath);
  const commit = event.pullHeadSha ?? config.sha;
  const model = buildFeedbackModel(result, { ...(config.lang === undefined ? {} : { lang: config.lang }), ...(commit === undefined ? {} : { sha: commit }), ...(runUrl === undefined ? {} : { runUrl }) });
  const { outputs, classroomLevel } = stepOutputs(result);
  const report: PublishReport = { files: [], outputs, summaryWritten: false, pulls: undefined, comments: [], checkRun: undefined, warnings: [], degraded: false, commit };
  if (classroomLevel > 0) log.info(model.m.log.classroomShortened(classroomLevel));
  const classroom50 = await classroom50File(options, commit, now, report, model);

  try {
    report.files = await writeResultFiles(result, config.outDir, classroom50);
    if (config.outputFile !== undefined) await appendStepOutputs(config.outputFile, report.outputs);
    if (config.stepSummary !== undefined) {
      await appendStepSummary(config.stepSummary, renderFeedbackWithin(model, { maxChars: SUMMARY_BUDGET, maxBytes: SUMMARY_BUDGET }).text);
      report.summaryWritten = true;
    }
  } catch (error: unknown) {
    throw new DlgradeError({ code: 'E_IO', message: text().errors.publish.cannotWrite, fix: text().errors.publish.cannotWriteFix, cause: error });
  }
  log.info(model.m.log.wrote(report.files.join(', '), config.outputFile !== undefined, report.summaryWritten));

  const missing = [config.token === undefined && 'GITHUB_TOKEN', config.owner === undefined && 'GITHUB_REPOSITORY', config.sha === undefined && 'GITHUB_SHA'].filter((m): m is string => typeof m === 'string');
  if (config.dryRun) {
    log.info(model.m.log.dryRun);
  } else if (missing.length > 0) {
    report.warnings.push(model.m.warn.nothingPublished(missing));
  } else {
    const gh = options.octokitFactory({ token: config.token as string, baseUrl: config.apiUrl, log: { warn: (m) => log.warn(m) }, lang: model.lang });
    await publishComments(gh, options, model, report, event);
    await publishChecks(gh, options, model, report);
  }

  report.degraded = report.warnings.length > 0;
  for (const warning of report.warnings) log.warn(warning);
  if (report.degraded && config.stepSummary !== undefined) {
    try {
      await appendStepSummary(config.stepSummary, warningsMarkdown(model, report.warnings));
    } catch {
      log.warn(model.m.log.summaryWarningsFailed);
    }
  }
  return report;
}
