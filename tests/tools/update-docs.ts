/** Regenerates the README's course map and each statement's edge-case section from the catalog: `npm run docs`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCourseMap, withCourseMap } from '../../grader/catalog/course-map.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { renderBookLine, withBookLine } from '../../grader/catalog/book.ts';
import { renderEdgeCases, withEdgeCases } from '../../grader/catalog/edge-cases.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const path = join(INSTALL_ROOT, 'README.md');
const before = readFileSync(path, 'utf8');
const after = withCourseMap(before, renderCourseMap(loadCatalog()));
writeFileSync(path, after);
console.log(before === after ? 'README.md course map already up to date' : 'README.md course map updated');

// each statement's book line under its title (exercise.yaml `book`) and "edge cases" section (`edgeCases`)
let statements = 0;
let bookLines = 0;
for (const def of loadCatalog().exercises) {
  for (const lang of ['es', 'en'] as const) {
    const file = def.statementPaths[lang];
    const text = readFileSync(file, 'utf8');
    const withBook = withBookLine(text, renderBookLine(def, lang));
    if (withBook !== text) bookLines++;
    const updated = withEdgeCases(withBook, renderEdgeCases(def, lang));
    if (updated !== withBook) statements++;
    if (updated !== text) {
      writeFileSync(file, updated);
    }
  }
}
console.log(bookLines === 0 ? 'statements: book lines already up to date' : `statements: ${bookLines} book line(s) updated`);
console.log(statements === 0 ? 'statements: edge-case sections already up to date' : `statements: ${statements} edge-case section(s) updated`);
