/**
 * picocolors, loaded with `require`: the last CommonJS package a grading's start imported as an
 * ES module, so Node no longer sets up its scan of CommonJS exports at all (grader/cli/commander.ts;
 * docs/performance.md). The same module object either way.
 */
import { createRequire } from 'node:module';
import type Picocolors from 'picocolors';

export const pc = createRequire(import.meta.url)('picocolors') as typeof Picocolors;
