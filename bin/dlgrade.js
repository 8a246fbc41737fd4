#!/usr/bin/env node
// The dlgrade command. The grader, the exercise specs and the references are TypeScript, loaded
// from the build tree `npm run precompile` makes (grader/boot/tree.mjs), else as precompiled
// JavaScript through module hooks (grader/boot/register.mjs: each module's build is keyed by its
// own bytes, made on first use or by `npm run precompile`), or through tsx with DLGRADE_PRECOMPILE=0.
//
// First of all, before any module loads: SIGUSR1 would open Node's inspector, and a student
// process that can signal the grader would attach to it and rewrite the results. A listener
// replaces that default; the signal is ignored. (Nodes the grader starts get --disable-sigusr1
// where Node has it: grader/regrade/run-worker.ts.)
process.on('SIGUSR1', () => {});
// The build tree (grader/boot/tree.mjs): the grader compiled once, loaded with no module hooks,
// when it is exactly the build of the sources as they are now; else the hooks load the sources.
const { entryUrl } = await import('../grader/boot/tree.mjs');
const entry = await entryUrl('grader/cli/main.ts');
// named points for DLGRADE_PROFILE (grader/profile.ts); a mark costs nothing when nobody reads it
performance.mark('dlgrade:loader-registered');
const { main } = await import(entry);
performance.mark('dlgrade:grader-loaded');
process.exitCode = await main(process.argv);
performance.mark('dlgrade:main-done');
