/**
 * The publisher that the student workflow's `report` job installs: a tiny package whose only
 * dependency is the pinned grader package, with a lockfile committed in the assignment's starter
 * commit. The report job checks out just this folder at the starter commit (a SHA: nothing a
 * student pushes can change it) and runs `npm ci`, so every package it installs is the one the
 * lockfile names, with its integrity hash, never a fresh resolution in the job that holds the token.
 */
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { GRADER_PACKAGE_PATTERN } from './context.ts';

export { PUBLISHER_DIR } from './context.ts';

/** `github:owner/repo#<sha>` → `dlgrade`; `@scope/name@1.2.3` → `@scope/name`. */
function dependency(graderPackage: string): [name: string, spec: string] {
  if (graderPackage.startsWith('github:')) return ['dlgrade', graderPackage];
  const at = graderPackage.lastIndexOf('@');
  return [graderPackage.slice(0, at), graderPackage.slice(at + 1)];
}

/** The publisher's package.json (the lockfile is generated from it with `npm install --package-lock-only`). */
export function publisherPackageJson(graderPackage: string): Record<string, unknown> {
  if (!GRADER_PACKAGE_PATTERN.test(graderPackage)) {
    throw new DlgradeError({
      code: 'E_CONFIG',
      message: text().errors.assign.notPinned(graderPackage),
      fix: text().errors.assign.notPinnedFix,
    });
  }
  const [name, spec] = dependency(graderPackage);
  return {
    name: 'dlgrade-publisher',
    version: '1.0.0',
    private: true,
    description: 'The publisher installed by the dlgrade workflow (npm ci against this lockfile); generated, do not edit',
    dependencies: { [name]: spec },
  };
}
