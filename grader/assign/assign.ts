import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import { loadCatalog } from '../catalog/load.ts';
import { selectExercises } from '../catalog/select.ts';
import type { Catalog, ExerciseDef } from '../catalog/types.ts';
import type { Lang } from '../engine/result.ts';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { alreadyExists, describeGitHubError, type GitHubClient } from '../github/client.ts';
import { authConfig, redact } from '../github/git-auth.ts';
import { INSTALL_ROOT, SCHEMA_DIR, TEMPLATES_DIR, toolVersion } from '../paths.ts';
import { GRADER_PACKAGE_PATTERN } from '../workflows/context.ts';
import { PUBLISHER_DIR, publisherPackageJson } from '../workflows/publisher.ts';
import { renderWorkflow, WORKFLOW_TARGETS } from '../workflows/render.ts';
import { classroom50AutograderPy, CLASSROOM50_DIR, classroom50Runtime, classroom50Scale } from '../publish/classroom50-shim.ts';
import { DEFAULT_NODE_VERSION } from '../workflows/context.ts';
import { BUNDLE_SCHEMAS, BUNDLE_TEMPLATES, buildGraderBundle } from './bundle.ts';
import { MANIFEST_PATH, protectedFiles, renderManifest, type AssignmentManifest } from './manifest.ts';
import { assignmentPackageJson, assignmentTsconfig, graderPackageJson, lockedVersions } from './package-json.ts';
import { publicPoints, readmeView, renderReadme } from './readme.ts';

const run = promisify(execFile);
export const FEEDBACK_BRANCH = 'feedback';
export const DEFAULT_BRANCH = 'main';
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;

export interface AssignOptions {
  /** chapters, exercise ids or names */
  selectors: readonly string[];
  out: string;
  lang?: Lang;
  /** repository / assignment name; default: the chapter when there is one, else `tarea` */
  name?: string;
  /** where the student workflow's publisher is installed from (pinned); default: this checkout's GitHub origin at HEAD */
  graderPackage?: string;
  /** write package-lock.json with `npm install --package-lock-only` (needs the registry); default true */
  lockfile?: boolean;
  /** git remote (URL or path) to push main and feedback to */
  push?: string;
  /** create the repository in this organisation, mark it a template and push to it */
  github?: { org: string; client: GitHubClient; token: string };
  catalog?: Catalog;
  log?: (line: string) => void;
}

export interface AssignResult {
  dir: string;
  name: string;
  exercises: string[];
  starterCommit: string;
  headCommit: string;
  lockfile: boolean;
  /** `created` or `existed` when --github-org was given */
  githubRepo?: { fullName: string; state: 'created' | 'existed'; cloneUrl: string };
}

function write(root: string, path: string, content: string | Buffer, mode?: number): void {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  if (mode !== undefined) chmodSync(target, mode);
}

function studentFile(def: ExerciseDef): string {
  return `exercises/${def.chapter}/${def.name}/${def.file}`;
}

async function writeLockfile(dir: string, log: (line: string) => void): Promise<boolean> {
  // the publisher's lockfile first (the report job installs it with `npm ci`), then the assignment's
  try {
    await run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: join(dir, PUBLISHER_DIR), timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error: unknown) {
    log(text().errors.assign.publisherLockWarning(PUBLISHER_DIR, (error as Error).message.split('\n')[0] ?? ''));
  }
  try {
    await run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
    return existsSync(join(dir, 'package-lock.json'));
  } catch (error: unknown) {
    log(text().errors.assign.lockWarning((error as Error).message.split('\n')[0] ?? ''));
    return false;
  }
}

/**
 * The publisher the student workflow installs, when not given: this dlgrade checkout's own commit on
 * GitHub (`github:owner/repo#<sha>`), which cannot change under the same name. Never an unpinned or
 * guessed registry name: that job holds a token that writes.
 */
async function defaultGraderPackage(): Promise<string> {
  const git = simpleGit(INSTALL_ROOT);
  let url = '';
  let sha = '';
  try {
    url = (await git.remote(['get-url', 'origin']))?.trim() ?? '';
    sha = (await git.revparse(['HEAD'])).trim();
  } catch {
    // not a git checkout, or no origin
  }
  const m = /github\.com[:/]([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?$/.exec(url);
  if (m && /^[0-9a-f]{40}$/.test(sha)) return `github:${m[1]}/${m[2]}#${sha}`;
  throw new DlgradeError({
    code: 'E_OPTION',
    message: text().errors.assign.noOrigin,
    fix: text().errors.assign.noOriginFix,
  });
}

/**
 * `dlgrade assign`: writes an assignment repository for the chosen exercises and commits it.
 *
 * Two commits on `main`: the **starter commit** (stubs, statements, README, package.json and
 * lockfile, the self-contained grader, the manifest without `starterCommit`), where the
 * `feedback` branch stays; then a commit that adds the student workflow (which names the starter
 * commit) and records `starterCommit` (and the workflow's hash) in the manifest. A repository
 * generated from this one as a template gets new commit ids: `dlgrade provision` repeats the second
 * step there with that repository's own starter commit.
 */
export async function assign(options: AssignOptions): Promise<AssignResult> {
  const log = options.log ?? (() => undefined);
  const m = text().errors.assign;
  const lang = options.lang ?? 'es';
  const catalog = options.catalog ?? loadCatalog();
  const defs = selectExercises(catalog, options.selectors);
  if (defs.length === 0 || options.selectors.length === 0) {
    throw new DlgradeError({ code: 'E_OPTION', message: m.noExercises, fix: m.noExercisesFix });
  }
  const chapters = [...new Set(defs.map((d) => d.chapter))];
  const name = options.name ?? (chapters.length === 1 ? chapters[0]! : 'tarea');
  if (!REPO_NAME.test(name)) throw new DlgradeError({ code: 'E_OPTION', message: m.badName(name), fix: m.badNameFix });
  const dir = resolve(options.out);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new DlgradeError({ code: 'E_IO', file: dir, message: m.notEmpty, fix: m.notEmptyFix });
  }
  const graderPackage = options.graderPackage ?? (await defaultGraderPackage());
  if (!GRADER_PACKAGE_PATTERN.test(graderPackage)) {
    throw new DlgradeError({ code: 'E_OPTION', message: m.notPinned(graderPackage), fix: m.notPinnedFix });
  }
  const ids = defs.map((d) => d.id);
  log(m.exercises(ids));

  // the files of the starter commit
  mkdirSync(dir, { recursive: true });
  const statements: string[] = [];
  for (const def of defs) {
    const base = `exercises/${def.chapter}/${def.name}`;
    cpSync(join(def.dir, def.file), join(dir, base, def.file));
    cpSync(def.statementPaths.es, join(dir, base, 'README.es.md'));
    cpSync(def.statementPaths.en, join(dir, base, 'README.en.md'));
    statements.push(readFileSync(def.statementPaths[lang], 'utf8'));
  }
  const chapterTitles = chapters.map((c) => catalog.chapters.find((ch) => ch.id === c)?.title[lang] ?? c);
  write(dir, 'README.md', renderReadme(readmeView({ title: chapterTitles.join(' · '), lang, exercises: defs, statements })));
  write(dir, 'package.json', JSON.stringify(assignmentPackageJson({ name, exerciseIds: ids, lang, versions: lockedVersions() }), null, 2) + '\n');
  write(dir, 'tsconfig.json', JSON.stringify(assignmentTsconfig(), null, 2) + '\n');
  write(dir, '.gitignore', 'node_modules/\ndlgrade-result.json\n');
  write(dir, '.dlgrade/package.json', JSON.stringify(graderPackageJson(), null, 2) + '\n');
  write(dir, `${PUBLISHER_DIR}/package.json`, JSON.stringify(publisherPackageJson(graderPackage), null, 2) + '\n');
  log(m.bundling);
  const chapterDefs = catalog.chapters.filter((c) => chapters.includes(c.id));
  write(dir, '.dlgrade/grader.mjs', await buildGraderBundle({ exercises: defs, chapters: chapterDefs }), 0o755);
  for (const template of BUNDLE_TEMPLATES) write(dir, `.dlgrade/templates/${template}`, readFileSync(join(TEMPLATES_DIR, template)));
  for (const schema of BUNDLE_SCHEMAS) write(dir, `.dlgrade/schema/${schema}`, readFileSync(join(SCHEMA_DIR, schema)));
  // Classroom 50: its autograder.py entry point and the runtime to declare for the assignment
  write(dir, `${CLASSROOM50_DIR}/autograder.py`, classroom50AutograderPy({ exerciseIds: defs.map((d) => d.id), lang, nodeVersion: DEFAULT_NODE_VERSION, scale: classroom50Scale(defs) }), 0o755);
  write(dir, `${CLASSROOM50_DIR}/runtime.json`, classroom50Runtime(DEFAULT_NODE_VERSION));
  const lockfile = options.lockfile === false ? false : await writeLockfile(dir, log);

  const studentFiles = defs.map(studentFile);
  const manifest: AssignmentManifest = {
    schemaVersion: 1,
    assignment: name,
    dlgradeVersion: toolVersion(),
    lang,
    exercises: defs.map((d) => ({ id: d.id, file: studentFile(d), points: publicPoints(d) })),
    graderPackage,
    protected: protectedFiles(dir, studentFiles),
  };
  write(dir, MANIFEST_PATH, renderManifest(manifest));

  const git = simpleGit(dir);
  await git.init(['--initial-branch', DEFAULT_BRANCH]);
  const identity = ['-c', 'user.name=dlgrade', '-c', 'user.email=dlgrade@users.noreply.github.com'];
  const hasIdentity = await git.raw(['config', 'user.email']).then((v) => v.trim() !== '').catch(() => false);
  const commit = async (message: string): Promise<string> => {
    await git.add(['-A']);
    await git.raw([...(hasIdentity ? [] : identity), 'commit', '--quiet', '-m', message]);
    return (await git.revparse(['HEAD'])).trim();
  };
  const starterCommit = await commit(`chore: starter for ${name} (${ids.length} exercises, dlgrade ${toolVersion()})`);
  await git.branch([FEEDBACK_BRANCH, starterCommit]);

  write(dir, WORKFLOW_TARGETS.student, renderWorkflow('student', { exerciseIds: ids, lang, starterSha: starterCommit, graderPackage }));
  const bound: AssignmentManifest = { ...manifest, protected: protectedFiles(dir, studentFiles), starterCommit };
  write(dir, MANIFEST_PATH, renderManifest(bound));
  const headCommit = await commit(`chore: record the starter commit ${starterCommit.slice(0, 12)} and add the dlgrade workflow`);
  log(m.starter(starterCommit, FEEDBACK_BRANCH, DEFAULT_BRANCH, headCommit));

  const result: AssignResult = { dir, name, exercises: ids, starterCommit, headCommit, lockfile };
  const push = async (remote: string, token?: string): Promise<void> => {
    try {
      await git.raw([...authConfig(token).flatMap((c) => ['-c', c]), 'push', '--quiet', remote, `${DEFAULT_BRANCH}:${DEFAULT_BRANCH}`, `${FEEDBACK_BRANCH}:${FEEDBACK_BRANCH}`]);
    } catch (cause: unknown) {
      throw new DlgradeError({ code: 'E_GIT', message: m.pushFailed(redact(remote, token), redact((cause as Error).message, token)), fix: m.pushFailedFix });
    }
    log(m.pushed(redact(remote, token), `${DEFAULT_BRANCH}, ${FEEDBACK_BRANCH}`));
  };
  if (options.push !== undefined) await push(options.push);
  if (options.github !== undefined) {
    const { org, client, token } = options.github;
    let state: 'created' | 'existed' = 'created';
    let cloneUrl: string;
    try {
      const created = await client.rest.repos.createInOrg({ org, name, private: true, is_template: true, description: `Deep Learning Profundo: ${ids.join(', ')}`, auto_init: false });
      cloneUrl = created.data.clone_url;
    } catch (error: unknown) {
      if (!alreadyExists(error)) throw new DlgradeError({ code: 'E_GITHUB', message: m.createFailed(`${org}/${name}`, describeGitHubError(error)), fix: m.createFailedFix, cause: error });
      state = 'existed';
      const existing = await client.rest.repos.get({ owner: org, repo: name });
      cloneUrl = existing.data.clone_url;
      if (!existing.data.is_template) await client.rest.repos.update({ owner: org, repo: name, is_template: true });
    }
    log(m.github(`${org}/${name}`, state === 'created'));
    await push(cloneUrl, token);
    result.githubRepo = { fullName: `${org}/${name}`, state, cloneUrl };
  }
  return result;
}
