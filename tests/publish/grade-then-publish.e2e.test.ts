/**
 * The whole student-side path, as the workflow runs it: `dlgrade grade --json` on a submission, then
 * `dlgrade publish` on that file in an Actions-like environment against the fake GitHub (an old
 * Classroom repository: `feedback` at the starter commit and its Feedback PR).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTALL_ROOT, SAMPLE_SUBMISSION_DIR } from '../../grader/paths.ts';
import { STICKY_MARKER } from '../../grader/publish/sticky-comment.ts';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.ts';
import { HEAD_SHA, STARTER_SHA, seedFeedbackPull, tempDir } from './helpers.ts';

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

async function dlgrade(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(INSTALL_ROOT, 'bin/dlgrade.js'), ...args], { cwd: dir, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('dlgrade grade, then dlgrade publish', () => {
  it('posts the sample submission’s feedback on the Feedback PR with annotations at the failing functions', async () => {
    const resultFile = join(dir, 'dlgrade-result.json');
    const graded = await dlgrade(['grade', SAMPLE_SUBMISSION_DIR, '--runs', '20', '--json', resultFile, '--quiet'], { PATH: process.env.PATH ?? '', NO_COLOR: '1' });
    expect(graded.code).toBe(0);
    const result = JSON.parse(await readFile(resultFile, 'utf8')) as { score: number; maxScore: number };

    seedFeedbackPull(gh);
    const eventPath = join(dir, 'event.json');
    await writeFile(eventPath, JSON.stringify({ ref: 'refs/heads/main', after: HEAD_SHA }));
    await writeFile(join(dir, 'output.txt'), '');
    await writeFile(join(dir, 'summary.md'), '');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_TOKEN: 'ghs_e2e',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      GITHUB_SHA: HEAD_SHA,
      GITHUB_RUN_ID: '99',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: join(dir, 'output.txt'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    };
    const published = await dlgrade(['publish', '--result', resultFile, '--starter-sha', STARTER_SHA, '--out-dir', join(dir, 'out')], env);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);

    const body = gh.commentsOn(1)[0]?.body ?? '';
    expect(body.startsWith(STICKY_MARKER)).toBe(true);
    expect(body).toContain(`${result.score} / ${result.maxScore}`);
    expect(body).toMatch(/npx dlgrade check ch\d{2}-[a-z-]+\/[a-z0-9-]+ --seed \d+ --property [a-z0-9-]+/);
    expect(body).toContain('Contraejemplo');

    const checkRun = [...gh.checkRuns.values()][0]!;
    expect(checkRun.conclusion).toBe('failure');
    const files = new Set(checkRun.annotations.map((a) => a['path']));
    expect(files.has('exercises/ch15-losses/dice-loss/dice-loss.ts')).toBe(true);
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('ch15-losses/dice-loss');
  }, 180_000);
});
