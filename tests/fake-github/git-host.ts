/**
 * The git side of the fake GitHub organisation (./org.ts): every repository's clone_url is a local
 * bare repository under `root`, and what GitHub does to those repositories is done here with git,
 * with the same commit ids the API reports: serving a pushed template's files through the API,
 * generating a repository from a template (one squashed commit), the commits of the contents API,
 * refs, and recording each student's push in the repository's activity as GitHub's server would.
 * Used by `npm run demo` (tests/tools/demo.ts) and its test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FakeGitHubOrg, FakeOrgRepo } from './org.ts';

export interface GitHost {
  /** the bare repository behind owner/name */
  bareOf: (owner: string, name: string) => string;
  /** after a push to the template's bare repository: what GitHub then serves from its default branch */
  publishTemplate: (name: string, files: readonly string[]) => void;
  /** A student's clone; `submit` commits and pushes with git and records the push at `pushedAt` (GitHub's clock). */
  clone: (name: string, user: string) => { work: string; submit: (files: Record<string, string>, pushedAt: string, committedAt?: string) => string };
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Alumna', '-c', 'user.email=alumna@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Points the fake's clone URLs at bare repositories under `root` (created as GitHub creates repositories). */
export function gitHost(gh: FakeGitHubOrg, root: string): GitHost {
  const bareOf = (owner: string, name: string): string => join(root, 'github', owner, `${name}.git`);
  const work = (...p: string[]): string => join(root, 'work', ...p);
  gh.cloneUrlFor = (owner, name) => {
    const bare = bareOf(owner, name);
    if (!existsSync(bare)) {
      mkdirSync(dirname(bare), { recursive: true });
      execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', bare]);
    }
    return `file://${bare}`;
  };
  const gitDir = (repo: FakeOrgRepo): string => bareOf(repo.owner, repo.name);
  const fixed = { GIT_AUTHOR_DATE: '2026-09-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-09-01T12:00:00Z', GIT_AUTHOR_NAME: 'GitHub', GIT_AUTHOR_EMAIL: 'noreply@github.com', GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' };
  gh.gitBackend = {
    generate: (template, repo) => {
      // GitHub squashes the template's default branch into one new commit of the same tree
      const from = gitDir(template);
      const tree = git(root, ['--git-dir', from, 'rev-parse', `${template.defaultBranch}^{tree}`]);
      const sha = git(root, ['--git-dir', from, 'commit-tree', tree, '-m', 'Initial commit'], { ...fixed, GIT_AUTHOR_DATE: new Date().toISOString() });
      gh.cloneUrlFor?.(repo.owner, repo.name);
      git(root, ['--git-dir', from, 'push', '--quiet', gitDir(repo), `${sha}:refs/heads/${repo.defaultBranch}`]);
      return sha;
    },
    commitFile: (repo, branch, path, content, message) => {
      const bare = gitDir(repo);
      const index = join(root, `index-${repo.name}`);
      const env = { ...fixed, GIT_INDEX_FILE: index };
      try {
        const parent = git(root, ['--git-dir', bare, 'rev-parse', `refs/heads/${branch}`]);
        git(root, ['--git-dir', bare, 'read-tree', parent], env);
        const blob = execFileSync('git', ['--git-dir', bare, 'hash-object', '-w', '--stdin'], { input: content, encoding: 'utf8' }).trim();
        git(root, ['--git-dir', bare, 'update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], env);
        const tree = git(root, ['--git-dir', bare, 'write-tree'], env);
        const sha = git(root, ['--git-dir', bare, 'commit-tree', tree, '-p', parent, '-m', message], env);
        git(root, ['--git-dir', bare, 'update-ref', `refs/heads/${branch}`, sha]);
        return sha;
      } finally {
        rmSync(index, { force: true });
      }
    },
    setRef: (repo, branch, sha) => void git(root, ['--git-dir', gitDir(repo), 'update-ref', `refs/heads/${branch}`, sha]),
  };
  return {
    bareOf,
    publishTemplate: (name, files) => {
      const template = gh.repo(gh.org, name);
      if (template === undefined) throw new Error(`no repository ${gh.org}/${name} in the fake organisation`);
      const bare = bareOf(gh.org, name);
      for (const file of files) template.files.set(file, execFileSync('git', ['--git-dir', bare, 'show', `main:${file}`], { encoding: 'utf8' }));
      template.branches.set('main', git(root, ['--git-dir', bare, 'rev-parse', 'main']));
    },
    clone: (name, user) => {
      const dir = work('clones', user);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dirname(dir), { recursive: true });
      git(root, ['clone', '--quiet', `file://${bareOf(gh.org, name)}`, dir]);
      return {
        work: dir,
        submit: (files, pushedAt, committedAt) => {
          for (const [file, content] of Object.entries(files)) {
            mkdirSync(dirname(join(dir, file)), { recursive: true });
            writeFileSync(join(dir, file), content);
          }
          git(dir, ['add', '-A']);
          git(dir, ['commit', '--quiet', '-m', 'entrega'], committedAt ? { GIT_AUTHOR_DATE: committedAt, GIT_COMMITTER_DATE: committedAt } : {});
          git(dir, ['push', '--quiet', 'origin', 'main']);
          const sha = git(dir, ['rev-parse', 'HEAD']);
          gh.recordPush(gh.repo(gh.org, name)!, sha, { timestamp: pushedAt, actor: user });
          return sha;
        },
      };
    },
  };
}
