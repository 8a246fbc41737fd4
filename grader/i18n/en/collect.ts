import type { CollectMessages } from '../es/collect.ts';

const pushes = (n: number): string => (n === 1 ? '1 late push' : `${n} late pushes`);

export const collect: CollectMessages = {
  late: (count, last) => `${pushes(count)}, the last at ${last}`,
  noPush: (branch) => `no submission (no push to ${branch} before the deadline)`,
  onlyProvisioning: 'no submission (only the commits that set up the assignment)',
  error: 'error',
  total: (all, collected, none, failed) => `Total: ${all} · ${collected} collected · ${none} without a submission · ${failed} failed`,
  rosterSkipped: 'row skipped',
  starting: (n, deadline) => `dlgrade collect: ${n === 1 ? '1 repository' : `${n} repositories`}, deadline ${deadline}`,
  badDeadline: (value) => `--deadline "${value}" is not an ISO 8601 time with a zone`,
  badDeadlineFix: 'e.g. --deadline 2026-10-15T23:59:59Z or 2026-10-16T01:59:59+02:00',
  noOrg: 'no organisation',
  noOrgFix: 'pass --org <org> (in Actions, GITHUB_REPOSITORY_OWNER is used)',
  noAssignment: 'no assignment name',
  noAssignmentFix: 'pass --assignment <name> or set DLGRADE_ASSIGNMENT (repositories are <assignment>-<username>)',
  repoNotFound: (repo) => `repository ${repo} not found (or the token cannot read it)`,
  repoFailed: (repo, why) => `GET ${repo}: ${why}`,
  activityFailed: (why) => `repository activity: ${why}`,
  feedbackBranchFailed: (why) => `feedback branch: ${why}`,
  gitFailed: (why) => `git: ${why}`,
  wrongCheckout: (head, sha) => `checked out ${head}, expected ${sha}`,
};
