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
  /** the release tag, e.g. v4.3.1 (written as a comment next to the SHA) */
  readonly version: string;
}

export const PINNED_ACTIONS = {
  checkout: { repo: 'actions/checkout', sha: '34e114876b0b11c390a56381ad16ebd13914f8d5', version: 'v4.3.1' },
  setupNode: { repo: 'actions/setup-node', sha: '49933ea5288caeca8642d1e84afbd3f7d6820020', version: 'v4.4.0' },
  uploadArtifact: { repo: 'actions/upload-artifact', sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02', version: 'v4.6.2' },
  downloadArtifact: { repo: 'actions/download-artifact', sha: 'd3f86a106a0bac45b974a628896c90dbdf5c8093', version: 'v4.3.0' },
} as const satisfies Record<string, PinnedAction>;

export type PinnedActions = typeof PINNED_ACTIONS;

export const SHA_PATTERN = /^[0-9a-f]{40}$/;
const REPO_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const VERSION_PATTERN = /^v[0-9]+\.[0-9]+\.[0-9]+$/;

/** The `uses:` line for a pin: `owner/name@<sha> # vX.Y.Z`. Refuses anything that is not a real pin. */
export function formatPin(action: PinnedAction): string {
  if (!REPO_PATTERN.test(action.repo) || !SHA_PATTERN.test(action.sha) || !VERSION_PATTERN.test(action.version)) {
    throw new DlgradeError({
      code: 'E_INTERNAL',
      message: `invalid action pin ${JSON.stringify(action)}: expected owner/name, a 40-hex commit SHA and a vX.Y.Z tag`,
      fix: 'correct the pin in grader/workflows/actions.ts (see docs/workflows.md, "Pinning policy")',
      file: 'grader/workflows/actions.ts',
    });
  }
  return `${action.repo}@${action.sha} # ${action.version}`;
}
