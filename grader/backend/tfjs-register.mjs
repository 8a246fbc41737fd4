// Registers grader/backend/tfjs-hooks.mjs (a cheap `import '@tensorflow/tfjs'`) unless
// DLGRADE_TFJS_REQUIRE=0. Imported by bin/dlgrade.js and the regrade worker, after tsx.
import { register } from 'node:module';

if (process.env.DLGRADE_TFJS_REQUIRE !== '0') register('./tfjs-hooks.mjs', import.meta.url);
