import { DlgradeError } from '../errors.ts';

/**
 * The one place where the GitHub Actions that dlgrade's workflows use are pinned.
 *
 * Every action is pinned by the full 40-hex commit SHA of a release tag (a tag can be moved,
 * a commit cannot), with the tag in a `# vX.Y.Z` comment for humans and Dependabot/Renovate.
 * The templates never name an action themselves: they get these pins from the render context.
 * How to update: docs/workflows.md ("Pinning policy").
 */
export interface PinnedAction {
  /** owner/name, e.g. actions/checkout */
  readonly repo: string;
  /** the full commit SHA the release tag points to */
  readonly sha: string;
  /** the release tag, e.g. v7.0.1 (written as a comment next to the SHA) */
  readonly version: string;
  /** the runtime its action.yml declares (`runs.using`), checked when the pin was taken */
  readonly runtime: 'node24' | 'node20';
}

export const PINNED_ACTIONS = {
  checkout: { repo: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1', runtime: 'node24' },
  setupNode: { repo: 'actions/setup-node', sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0', runtime: 'node24' },
  uploadArtifact: { repo: 'actions/upload-artifact', sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f', version: 'v7.0.0', runtime: 'node24' },
  downloadArtifact: { repo: 'actions/download-artifact', sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c', version: 'v8.0.1', runtime: 'node24' },
  /**
   * GitHub Classroom's reporter. Its only release is the `v1` tag, whose action.yml still says
   * `using: node20`; GitHub's Node 20 deprecation moves such actions onto Node 24 on its runners
   * (not verified here). There is no newer release to pin.
   */
  classroomReporter: { repo: 'classroom-resources/autograding-grading-reporter', sha: 'd13b5912daf5042ac1b71bc38bdb4a6bcd61d8ca', version: 'v1', runtime: 'node20' },
} as const satisfies Record<string, PinnedAction>;

export type PinnedActions = typeof PINNED_ACTIONS;

export const SHA_PATTERN = /^[0-9a-f]{40}$/;
const REPO_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
/** `vX.Y.Z`, or a bare major `vN` for an action whose only release tag is a major (Classroom's reporter) */
export const VERSION_PATTERN = /^v[0-9]+(?:\.[0-9]+\.[0-9]+)?$/;

/** The `uses:` line for a pin: `owner/name@<sha> # vX.Y.Z`. Refuses anything that is not a real pin. */
export function formatPin(action: Pick<PinnedAction, 'repo' | 'sha' | 'version'>): string {
  if (!REPO_PATTERN.test(action.repo) || !SHA_PATTERN.test(action.sha) || !VERSION_PATTERN.test(action.version)) {
    throw new DlgradeError({
      code: 'E_INTERNAL',
      message: `invalid action pin ${JSON.stringify(action)}: expected owner/name, a 40-hex commit SHA and a vX.Y.Z (or vN) tag`,
      fix: 'correct the pin in grader/workflows/actions.ts (see docs/workflows.md, "Pinning policy")',
      file: 'grader/workflows/actions.ts',
    });
  }
  return `${action.repo}@${action.sha} # ${action.version}`;
}
