/** Regenerates the README's course map from the catalog: `npm run docs`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCourseMap, withCourseMap } from '../../grader/catalog/course-map.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const path = join(INSTALL_ROOT, 'README.md');
const before = readFileSync(path, 'utf8');
const after = withCourseMap(before, renderCourseMap(loadCatalog()));
writeFileSync(path, after);
console.log(before === after ? 'README.md course map already up to date' : 'README.md course map updated');
