#!/usr/bin/env node
// The dlgrade command. The grader, the exercise specs and the references are TypeScript,
// loaded through tsx's ESM hook (esbuild under the hood), so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../grader/cli/main.ts');
process.exitCode = await main(process.argv);
