/**
 * From `dlgrade assign --github-org` to `dlgrade provision`, through the CLI, against the fake
 * GitHub: the template is created and pushed (to a local bare repository standing for GitHub's), then
 * two students are provisioned from it; the token is never printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assign, type AssignResult } from '../../grader/assign/assign.ts';
import { main } from '../../grader/cli/main.ts';
import { startFakeGitHubOrg, type FakeGitHubOrg } from '../fake-github/org.ts';
import { GRADER_PACKAGE, TOKEN, testClient } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-assign-provision-'));
let gh: FakeGitHubOrg;
let result: AssignResult;

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = (chunk: string | Uint8Array): boolean => ((out += String(chunk)), true);
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(write);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(write);
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'dlgrade', ...args]);
    return { code, out };
  } finally {
    so.mockRestore();
    se.mockRestore();
    process.exitCode = undefined;
  }
}

beforeAll(async () => {
  gh = await startFakeGitHubOrg({ org: 'curso-dl' });
  gh.cloneUrlFor = (owner, name) => `file://${join(tmp, 'github', owner, `${name}.git`)}`;
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', join(tmp, 'github', 'curso-dl', 'ch07-convolution.git')]);
  result = await assign({ selectors: ['ch07-convolution/conv2d'], name: 'ch07-convolution', out: join(tmp, 'template'), lockfile: false, graderPackage: GRADER_PACKAGE, github: { org: 'curso-dl', client: testClient(gh), token: TOKEN } });
  // what GitHub would now serve from the template's default branch
  const template = gh.repo('curso-dl', 'ch07-convolution')!;
  const bare = join(tmp, 'github', 'curso-dl', 'ch07-convolution.git');
  for (const path of ['.dlgrade/manifest.json', '.github/workflows/dlgrade.yml']) template.files.set(path, execFileSync('git', ['--git-dir', bare, 'show', `main:${path}`], { encoding: 'utf8' }));
  template.branches.set('main', result.headCommit);
  for (const u of ['ana-garcia', 'luis99']) gh.users.add(u);
  writeFileSync(join(tmp, 'token'), `${TOKEN}\n`);
  writeFileSync(join(tmp, 'roster.csv'), 'github_username,student_id,name,email\nana-garcia,A1,Ana,\nluis99,A2,Luis,\nnot valid!,A3,X,\n');
}, 120_000);

afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('assign --github-org, then provision through the CLI', () => {
  it('creates the template repository in the organisation and pushes main and feedback', () => {
    const created = gh.requests.find((r) => r.operationId === 'repos/create-in-org');
    expect(created?.body).toMatchObject({ name: 'ch07-convolution', private: true, is_template: true });
    expect(result.githubRepo).toMatchObject({ fullName: 'curso-dl/ch07-convolution', state: 'created' });
    const bare = join(tmp, 'github', 'curso-dl', 'ch07-convolution.git');
    expect(execFileSync('git', ['--git-dir', bare, 'rev-parse', 'feedback'], { encoding: 'utf8' }).trim()).toBe(result.starterCommit);
  });

  it('dry run by default, then --apply, with the bad roster line reported and the token never printed', async () => {
    const common = ['--template', 'curso-dl/ch07-convolution', '--roster', join(tmp, 'roster.csv'), '--org', 'curso-dl', '--api-url', gh.url, '--token-file', join(tmp, 'token')];
    const dry = await cli(['provision', ...common]);
    expect(dry.out).toContain('simulación');
    expect(dry.out).toMatch(/roster\.csv:4: github_username "not valid!" no es un usuario de GitHub válido/);
    expect(dry.code).toBe(1); // the bad row
    expect(gh.writes().filter((r) => r.path.includes('ch07-convolution-'))).toEqual([]);
    const applied = await cli(['provision', ...common, '--apply', '--json', join(tmp, 'provision.json')]);
    expect(applied.out).toMatch(/✔ ana-garcia → curso-dl\/ch07-convolution-ana-garcia: creado/);
    expect(applied.out).toMatch(/✔ luis99 → curso-dl\/ch07-convolution-luis99: creado/);
    for (const text of [dry.out, applied.out]) expect(text).not.toContain(TOKEN);
    const repo = gh.repo('curso-dl', 'ch07-convolution-ana-garcia')!;
    const starter = repo.branches.get('feedback')!;
    expect(starter).not.toBe(result.starterCommit);
    expect(repo.files.get('.github/workflows/dlgrade.yml')).toContain(`DLGRADE_STARTER_SHA: "${starter}"`);
    expect(JSON.parse(repo.files.get('.dlgrade/manifest.json')!)).toMatchObject({ starterCommit: starter, assignment: 'ch07-convolution' });
    expect(repo.pulls).toHaveLength(1);
  });
});
