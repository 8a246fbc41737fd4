import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { typeScriptLoader } from '../boot/tree.mjs';
import { compact, formatExampleCall, formatLiteral } from '../catalog/examples.ts';
import type { ExerciseDef } from '../catalog/types.ts';
import { compareValues } from '../compare/numeric.ts';
import type { Lang } from '../engine/result.ts';
import { describeThrown } from '../errors.ts';
import { currentLang, t } from '../i18n/index.ts';

/** A hand-checkable example: the call and result together stay short (as tests/catalog/examples.test.ts). */
export const MAX_EXAMPLE_CHARS = 700;

/**
 * What tests/catalog/examples.test.ts checks, for one exercise: it has worked examples, the solution returns each stated result, and both statements show
 * each call and result. Problems, one per line; empty when all is well.
 */
export async function exampleProblems(def: ExerciseDef, lang: Lang = currentLang()): Promise<string[]> {
  const w = t(lang).verify.examples;
  if (def.examples.length === 0) return [w.none];
  const problems: string[] = [];
  let mod: Record<string, unknown> | undefined;
  try {
    // a solution is not part of the grader's build tree: loaded through the module hooks
    await typeScriptLoader();
    mod = (await import(pathToFileURL(def.solutionPath).href)) as Record<string, unknown>;
  } catch (error: unknown) {
    problems.push(w.cannotLoad(def.solutionPath, describeThrown(error)));
  }
  const statements = (['es', 'en'] as const).map((l) => [def.statementPaths[l], existsSync(def.statementPaths[l]) ? compact(readFileSync(def.statementPaths[l], 'utf8')) : ''] as const);
  def.examples.forEach((example, i) => {
    const call = formatExampleCall(example);
    const result = formatLiteral(example.result);
    if (call.length + result.length > MAX_EXAMPLE_CHARS) problems.push(w.tooLong(i, MAX_EXAMPLE_CHARS));
    for (const [path, text] of statements) {
      if (!text.includes(compact(call))) problems.push(w.callNotShown(i, path, call));
      if (!text.includes(compact(result))) problems.push(w.resultNotShown(i, path, result));
    }
  });
  if (mod !== undefined) {
    for (const [i, example] of def.examples.entries()) {
      const fn = mod[example.function];
      if (typeof fn !== 'function') {
        problems.push(w.noExport(i, example.function));
        continue;
      }
      try {
        const received: unknown = await (fn as (...a: unknown[]) => unknown)(...structuredClone(example.args));
        if (!compareValues(example.result, received, example.tolerance).ok) problems.push(w.differs(i, formatExampleCall(example), formatLiteral(received), formatLiteral(example.result)));
      } catch (error: unknown) {
        problems.push(w.threw(i, describeThrown(error)));
      }
    }
  }
  return problems;
}
