import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Set at bundle time (esbuild `define`) in a self-contained grader, where runner.ts is not on disk. */
declare const __DLGRADE_RUNNER_SOURCE__: string | undefined;

let bundled: string | undefined;

/** The student-side runner (./runner.ts), bundled once per grader process into plain ESM (or pre-bundled). */
export function runnerSource(): string {
  if (bundled === undefined && typeof __DLGRADE_RUNNER_SOURCE__ === 'string') bundled = __DLGRADE_RUNNER_SOURCE__;
  bundled ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./runner.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return bundled;
}
