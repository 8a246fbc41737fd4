/**
 * The headline exercises' properties run as a plain vitest suite, in-process, against the
 * solutions: no sandbox, no student process. Only for `npm run bench`, to compare with dlgrade.
 */
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { selectBackend } from '../../grader/backend/select.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { expectCloseTo } from '../../grader/spec/assert.ts';
import type { PropertyContext, PropertyImpl } from '../../grader/spec/define.ts';
import { HEADLINE } from './headline.ts';

const catalog = loadCatalog();
for (const def of selectExercises(catalog, HEADLINE)) {
  describe(def.id, () => {
    for (const meta of def.properties) {
      it(meta.name, async () => {
        await selectBackend(process.env['DLGRADE_BACKEND']);
        const spec = ((await import(pathToFileURL(def.specPath).href)) as { default: Record<string, PropertyImpl<unknown>> }).default;
        const solution = (await import(pathToFileURL(def.solutionPath).href)) as Record<string, (...args: unknown[]) => unknown>;
        const ctx: PropertyContext = {
          lang: 'es',
          tolerance: meta.tolerance,
          callTracked: async (fn, ...args) => ({ value: solution[fn]!(...structuredClone(args)), mutated: [], changes: [] }),
          call: async (fn, ...args) => solution[fn]!(...structuredClone(args)),
          expectClose: (e, r, o) => expectCloseTo(e, r, o?.tolerance ?? meta.tolerance, o?.what),
        };
        const impl = spec[meta.name]!;
        await fc.assert(fc.asyncProperty(impl.arbitrary, (input) => impl.check(input as never, ctx)), { seed: 1, numRuns: meta.runs ?? def.runs ?? 100 });
      });
    }
  });
}
