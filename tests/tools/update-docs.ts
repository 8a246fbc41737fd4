/** Regenerates the README's course map and each statement's edge-case section from the catalog: `npm run docs`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCourseMap, withCourseMap } from '../../grader/catalog/course-map.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { renderEdgeCases, withEdgeCases } from '../../grader/catalog/edge-cases.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const path = join(INSTALL_ROOT, 'README.md');
const before = readFileSync(path, 'utf8');
const after = withCourseMap(before, renderCourseMap(loadCatalog()));
writeFileSync(path, after);
console.log(before === after ? 'README.md course map already up to date' : 'README.md course map updated');

// each statement's "edge cases" section, from exercise.yaml `edgeCases`
let statements = 0;
for (const def of loadCatalog().exercises) {
  for (const lang of ['es', 'en'] as const) {
    const file = def.statementPaths[lang];
    const text = readFileSync(file, 'utf8');
    const updated = withEdgeCases(text, renderEdgeCases(def, lang));
    if (updated !== text) {
      writeFileSync(file, updated);
      statements++;
    }
  }
}
console.log(statements === 0 ? 'statements: edge-case sections already up to date' : `statements: ${statements} edge-case section(s) updated`);
