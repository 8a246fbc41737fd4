import { DlgradeError } from '../errors.ts';
import type { Catalog, ExerciseDef } from './types.ts';

/**
 * Resolves selectors to exercises, in catalog order: a full id (`ch07-convolution/conv2d`),
 * a chapter (`ch07-convolution` or `ch07`), or an exercise name when unique (`conv2d`).
 * No selector: everything.
 */
export function selectExercises(catalog: Catalog, selectors: readonly string[] | undefined): ExerciseDef[] {
  if (!selectors || selectors.length === 0) return catalog.exercises;
  const chosen = new Set<string>();
  for (const raw of selectors) {
    const selector = raw.trim().replace(/\/+$/, '').replace(/^exercises\//, '');
    const matches = catalog.exercises.filter(
      (e) => e.id === selector || e.chapter === selector || e.chapter.startsWith(`${selector}-`) || e.name === selector,
    );
    if (matches.length === 0) {
      const near = catalog.exercises
        .filter((e) => e.id.includes(selector.split('/').pop() ?? selector) || selector.includes(e.name))
        .slice(0, 5)
        .map((e) => e.id);
      const invalid = catalog.issues.filter((i) => i.file.includes(selector));
      throw new DlgradeError({
        code: 'E_EXERCISE_UNKNOWN',
        message: `no exercise or chapter matches "${raw}"${invalid.length > 0 ? ` (it exists but is invalid: ${invalid.map((i) => `${i.file} ${i.field}: ${i.message}`).join('; ')})` : ''}`,
        fix: near.length > 0 ? `did you mean ${near.join(', ')}? ("dlgrade list" shows them all)` : 'run "dlgrade list" to see the exercise ids',
      });
    }
    for (const m of matches) chosen.add(m.id);
  }
  return catalog.exercises.filter((e) => chosen.has(e.id));
}
