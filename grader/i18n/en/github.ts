import type { GitHubMessages } from '../es/github.ts';

export const github: GitHubMessages = {
  network: (url) => [`cannot reach the GitHub API (${url})`, 'check the internet connection, or --api-url for GitHub Enterprise Server'],
  unauthorized: ['GitHub does not accept the token (expired, revoked or mistyped)', 'create a new token and pass it with GITHUB_TOKEN or --token-file'],
  forbiddenWorkflow: ['the token cannot change files under .github/workflows', 'give the token the "workflow" scope (classic) or "Workflows: write" (fine-grained)'],
  forbidden: ['the token is not allowed to do this in the organisation', 'use a token of an organisation owner with the "repo" and "admin:org" scopes (fine-grained: Administration, Contents and Pull requests: write)'],
  rateLimited: ['GitHub is rate-limiting the requests', 'wait a few minutes and run it again (what is done is not redone)'],
  notFound: (t) =>
    t.kind === 'user'
      ? [`there is no GitHub user "${t.username}"`, 'fix github_username in the roster (no @, as in github.com/<user>)']
      : t.kind === 'template'
        ? [`the template ${t.repo} does not exist or the token cannot read it`, 'check --template (make it with dlgrade assign --github-org) and the token’s access to the organisation']
        : t.kind === 'repo'
          ? [`the repository ${t.repo} does not exist or the token cannot read it`, 'check --org and --assignment, and the token’s access to the organisation']
          : ['GitHub cannot find the resource', 'check --org, --api-url and the token’s permissions'],
  conflict: ['something else changed the repository at the same time', 'run it again (what is done is not redone)'],
  invalid: (d) => [`GitHub refuses the request${d ? `: ${d}` : ''}`, 'read the message; if the repository was left half-done, run it again'],
  server: ['GitHub has an internal error or is down', 'wait a few minutes and run it again (githubstatus.com)'],
  other: ['the GitHub call failed', 'run it again; if it persists, check the token and --api-url'],
};
