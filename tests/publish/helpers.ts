import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Bottleneck from 'bottleneck';
import type { GradeResult } from '../../grader/engine/result.ts';
import { resolvePublishConfig, type PublishConfig, type PublishFlags } from '../../grader/publish/config.ts';
import { memoryLog } from '../../grader/publish/log.ts';
import { octokitFactory } from '../../grader/publish/octokit.ts';
import { publishResult, type PublishReport } from '../../grader/publish/publish.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import type { FakeGitHub } from '../fake-github/server.ts';

export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const STARTER_SHA = '5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed';

export async function fixture(name: string): Promise<GradeResult> {
  return JSON.parse(await readFile(join(INSTALL_ROOT, 'tests/fixtures/results', name), 'utf8')) as GradeResult;
}

/** The real factory with test timings: milliseconds instead of seconds, no spacing between writes. */
export const fastFactory = octokitFactory({
  retryBaseMs: 1,
  rateLimitBaseMs: 5,
  throttle: {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  },
});

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dlgrade-publish-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function configFor(gh: FakeGitHub, dir: string, flags: PublishFlags = {}, env: Record<string, string> = {}): PublishConfig {
  return resolvePublishConfig(
    { outDir: dir, manifest: join(dir, 'no-manifest.json'), ...flags },
    {
      GITHUB_TOKEN: 'ghs_faketoken',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      GITHUB_SHA: HEAD_SHA,
      GITHUB_RUN_ID: '777',
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_OUTPUT: join(dir, 'output.txt'),
      ...env,
    },
  );
}

export async function publish(gh: FakeGitHub, dir: string, result: GradeResult, flags: PublishFlags = {}, env: Record<string, string> = {}): Promise<{ report: PublishReport; log: string[] }> {
  const log = memoryLog();
  const report = await publishResult({ result, config: configFor(gh, dir, flags, env), octokitFactory: fastFactory, log, env: {}, now: () => new Date('2026-03-02T10:30:00Z') });
  return { report, log: log.lines };
}

export const MAIN_SHA = '0a0b0c0d0e0f101112131415161718191a1b1c1d';

/**
 * A student's repository with the pushed branch `trabajo` and its open PR #2 into `main`
 * (head = HEAD_SHA, not on the default branch: GitHub lists open PRs only for such commits).
 */
export function seedPushedPull(gh: FakeGitHub, number = 2): void {
  gh.branches.set('main', MAIN_SHA);
  gh.branches.set('trabajo', HEAD_SHA);
  gh.pulls.push({ number, headRef: 'trabajo', headSha: HEAD_SHA, baseRef: 'main' });
}

/** An old GitHub Classroom repository: `feedback` at the starter commit and the Feedback PR #1. */
export function seedFeedbackPull(gh: FakeGitHub, feedbackSha = STARTER_SHA): void {
  gh.branches.set('main', HEAD_SHA);
  gh.branches.set('feedback', feedbackSha);
  gh.pulls.push({ number: 1, headRef: 'main', headSha: HEAD_SHA, baseRef: 'feedback' });
}
