import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { STICKY_MARKER } from '../../grader/publish/sticky-comment.ts';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.ts';
import { HEAD_SHA, seedPushedPull, tempDir } from './helpers.ts';
import { parseXml } from './xml-check.ts';

const run = promisify(execFile);
let gh: FakeGitHub;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  gh = await startFakeGitHub();
  ({ dir, cleanup } = await tempDir());
});

afterEach(async () => {
  await gh.close();
  await cleanup();
  expect(gh.violations).toEqual([]);
});

/** An Actions-like environment: event payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files in a temp dir. */
async function actionsEnv(event: 'push' | 'pull_request', payload: object): Promise<Record<string, string>> {
  const eventPath = join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify(payload));
  await writeFile(join(dir, 'output.txt'), '');
  await writeFile(join(dir, 'summary.md'), '');
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: 'ghs_e2e',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
    GITHUB_SHA: HEAD_SHA,
    GITHUB_RUN_ID: '4242',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
}

async function dlgrade(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(INSTALL_ROOT, 'bin/dlgrade.js'), 'publish', ...args], { cwd: dir, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[0-9a-f]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
  return out;
}

const fixturePath = (name: string) => join(INSTALL_ROOT, 'tests/fixtures/results', name);

describe('dlgrade publish (real CLI, Actions-like environment)', () => {
  it('push: comments on the pushed commit\'s PR, writes outputs, summary, result.json and JUnit', async () => {
    seedPushedPull(gh);
    const env = await actionsEnv('push', { ref: 'refs/heads/main', after: HEAD_SHA, head_commit: { id: HEAD_SHA, message: '@octocat <!-- dlgrade:feedback -->' } });
    const { code, stdout, stderr } = await dlgrade(['--result', fixturePath('mixed.json'), '--out-dir', join(dir, 'out')], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('comentario creado en #2');
    expect(gh.commentsOn(2)[0]?.body.startsWith(STICKY_MARKER)).toBe(true);
    const outputs = parseOutputs(await readFile(env.GITHUB_OUTPUT as string, 'utf8'));
    expect(outputs.score).toBe('7.5');
    expect(outputs['max-score']).toBe('15');
    expect(JSON.parse(Buffer.from(outputs.result ?? '', 'base64').toString('utf8'))).toMatchObject({ version: 1, status: 'fail', max_score: 15 });
    expect(await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8')).toContain('| `ch07-convolution/conv2d` Convolución 2D &#40;valid, stride 1&#41; | ❌ falla | 2.5 / 5 |');
    // not a Classroom 50 run (none of its variables): no result.json, said in the log, not a warning
    await expect(readFile(join(dir, 'out/result.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(stdout).toMatch(/sin result\.json de Classroom 50: faltan CLASSROOM, ASSIGNMENT, SUBMISSION_TAG/);
    expect(stdout).not.toMatch(/::warning::.*Classroom 50/);
    expect(parseXml(await readFile(join(dir, 'out/dlgrade-junit.xml'), 'utf8')).children).toHaveLength(3);
    expect([...gh.checkRuns.values()][0]?.conclusion).toBe('failure');
  }, 60_000);

  it("inside a Classroom 50 run: writes result.json from the runner's variables, scaled to whole points", async () => {
    seedPushedPull(gh);
    const env = await actionsEnv('push', { ref: 'refs/heads/trabajo', after: HEAD_SHA });
    Object.assign(env, {
      CLASSROOM: 'curso-dl', ASSIGNMENT: 'tarea-07', SUBMISSION_TAG: 'submit/20260302T103000Z-a1b2c3d', OWNER: 'ana', ASSIGNMENT_TYPE: 'individual',
      COMMIT_URL: `https://github.com/${gh.owner}/${gh.repo}/commit/${HEAD_SHA}`, DLGRADE_COMMIT_DATE: '2026-03-01T19:00:00+01:00', DLGRADE_CLASSROOM50_SCALE: '2',
    });
    const { code, stderr } = await dlgrade(['--result', fixturePath('mixed.json'), '--out-dir', join(dir, 'out'), '--dry-run'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const c50 = JSON.parse(await readFile(join(dir, 'out/result.json'), 'utf8')) as Record<string, unknown>;
    expect(c50).toMatchObject({
      schema: 'classroom50/result/v1', classroom: 'curso-dl', assignment: 'tarea-07', owner: 'ana', assignment_type: 'individual',
      submission: 'submit/20260302T103000Z-a1b2c3d', datetime: '2026-03-01T18:00:00Z', review: `https://github.com/${gh.owner}/${gh.repo}/commit/${HEAD_SHA}`,
      release: `https://github.com/${gh.owner}/${gh.repo}/releases/tag/submit%2F20260302T103000Z-a1b2c3d`, score: 15, 'max-score': 30,
    });
    expect(c50.graded_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  }, 60_000);

  it('pull_request with a hostile result: posts a harmless comment and prints nothing student-controlled', async () => {
    gh.pulls.push({ number: 5, headRef: 'rama', headSha: 'c'.repeat(40), baseRef: 'main' });
    const env = await actionsEnv('pull_request', { action: 'opened', number: 5, pull_request: { number: 5, head: { sha: 'c'.repeat(40) }, title: '::set-output name=x::y' } });
    const { code, stdout } = await dlgrade(['--result', fixturePath('hostile.json'), '--out-dir', dir], env);
    expect(code).toBe(0);
    expect(stdout).toContain('comentario creado en #5');
    expect(stdout).not.toMatch(/octocat|set-output|add-mask|onerror|\u001b|\u202e/);
    const body = gh.commentsOn(5)[0]?.body ?? '';
    expect(body.split('<!--')).toHaveLength(2);
  }, 60_000);

  it('a read-only token degrades to the job summary with ::warning:: lines and exit 0', async () => {
    seedPushedPull(gh);
    gh.readOnly = true;
    const env = await actionsEnv('push', { ref: 'refs/heads/main', after: HEAD_SHA });
    const { code, stdout } = await dlgrade(['--result', fixturePath('mixed.json'), '--out-dir', dir], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning title=dlgrade publish::Comentar en #2 falló \(403: «Resource not accessible by integration.*`pull-requests: write`/m);
    expect(stdout).toMatch(/^::warning title=dlgrade publish::Crear el check run falló \(403.*`checks: write`/m);
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('Avisos de publicación');
    expect(parseOutputs(await readFile(join(dir, 'output.txt'), 'utf8')).score).toBe('7.5');
  }, 60_000);

  it('an invalid result exits 2 naming the file, the path and the fix, and sends nothing', async () => {
    const bad = JSON.parse(await readFile(fixturePath('mixed.json'), 'utf8')) as { exercises: { score: unknown }[] };
    bad.exercises[0]!.score = 'cinco';
    const file = join(dir, 'bad-result.json');
    await writeFile(file, JSON.stringify(bad));
    const env = await actionsEnv('push', {});
    const { code, stderr } = await dlgrade(['--result', file], env);
    expect(code).toBe(2);
    expect(stderr).toContain('E_RESULT_INVALID');
    expect(stderr).toContain('bad-result.json');
    expect(stderr).toContain('/exercises/0/score: must be number');
    expect(stderr).toContain('dlgrade grade --json');
    expect(gh.requests).toHaveLength(0);
  }, 60_000);
});
