/**
 * esbuild's API, loaded with `require`. It is CommonJS (~100 KB): imported as an ES module, Node
 * scans its source for named exports at every start, ~30–45 ms against ~13–15 ms through
 * require (docs/performance.md). The same module object either way (Node's CommonJS cache).
 * Its service process starts at the first build or transform, not here. Types are the package's.
 */
import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';

export const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
export type { Message, Plugin } from 'esbuild';
