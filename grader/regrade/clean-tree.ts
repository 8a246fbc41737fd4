import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExerciseDef } from '../catalog/types.ts';
import { MAX_SOURCE_BYTES } from '../engine/steps/resolve.ts';

export interface CleanTree {
  dir: string;
  /** problems with allow-listed files (not a regular file, too large, unreadable) */
  notes: string[];
  remove: () => void;
}

/**
 * A fresh temporary folder holding only the allow-listed exercise files of a checkout
 * (`exercises/<chapter>/<exercise>/<file>` → `<tmp>/<chapter>/<exercise>/<file>`), so nothing else
 * from the student's tree (configs, package.json, other files) can reach the grading.
 */
export function buildCleanTree(checkout: string, defs: readonly ExerciseDef[]): CleanTree {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-regrade-'));
  const notes: string[] = [];
  for (const def of defs) {
    const rel = `exercises/${def.chapter}/${def.name}/${def.file}`;
    const source = join(checkout, 'exercises', def.chapter, def.name, def.file);
    let stat;
    try {
      stat = lstatSync(source);
    } catch {
      continue; // not submitted: the grader reports it
    }
    if (!stat.isFile()) {
      notes.push(`${rel} is not a regular file (symbolic links are not accepted): not graded`);
      continue;
    }
    if (stat.size > MAX_SOURCE_BYTES) {
      notes.push(`${rel} is ${stat.size} bytes (limit ${MAX_SOURCE_BYTES}): not graded`);
      continue;
    }
    try {
      const target = join(dir, def.chapter, def.name);
      mkdirSync(target, { recursive: true });
      copyFileSync(source, join(target, def.file));
    } catch (error: unknown) {
      notes.push(`${rel} could not be read: ${(error as Error).message}`);
    }
  }
  return { dir, notes, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
