import type { RegradeFile } from '../regrade/result-file.ts';
import { loadResults } from './load.ts';
import { buildGradebook, type Gradebook } from './model.ts';

/** `dlgrade gradebook merge`: the shards' results joined into one gradebook (and the files it came from). */
export async function mergeGradebook(dirs: readonly string[]): Promise<{ book: Gradebook; files: RegradeFile[] }> {
  const loaded = await loadResults(dirs);
  return { book: buildGradebook(loaded.files, { duplicates: loaded.duplicates, invalid: loaded.invalid }), files: loaded.files };
}
