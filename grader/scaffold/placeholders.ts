import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PLACEHOLDER } from './scaffold.ts';

/** One file of an exercise that still holds what `dlgrade new` left to fill in. */
export interface PlaceholderLeft {
  /** `<chapter>/<exercise>` */
  id: string;
  /** relative to the course root */
  file: string;
  /** 1-based line of the first TODO(dlgrade new) */
  line: number;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((f) => filesUnder(join(path, f)));
}

/**
 * Every file of every exercise folder under `root` (or of the one `id`) still carrying
 * TODO(dlgrade new): the exercise folder, its reference, its solution and its fixtures. Read from
 * the folders, not the catalog, so that an exercise the catalog cannot load is named too.
 */
export function placeholdersLeft(root: string, id?: string): PlaceholderLeft[] {
  const exercisesDir = join(root, 'exercises');
  if (!existsSync(exercisesDir)) return [];
  const ids: string[] = [];
  for (const chapter of readdirSync(exercisesDir).sort()) {
    const dir = join(exercisesDir, chapter);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) if (statSync(join(dir, name)).isDirectory()) ids.push(`${chapter}/${name}`);
  }
  const out: PlaceholderLeft[] = [];
  for (const one of id === undefined ? ids : ids.filter((i) => i === id)) {
    const [chapter, name] = one.split('/') as [string, string];
    const files = [
      ...filesUnder(join(exercisesDir, chapter, name)),
      ...filesUnder(join(root, 'reference', chapter, `${name}.ts`)),
      ...filesUnder(join(root, 'solutions', chapter, name)),
      ...filesUnder(join(root, 'tests', 'fixtures', 'buggy', chapter, name)),
      ...filesUnder(join(root, 'tests', 'fixtures', 'variants', chapter, name)),
    ];
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = lines.findIndex((l) => l.includes(PLACEHOLDER));
      if (at >= 0) out.push({ id: one, file: relative(root, file).split('\\').join('/'), line: at + 1 });
    }
  }
  return out;
}
