#!/usr/bin/env node
// The dlgrade command. The grader, the exercise specs and the references are TypeScript,
// loaded through tsx's ESM hook (esbuild under the hood), so no build step is needed.
//
// First of all, before any module loads: SIGUSR1 would open Node's inspector, and a student
// process that can signal the grader would attach to it and rewrite the results. A listener
// replaces that default; the signal is ignored. (Nodes the grader starts get --disable-sigusr1
// where Node has it: grader/regrade/run-worker.ts.)
process.on('SIGUSR1', () => {});
const { register } = await import('tsx/esm/api');

register();
await import('../grader/backend/tfjs-register.mjs');
// named points for DLGRADE_PROFILE (grader/profile.ts); a mark costs nothing when nobody reads it
performance.mark('dlgrade:tsx-registered');
const { main } = await import('../grader/cli/main.ts');
performance.mark('dlgrade:grader-loaded');
process.exitCode = await main(process.argv);
performance.mark('dlgrade:main-done');
