import { createRequire } from 'node:module';

type Tfjs = typeof import('@tensorflow/tfjs');

const require = createRequire(import.meta.url);

/**
 * TensorFlow.js as the grader loads it: `require` of the full `@tensorflow/tfjs` from dlgrade's
 * install. An assignment repository's bundle replaces this module (grader/assign/bundle.ts) with
 * one that returns its lean TensorFlow.js (grader/assign/tfjs-lean.cjs), the same instance its
 * references import.
 */
export function requireTfjs(): Tfjs {
  return require('@tensorflow/tfjs') as Tfjs;
}

/**
 * The package that, when it resolves, says requireTfjs() can load (the backend's prediction,
 * grader/backend/select.ts). The bundle's stand-in names the lean TensorFlow.js's core, which an
 * assignment installs instead of the full package.
 */
export const TFJS_PACKAGE = '@tensorflow/tfjs';
