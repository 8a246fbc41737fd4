import type { Lang } from '../engine/result.ts';
import { alreadyExists, httpStatus, type GitHubClient } from '../github/client.ts';
import { explainGitHubError, type GitHubTarget } from '../github/explain.ts';
import { provisionWords, type ActionParams, type ProvisionAction, type ProvisionProblem } from './messages.ts';

export const FEEDBACK_BRANCH = 'feedback';
export const MANIFEST_PATH = '.dlgrade/manifest.json';
export const WORKFLOW_PATH = '.github/workflows/dlgrade.yml';

export type StepName = 'repository' | 'collaborator' | 'feedback-branch' | 'starter-commit' | 'feedback-pr';
/** created/existed: done; planned: a dry run would do it; failed: with a reason */
export type StepState = 'created' | 'existed' | 'planned' | 'failed';

export interface StepOutcome {
  step: StepName;
  state: StepState;
  detail?: string;
}

/** What one student's provisioning needs to know; shared by the steps. */
export interface StudentTarget {
  owner: string;
  repo: string;
  username: string;
  apply: boolean;
  gh: GitHubClient;
  /** the language of the step details (the instructor's) */
  lang?: Lang;
  /** the assignment's language, from its manifest: the Feedback pull request's words (the students') */
  studentLang?: Lang;
  /** filled in as the steps learn them */
  defaultBranch?: string;
  starterCommit?: string;
  /** set when the repository does not exist yet (dry run): later steps are only planned */
  absent?: boolean;
}

/**
 * A step that could not be done: what provision was doing, and either the GitHub error (explained
 * in the instructor's language by describeStepFailure) or a problem of ours.
 */
export class StepFailure extends Error {
  readonly action: ProvisionAction;
  readonly params: ActionParams;
  readonly target: GitHubTarget;
  readonly problem: ProvisionProblem | undefined;

  constructor(action: ProvisionAction, params: ActionParams, detail: { error?: unknown; target?: GitHubTarget; problem?: ProvisionProblem }) {
    super(`${action}${detail.problem ? `: ${detail.problem}` : ''}`, detail.error !== undefined ? { cause: detail.error } : undefined);
    this.name = 'StepFailure';
    this.action = action;
    this.params = params;
    this.target = detail.target ?? (params.repo !== undefined ? { kind: 'repo', repo: params.repo } : { kind: 'api' });
    this.problem = detail.problem;
  }
}

/** One line naming what failed and why, and the fix, in `lang`. */
export function describeStepFailure(failure: StepFailure, lang: Lang, apiUrl?: string): { message: string; fix: string } {
  const w = provisionWords(lang);
  const what = w.action[failure.action](failure.params);
  if (failure.problem !== undefined) {
    const [reason, fix] = w.problem[failure.problem](failure.params);
    return { message: `${what}: ${reason}`, fix };
  }
  const e = explainGitHubError(failure.cause, lang, failure.target, apiUrl);
  return { message: `${what}: ${e.reason} (${w.github}: ${e.github})`, fix: e.fix };
}

const fail = (action: ProvisionAction, params: ActionParams, error: unknown, target?: GitHubTarget): never => {
  throw new StepFailure(action, params, { error, ...(target ? { target } : {}) });
};
const d = (t: StudentTarget) => provisionWords(t.lang ?? 'es').detail;
const problem = (action: ProvisionAction, params: ActionParams, kind: ProvisionProblem): StepFailure => new StepFailure(action, params, { problem: kind });


/** Step 1: the repository, generated from the template (private). */
export async function ensureRepository(t: StudentTarget, template: { owner: string; repo: string }, waitMs: (attempt: number) => Promise<void>): Promise<StepOutcome> {
  try {
    const { data } = await t.gh.rest.repos.get({ owner: t.owner, repo: t.repo });
    t.defaultBranch = data.default_branch;
    return { step: 'repository', state: 'existed' };
  } catch (error: unknown) {
    if (httpStatus(error) !== 404) fail('get-repo', { repo: `${t.owner}/${t.repo}` }, error);
  }
  if (!t.apply) {
    t.absent = true;
    return { step: 'repository', state: 'planned', detail: d(t).generateFrom(`${template.owner}/${template.repo}`) };
  }
  let state: StepState = 'created';
  try {
    const { data } = await t.gh.rest.repos.createUsingTemplate({ template_owner: template.owner, template_repo: template.repo, owner: t.owner, name: t.repo, private: true, include_all_branches: false });
    t.defaultBranch = data.default_branch;
  } catch (error: unknown) {
    if (!alreadyExists(error)) fail('generate', { repo: `${t.owner}/${t.repo}`, template: `${template.owner}/${template.repo}` }, error, httpStatus(error) === 404 ? { kind: 'template', repo: `${template.owner}/${template.repo}` } : undefined);
    state = 'existed';
    t.defaultBranch = (await t.gh.rest.repos.get({ owner: t.owner, repo: t.repo })).data.default_branch;
  }
  // generation is asynchronous on GitHub: the default branch appears a moment later
  const branch = t.defaultBranch ?? 'main';
  for (let attempt = 0; ; attempt++) {
    try {
      await t.gh.rest.repos.getBranch({ owner: t.owner, repo: t.repo, branch });
      break;
    } catch (error: unknown) {
      if (httpStatus(error) !== 404 || attempt >= 10) fail('wait-branch', { repo: `${t.owner}/${t.repo}`, branch }, error);
      await waitMs(attempt);
    }
  }
  return { step: 'repository', state };
}

/** Step 2: the student as a collaborator with push access (an invitation until they accept). */
export async function ensureCollaborator(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'collaborator', state: 'planned', detail: d(t).invite(t.username) };
  try {
    await t.gh.rest.repos.checkCollaborator({ owner: t.owner, repo: t.repo, username: t.username });
    return { step: 'collaborator', state: 'existed' };
  } catch (error: unknown) {
    if (httpStatus(error) !== 404) fail('check-collaborator', { repo: `${t.owner}/${t.repo}`, username: t.username }, error);
  }
  try {
    const invitations = await t.gh.paginate(t.gh.rest.repos.listInvitations, { owner: t.owner, repo: t.repo, per_page: 100 });
    if (invitations.some((i) => i.invitee?.login.toLowerCase() === t.username.toLowerCase())) return { step: 'collaborator', state: 'existed', detail: d(t).pending };
  } catch (error: unknown) {
    fail('list-invitations', { repo: `${t.owner}/${t.repo}` }, error);
  }
  if (!t.apply) return { step: 'collaborator', state: 'planned', detail: d(t).invite(t.username) };
  try {
    const { status } = (await t.gh.rest.repos.addCollaborator({ owner: t.owner, repo: t.repo, username: t.username, permission: 'push' })) as { status: number };
    return status === 204 ? { step: 'collaborator', state: 'existed' } : { step: 'collaborator', state: 'created', detail: d(t).sent };
  } catch (error: unknown) {
    return fail('add-collaborator', { repo: `${t.owner}/${t.repo}`, username: t.username }, error, httpStatus(error) === 404 ? { kind: 'user', username: t.username } : undefined);
  }
}

/** The repository's first commit on its default branch: the starter commit of a generated repository. */
async function rootCommit(t: StudentTarget): Promise<string> {
  const commits = await t.gh.paginate(t.gh.rest.repos.listCommits, { owner: t.owner, repo: t.repo, sha: t.defaultBranch ?? 'main', per_page: 100 });
  const root = commits.at(-1)?.sha;
  if (root === undefined) throw problem('list-commits', { repo: `${t.owner}/${t.repo}`, branch: t.defaultBranch ?? 'main' }, 'no-commits');
  return root;
}

/** Step 3: `feedback` at the starter commit (created at the root commit when missing, never moved). */
export async function ensureFeedbackBranch(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'feedback-branch', state: 'planned', detail: d(t).atGenerated };
  try {
    t.starterCommit = (await t.gh.rest.repos.getBranch({ owner: t.owner, repo: t.repo, branch: FEEDBACK_BRANCH })).data.commit.sha;
    return { step: 'feedback-branch', state: 'existed', detail: t.starterCommit.slice(0, 12) };
  } catch (error: unknown) {
    if (httpStatus(error) !== 404) fail('get-feedback', { repo: `${t.owner}/${t.repo}` }, error);
  }
  let root: string;
  try {
    root = await rootCommit(t);
  } catch (error: unknown) {
    return error instanceof StepFailure ? Promise.reject(error) : fail('list-commits', { repo: `${t.owner}/${t.repo}` }, error);
  }
  t.starterCommit = root;
  if (!t.apply) return { step: 'feedback-branch', state: 'planned', detail: d(t).at(root.slice(0, 12)) };
  try {
    await t.gh.rest.git.createRef({ owner: t.owner, repo: t.repo, ref: `refs/heads/${FEEDBACK_BRANCH}`, sha: root });
    return { step: 'feedback-branch', state: 'created', detail: root.slice(0, 12) };
  } catch (error: unknown) {
    if (!alreadyExists(error)) fail('create-feedback', { repo: `${t.owner}/${t.repo}` }, error);
    t.starterCommit = (await t.gh.rest.repos.getBranch({ owner: t.owner, repo: t.repo, branch: FEEDBACK_BRANCH })).data.commit.sha;
    return { step: 'feedback-branch', state: 'existed', detail: t.starterCommit.slice(0, 12) };
  }
}

async function getFile(t: StudentTarget, path: string): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await t.gh.rest.repos.getContent({ owner: t.owner, repo: t.repo, path, ref: t.defaultBranch ?? 'main' });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw problem('get-file', { repo: `${t.owner}/${t.repo}`, path }, 'not-a-file');
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error: unknown) {
    if (httpStatus(error) === 404) return undefined;
    if (error instanceof StepFailure) throw error;
    return fail('get-file', { repo: `${t.owner}/${t.repo}`, path }, error);
  }
}

async function putFile(t: StudentTarget, path: string, text: string, sha: string, message: string): Promise<void> {
  try {
    await t.gh.rest.repos.createOrUpdateFileContents({ owner: t.owner, repo: t.repo, path, message, content: Buffer.from(text).toString('base64'), sha, branch: t.defaultBranch ?? 'main' });
  } catch (error: unknown) {
    fail('update-file', { repo: `${t.owner}/${t.repo}`, path }, error);
  }
}

/**
 * Step 4: a generated repository has new commit ids, so its manifest and workflow still name the
 * template's starter commit: record this repository's own (`starterCommit` in the manifest, the
 * `--starter-sha` of the workflow's publish step). Done when the manifest already names it.
 */
export async function ensureStarterRecorded(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'starter-commit', state: 'planned', detail: d(t).record };
  const starter = t.starterCommit as string;
  const manifestFile = await getFile(t, MANIFEST_PATH);
  if (manifestFile === undefined) throw problem('get-file', { repo: `${t.owner}/${t.repo}`, path: MANIFEST_PATH }, 'no-manifest');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestFile.text) as Record<string, unknown>;
  } catch {
    throw problem('get-file', { repo: `${t.owner}/${t.repo}`, path: MANIFEST_PATH }, 'manifest-json');
  }
  if (manifest['lang'] === 'es' || manifest['lang'] === 'en') t.studentLang = manifest['lang'];
  const previous = manifest['starterCommit'];
  if (previous === starter) return { step: 'starter-commit', state: 'existed', detail: starter.slice(0, 12) };
  if (!t.apply) return { step: 'starter-commit', state: 'planned', detail: `${typeof previous === 'string' ? previous.slice(0, 12) : d(t).none} → ${starter.slice(0, 12)}` };
  const workflow = await getFile(t, WORKFLOW_PATH);
  await putFile(t, MANIFEST_PATH, JSON.stringify({ ...manifest, starterCommit: starter }, null, 2) + '\n', manifestFile.sha, `chore: record the starter commit ${starter.slice(0, 12)}`);
  if (workflow !== undefined && typeof previous === 'string' && /^[0-9a-f]{40}$/.test(previous) && workflow.text.includes(previous)) {
    await putFile(t, WORKFLOW_PATH, workflow.text.split(previous).join(starter), workflow.sha, `ci: dlgrade workflow for the starter commit ${starter.slice(0, 12)}`);
  }
  return { step: 'starter-commit', state: 'created', detail: starter.slice(0, 12) };
}

/** Step 5: the Feedback PR (head: default branch, base: feedback). */
export async function ensureFeedbackPull(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'feedback-pr', state: 'planned', detail: `main → ${FEEDBACK_BRANCH}` };
  const head = t.defaultBranch ?? 'main';
  try {
    const open = await t.gh.paginate(t.gh.rest.pulls.list, { owner: t.owner, repo: t.repo, base: FEEDBACK_BRANCH, head: `${t.owner}:${head}`, state: 'open', per_page: 100 });
    const found = open.find((p) => p.base.ref === FEEDBACK_BRANCH);
    if (found !== undefined) return { step: 'feedback-pr', state: 'existed', detail: `#${found.number}` };
  } catch (error: unknown) {
    fail('list-pulls', { repo: `${t.owner}/${t.repo}` }, error);
  }
  if (!t.apply) return { step: 'feedback-pr', state: 'planned', detail: `${head} → ${FEEDBACK_BRANCH}` };
  try {
    const { data } = await t.gh.rest.pulls.create({ owner: t.owner, repo: t.repo, head, base: FEEDBACK_BRANCH, title: provisionWords(t.studentLang ?? 'es').pullTitle, body: provisionWords(t.studentLang ?? 'es').pullBody, maintainer_can_modify: false });
    return { step: 'feedback-pr', state: 'created', detail: `#${data.number}` };
  } catch (error: unknown) {
    if (alreadyExists(error)) return { step: 'feedback-pr', state: 'existed' };
    return fail('create-pull', { repo: `${t.owner}/${t.repo}` }, error);
  }
}
