import { instructorClient, type GitHubClient } from '../../grader/github/client.ts';
import type { FakeGitHubOrg } from '../fake-github/org.ts';

export const TOKEN = 'ghs_fakeInstructorToken0123456789';

/** The real octokit, pointed at the fake server, with retries and throttling disabled. */
export function testClient(gh: FakeGitHubOrg): GitHubClient {
  return instructorClient({ token: TOKEN, apiUrl: gh.url, tuning: { retries: 0, throttle: { enabled: false } }, warn: () => undefined });
}

/** A pinned publisher for the rendered workflows. */
export const GRADER_PACKAGE = 'github:curso-dl/dlgrade#0123456789abcdef0123456789abcdef01234567';

export const STARTER_IN_TEMPLATE = 'a'.repeat(40);

/** A template as `dlgrade assign --github-org` leaves it: manifest and workflow naming its starter commit. */
export function templateFiles(starter = STARTER_IN_TEMPLATE): Record<string, string> {
  return {
    '.dlgrade/manifest.json': JSON.stringify({ schemaVersion: 1, assignment: 'ch07-convolution', exercises: [], protected: [], starterCommit: starter }, null, 2) + '\n',
    '.github/workflows/dlgrade.yml': `name: dlgrade\n# …\n          DLGRADE_STARTER_SHA: "${starter}"\n`,
    'exercises/ch07-convolution/conv2d/conv2d.ts': 'export function conv2d() { throw new Error("Not implemented: conv2d"); }\n',
  };
}
