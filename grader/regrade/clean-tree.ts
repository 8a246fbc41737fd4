import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExerciseDef } from '../catalog/types.ts';
import type { Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';
import { MAX_SOURCE_BYTES } from '../engine/steps/resolve.ts';
import { readInsideRoot, type PathProblem } from '../engine/steps/safe-path.ts';

/** An allow-listed file that was not copied because its path is not a plain file of the checkout. */
export interface RefusedFile {
  problem: PathProblem;
  /** the offending component, relative to the checkout (e.g. `exercises` for `exercises -> …`) */
  at: string;
  size?: number;
}

export interface CleanTree {
  dir: string;
  /** problems with allow-listed files (a symbolic link, a path leaving the checkout, too large, unreadable) */
  notes: string[];
  /** by exercise id: files refused (graded as `tampered`, score 0) */
  refused: Record<string, RefusedFile>;
  remove: () => void;
}

/**
 * A fresh temporary folder holding only the allow-listed exercise files of a checkout
 * (`exercises/<chapter>/<exercise>/<file>` → `<tmp>/<chapter>/<exercise>/<file>`), so nothing else
 * from the student's tree (configs, package.json, other files) can reach the grading. Each file is
 * read component by component inside the checkout (grader/engine/steps/safe-path.ts): a symbolic
 * link at any level (`exercises`, the chapter, the exercise, the file) or a path whose real
 * location leaves the checkout is refused, so no classmate's file and no model solution is ever
 * graded as this student's.
 */
export function buildCleanTree(checkout: string, defs: readonly ExerciseDef[], lang: Lang = currentLang()): CleanTree {
  const m = t(lang).regrade.student;
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-regrade-'));
  const notes: string[] = [];
  const refused: Record<string, RefusedFile> = {};
  for (const def of defs) {
    const rel = `exercises/${def.chapter}/${def.name}/${def.file}`;
    const read = readInsideRoot(checkout, ['exercises', def.chapter, def.name, def.file], MAX_SOURCE_BYTES);
    if (read.kind === 'absent') continue; // not submitted: the grader reports it
    if (read.kind === 'refused') {
      refused[def.id] = { problem: read.problem, at: read.at, ...(read.size !== undefined ? { size: read.size } : {}) };
      notes.push(m.refused(rel, read.problem, read.at));
      continue;
    }
    if (read.kind === 'unreadable') {
      notes.push(m.unreadable(rel, read.message));
      continue;
    }
    try {
      const target = join(dir, def.chapter, def.name);
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, def.file), read.content);
    } catch (error: unknown) {
      notes.push(m.uncopyable(rel, (error as Error).message));
    }
  }
  return { dir, notes, refused, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
