import type { PropertyMeta } from '../../catalog/types.ts';
import type { ExerciseResult } from '../result.ts';
import { t } from '../../i18n/index.ts';

/**
 * Step 4: the exercise's score and status from its properties. A timeout scores 0 for the whole
 * exercise; otherwise each passing property earns its points. Status: pass only with full marks;
 * error when nothing could be graded; fail otherwise.
 */
export function scoreExercise(partial: Omit<ExerciseResult, 'score' | 'maxScore'> & { score?: number }, selected: PropertyMeta[], lang: 'es' | 'en' = 'es'): ExerciseResult {
  partial = { ...partial, properties: gateSecondary(partial.properties, selected, lang) };
  const maxScore = selected.reduce((sum, p) => sum + p.points, 0);
  const earned = partial.properties.reduce((sum, p) => sum + (p.status === 'pass' ? p.score : 0), 0);
  const result: ExerciseResult = { ...partial, score: partial.status === 'timeout' || partial.status === 'error' ? 0 : round(earned), maxScore: round(maxScore) };
  if (partial.status === 'pass') {
    const allPass = partial.properties.length > 0 && partial.properties.every((p) => p.status === 'pass');
    const noneRan = partial.properties.every((p) => p.status === 'error' || p.status === 'skipped');
    result.status = allPass ? 'pass' : noneRan ? 'error' : 'fail';
    if (result.status === 'error') result.score = 0;
  }
  if (result.status === 'timeout') {
    result.properties = result.properties.map((p) => ({ ...p, score: 0 }));
  }
  return result;
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Secondary properties (no-mutation, invariances: what a constant function also satisfies) earn
 * their points only when a primary property of the same function passes (of any function, when
 * theirs has no primary property), so `return 0` earns nothing, and neither does a constant
 * `rocAuc` beside a correct `rocCurve`.
 */
function gateSecondary(properties: ExerciseResult['properties'], selected: PropertyMeta[], lang: 'es' | 'en'): ExerciseResult['properties'] {
  const secondaryMeta = new Map(selected.filter((p) => p.secondary).map((p) => [p.name, p] as const));
  const secondary = new Set(secondaryMeta.keys());
  if (secondary.size === 0) return properties;
  const primaries = properties.filter((p) => !secondary.has(p.name));
  const anyPrimaryPassed = primaries.some((p) => p.status === 'pass');
  const unlocked = (name: string): boolean => {
    const fn = secondaryMeta.get(name)!.function;
    const own = primaries.filter((p) => p.function === fn);
    return own.length === 0 ? anyPrimaryPassed : own.some((p) => p.status === 'pass');
  };
  return properties.map((p) =>
    secondary.has(p.name) && p.status === 'pass' && !unlocked(p.name)
      ? {
          ...p,
          status: 'fail' as const,
          score: 0,
          hint: secondaryMeta.get(p.name)!.hint[lang],
          message: t(lang).engine.notScoredYet,
        }
      : p,
  );
}
