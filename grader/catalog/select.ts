import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { issueMessage } from './issues.ts';
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
      const m = text().errors.catalog;
      const invalid = catalog.issues.filter((i) => i.file.includes(selector));
      throw new DlgradeError({
        code: 'E_EXERCISE_UNKNOWN',
        message: m.unknownExercise(raw, invalid.map((i) => `${i.file} ${i.field}: ${issueMessage(i)}`)),
        fix: near.length > 0 ? m.didYouMean(near) : m.listThem,
      });
    }
    for (const m of matches) chosen.add(m.id);
  }
  return catalog.exercises.filter((e) => chosen.has(e.id));
}
