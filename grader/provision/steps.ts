import { alreadyExists, describeGitHubError, httpStatus, type GitHubClient } from '../github/client.ts';

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
  /** filled in as the steps learn them */
  defaultBranch?: string;
  starterCommit?: string;
  /** set when the repository does not exist yet (dry run): later steps are only planned */
  absent?: boolean;
}

export class StepFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StepFailure';
  }
}

const fail = (what: string, error: unknown): never => {
  throw new StepFailure(`${what}: ${describeGitHubError(error)}`, { cause: error });
};

export const SPANISH_PR_TITLE = 'Feedback';
export const SPANISH_PR_BODY = [
  '👋 Este es tu **pull request de feedback**: no lo cierres ni lo fusiones.',
  '',
  'Cada vez que hagas push a la rama principal, dlgrade corrige tus ejercicios y deja aquí un comentario con la nota, los contraejemplos y cómo reproducir cada fallo (`npm test` hace lo mismo en tu ordenador).',
  '',
  'La rama `feedback` apunta al código inicial de la tarea; la diferencia que ves aquí es tu trabajo. La nota definitiva se calcula con el último commit que hayas subido antes de la fecha de entrega.',
].join('\n');

/** Step 1: the repository, generated from the template (private). */
export async function ensureRepository(t: StudentTarget, template: { owner: string; repo: string }, waitMs: (attempt: number) => Promise<void>): Promise<StepOutcome> {
  try {
    const { data } = await t.gh.rest.repos.get({ owner: t.owner, repo: t.repo });
    t.defaultBranch = data.default_branch;
    return { step: 'repository', state: 'existed' };
  } catch (error: unknown) {
    if (httpStatus(error) !== 404) fail(`GET ${t.owner}/${t.repo}`, error);
  }
  if (!t.apply) {
    t.absent = true;
    return { step: 'repository', state: 'planned', detail: `generate from ${template.owner}/${template.repo}` };
  }
  let state: StepState = 'created';
  try {
    const { data } = await t.gh.rest.repos.createUsingTemplate({ template_owner: template.owner, template_repo: template.repo, owner: t.owner, name: t.repo, private: true, include_all_branches: false });
    t.defaultBranch = data.default_branch;
  } catch (error: unknown) {
    if (!alreadyExists(error)) fail(`generate ${t.owner}/${t.repo} from ${template.owner}/${template.repo}`, error);
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
      if (httpStatus(error) !== 404 || attempt >= 10) fail(`${t.owner}/${t.repo} has no branch ${branch} after generation`, error);
      await waitMs(attempt);
    }
  }
  return { step: 'repository', state };
}

/** Step 2: the student as a collaborator with push access (an invitation until they accept). */
export async function ensureCollaborator(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'collaborator', state: 'planned', detail: `invite ${t.username} (push)` };
  try {
    await t.gh.rest.repos.checkCollaborator({ owner: t.owner, repo: t.repo, username: t.username });
    return { step: 'collaborator', state: 'existed' };
  } catch (error: unknown) {
    if (httpStatus(error) !== 404) fail(`check collaborator ${t.username}`, error);
  }
  try {
    const invitations = await t.gh.paginate(t.gh.rest.repos.listInvitations, { owner: t.owner, repo: t.repo, per_page: 100 });
    if (invitations.some((i) => i.invitee?.login.toLowerCase() === t.username.toLowerCase())) return { step: 'collaborator', state: 'existed', detail: 'invitation pending' };
  } catch (error: unknown) {
    fail('list invitations', error);
  }
  if (!t.apply) return { step: 'collaborator', state: 'planned', detail: `invite ${t.username} (push)` };
  try {
    const { status } = (await t.gh.rest.repos.addCollaborator({ owner: t.owner, repo: t.repo, username: t.username, permission: 'push' })) as { status: number };
    return status === 204 ? { step: 'collaborator', state: 'existed' } : { step: 'collaborator', state: 'created', detail: 'invitation sent' };
  } catch (error: unknown) {
    return fail(`add collaborator ${t.username}`, error);
  }
}

/** The repository's first commit on its default branch: the starter commit of a generated repository. */
async function rootCommit(t: StudentTarget): Promise<string> {
  const commits = await t.gh.paginate(t.gh.rest.repos.listCommits, { owner: t.owner, repo: t.repo, sha: t.defaultBranch ?? 'main', per_page: 100 });
  const root = commits.at(-1)?.sha;
  if (root === undefined) throw new StepFailure(`${t.owner}/${t.repo} has no commits on ${t.defaultBranch ?? 'main'}`);
  return root;
}

/** Step 3: `feedback` at the starter commit (created at the root commit when missing, never moved). */
export async function ensureFeedbackBranch(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'feedback-branch', state: 'planned', detail: 'at the generated commit' };
  try {
    t.starterCommit = (await t.gh.rest.repos.getBranch({ owner: t.owner, repo: t.repo, branch: FEEDBACK_BRANCH })).data.commit.sha;
    return { step: 'feedback-branch', state: 'existed', detail: t.starterCommit.slice(0, 12) };
  } catch (error: unknown) {
    if (httpStatus(error) !== 404) fail(`GET branch ${FEEDBACK_BRANCH}`, error);
  }
  let root: string;
  try {
    root = await rootCommit(t);
  } catch (error: unknown) {
    return error instanceof StepFailure ? Promise.reject(error) : fail('list commits', error);
  }
  t.starterCommit = root;
  if (!t.apply) return { step: 'feedback-branch', state: 'planned', detail: `at ${root.slice(0, 12)}` };
  try {
    await t.gh.rest.git.createRef({ owner: t.owner, repo: t.repo, ref: `refs/heads/${FEEDBACK_BRANCH}`, sha: root });
    return { step: 'feedback-branch', state: 'created', detail: root.slice(0, 12) };
  } catch (error: unknown) {
    if (!alreadyExists(error)) fail(`create ${FEEDBACK_BRANCH}`, error);
    t.starterCommit = (await t.gh.rest.repos.getBranch({ owner: t.owner, repo: t.repo, branch: FEEDBACK_BRANCH })).data.commit.sha;
    return { step: 'feedback-branch', state: 'existed', detail: t.starterCommit.slice(0, 12) };
  }
}

async function getFile(t: StudentTarget, path: string): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await t.gh.rest.repos.getContent({ owner: t.owner, repo: t.repo, path, ref: t.defaultBranch ?? 'main' });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new StepFailure(`${path} is not a file`);
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error: unknown) {
    if (httpStatus(error) === 404) return undefined;
    if (error instanceof StepFailure) throw error;
    return fail(`GET ${path}`, error);
  }
}

async function putFile(t: StudentTarget, path: string, text: string, sha: string, message: string): Promise<void> {
  try {
    await t.gh.rest.repos.createOrUpdateFileContents({ owner: t.owner, repo: t.repo, path, message, content: Buffer.from(text).toString('base64'), sha, branch: t.defaultBranch ?? 'main' });
  } catch (error: unknown) {
    fail(`update ${path}${path.startsWith('.github/workflows/') ? ' (the token needs the workflow scope)' : ''}`, error);
  }
}

/**
 * Step 4: a generated repository has new commit ids, so its manifest and workflow still name the
 * template's starter commit: record this repository's own (`starterCommit` in the manifest, the
 * `--starter-sha` of the workflow's publish step). Done when the manifest already names it.
 */
export async function ensureStarterRecorded(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'starter-commit', state: 'planned', detail: 'record the generated commit in the manifest and the workflow' };
  const starter = t.starterCommit as string;
  const manifestFile = await getFile(t, MANIFEST_PATH);
  if (manifestFile === undefined) throw new StepFailure(`${MANIFEST_PATH} not found: was the template made by dlgrade assign?`);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestFile.text) as Record<string, unknown>;
  } catch (cause: unknown) {
    throw new StepFailure(`${MANIFEST_PATH} is not valid JSON`, { cause });
  }
  const previous = manifest['starterCommit'];
  if (previous === starter) return { step: 'starter-commit', state: 'existed', detail: starter.slice(0, 12) };
  if (!t.apply) return { step: 'starter-commit', state: 'planned', detail: `${typeof previous === 'string' ? previous.slice(0, 12) : '(none)'} → ${starter.slice(0, 12)}` };
  const workflow = await getFile(t, WORKFLOW_PATH);
  await putFile(t, MANIFEST_PATH, JSON.stringify({ ...manifest, starterCommit: starter }, null, 2) + '\n', manifestFile.sha, `chore: record the starter commit ${starter.slice(0, 12)}`);
  if (workflow !== undefined && typeof previous === 'string' && /^[0-9a-f]{40}$/.test(previous) && workflow.text.includes(previous)) {
    await putFile(t, WORKFLOW_PATH, workflow.text.split(previous).join(starter), workflow.sha, `ci: dlgrade workflow for the starter commit ${starter.slice(0, 12)}`);
  }
  return { step: 'starter-commit', state: 'created', detail: starter.slice(0, 12) };
}

/** Step 5: the Feedback PR (head: default branch, base: feedback). */
export async function ensureFeedbackPull(t: StudentTarget): Promise<StepOutcome> {
  if (t.absent) return { step: 'feedback-pr', state: 'planned', detail: `${'main'} → ${FEEDBACK_BRANCH}` };
  const head = t.defaultBranch ?? 'main';
  try {
    const open = await t.gh.paginate(t.gh.rest.pulls.list, { owner: t.owner, repo: t.repo, base: FEEDBACK_BRANCH, head: `${t.owner}:${head}`, state: 'open', per_page: 100 });
    const found = open.find((p) => p.base.ref === FEEDBACK_BRANCH);
    if (found !== undefined) return { step: 'feedback-pr', state: 'existed', detail: `#${found.number}` };
  } catch (error: unknown) {
    fail('list pull requests', error);
  }
  if (!t.apply) return { step: 'feedback-pr', state: 'planned', detail: `${head} → ${FEEDBACK_BRANCH}` };
  try {
    const { data } = await t.gh.rest.pulls.create({ owner: t.owner, repo: t.repo, head, base: FEEDBACK_BRANCH, title: SPANISH_PR_TITLE, body: SPANISH_PR_BODY, maintainer_can_modify: false });
    return { step: 'feedback-pr', state: 'created', detail: `#${data.number}` };
  } catch (error: unknown) {
    if (alreadyExists(error)) return { step: 'feedback-pr', state: 'existed' };
    return fail('create the Feedback PR', error);
  }
}
