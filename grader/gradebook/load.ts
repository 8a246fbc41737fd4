import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from '../i18n/index.ts';
import { parseResult } from '../publish/load-result.ts';
import { isRegradeFile, type RegradeFile } from '../regrade/result-file.ts';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface LoadedResults {
  /** one per username, sorted by username */
  files: RegradeFile[];
  /** usernames found more than once: the newest `gradedAt` is kept */
  duplicates: { username: string; kept: string; dropped: string[] }[];
  /** files that are not regrade results (or whose result object fails the schema) */
  invalid: { file: string; message: string }[];
}

function jsonFiles(dir: string, depth: number, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) jsonFiles(path, depth - 1, out);
    else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.endsWith('.tmp')) out.push(path);
  }
}

/**
 * Reads the regrade results of one or more folders (shard artifacts, downloaded merged or each in
 * its own sub-folder). A username found twice keeps the newest `gradedAt`; the others are reported.
 */
export async function loadResults(dirs: readonly string[]): Promise<LoadedResults> {
  const paths: string[] = [];
  for (const dir of dirs) jsonFiles(dir, 1, paths);
  const byUser = new Map<string, { file: string; data: RegradeFile }[]>();
  const invalid: LoadedResults['invalid'] = [];
  const w = text().gradebook;
  for (const file of paths) {
    let data: unknown;
    try {
      if (lstatSync(file).size > MAX_FILE_BYTES) throw new Error(w.tooLarge(MAX_FILE_BYTES));
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error: unknown) {
      invalid.push({ file, message: w.notJson((error as Error).message) });
      continue;
    }
    if (!isRegradeFile(data)) {
      invalid.push({ file, message: w.notRegradeFile });
      continue;
    }
    if (data.result !== undefined) {
      try {
        await parseResult(JSON.stringify(data.result), file);
      } catch (error: unknown) {
        invalid.push({ file, message: (error as Error).message });
        continue;
      }
    }
    const list = byUser.get(data.username) ?? [];
    list.push({ file, data });
    byUser.set(data.username, list);
  }
  const files: RegradeFile[] = [];
  const duplicates: LoadedResults['duplicates'] = [];
  for (const username of [...byUser.keys()].sort()) {
    const list = byUser.get(username)!.sort((a, b) => (a.data.gradedAt < b.data.gradedAt ? 1 : a.data.gradedAt > b.data.gradedAt ? -1 : a.file < b.file ? -1 : 1));
    files.push(list[0]!.data);
    if (list.length > 1) duplicates.push({ username, kept: list[0]!.file, dropped: list.slice(1).map((e) => e.file) });
  }
  return { files, duplicates, invalid };
}
