// Registers the module hooks the grader runs under, after tsx (imported by bin/dlgrade.js and the
// regrade worker): grader/backend/tfjs-hooks.mjs (a cheap `import '@tensorflow/tfjs'`) unless
// DLGRADE_TFJS_REQUIRE=0, and grader/reference-cache/hooks.mjs (specs get their reference module
// with memoised functions, TensorFlow.js imported at the first miss) unless DLGRADE_REFERENCE_CACHE=0.
import { register } from 'node:module';

if (process.env.DLGRADE_TFJS_REQUIRE !== '0') register('./tfjs-hooks.mjs', import.meta.url);
if (process.env.DLGRADE_REFERENCE_CACHE !== '0') {
  register('../reference-cache/hooks.mjs', import.meta.url);
  // tells the engine that specs get the facades, so TensorFlow.js may wait for a miss (runtime.ts)
  globalThis[Symbol.for('dlgrade.reference-cache.hooks')] = true;
}
