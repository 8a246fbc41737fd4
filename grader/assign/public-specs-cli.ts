// npm pack's prepack/postpack step (package.json scripts): `write` or `remove` the public specs.
import { loadCatalog } from '../catalog/load.ts';
import { removePublicSpecs, writePublicSpecs } from './public-specs.ts';

const action = process.argv[2];
const exercises = loadCatalog().exercises;
if (action === 'write') console.error(`public specs written: ${writePublicSpecs(exercises).length}`);
else if (action === 'remove') console.error(`public specs removed: ${removePublicSpecs(exercises).length}`);
else {
  console.error('usage: public-specs-cli.ts write|remove');
  process.exitCode = 2;
}
