import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

let bundled: string | undefined;

/** The student-side runner (./runner.ts), bundled once per grader process into plain ESM. */
export function runnerSource(): string {
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
