/**
 * Rewrites package.json `files` from the catalog: the grader, the references, the templates and
 * the course material, with every spec.ts left out and then the specs of exercises without hidden
 * properties put back (a new exercise ships no spec until this runs: the safe direction).
 * `node --import tsx tests/tools/update-package-files.ts`; tests/cli/package-files.test.ts checks it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const path = join(INSTALL_ROOT, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const publicSpecs = loadCatalog()
  .exercises.filter((d) => !d.properties.some((p) => p.hidden))
  .map((d) => `exercises/${d.chapter}/${d.name}/spec.ts`)
  .sort();
pkg['files'] = ['bin/', 'grader/', '!grader/**/*.test.ts', 'reference/', '!reference/**/*.test.ts', 'templates/', 'exercises/', '!exercises/*/*/spec.ts', ...publicSpecs];
writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json files: ${publicSpecs.length} public specs`);
