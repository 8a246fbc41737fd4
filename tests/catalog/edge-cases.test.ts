/**
 * Generated from the catalog: every edge case an exercise's statement lists (exercise.yaml
 * `edgeCases`) is an explicit example of at least one of its properties (`examples` in spec.ts,
 * run first on every grading, at every seed), every example names a listed edge case, and both
 * statements show the current list (`npm run docs`).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEdgeCases } from '../../grader/catalog/edge-cases.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { PropertyImpl } from '../../grader/spec/define.ts';

const catalog = loadCatalog();
const withEdges = catalog.exercises.filter((d) => d.edgeCases.length > 0);

describe('edge cases', () => {
  it('the catalog lists edge cases', () => {
    expect(withEdges.length).toBeGreaterThan(0);
  });

  it.each(catalog.exercises.map((d) => [d.id, d] as const))('%s: every listed edge case is an example of a property, every example is listed', async (_id, def) => {
    const spec = ((await import(pathToFileURL(def.specPath).href)) as { default: Record<string, PropertyImpl<unknown>> }).default;
    const listed = new Set(def.edgeCases.map((e) => e.id));
    const exercised = new Map<string, string[]>();
    for (const [name, impl] of Object.entries(spec)) {
      for (const [id, input] of Object.entries(impl.examples ?? {})) {
        expect(listed.has(id), `${name}: example "${id}" is not in exercise.yaml edgeCases`).toBe(true);
        // the example is a value its property's arbitrary could produce the type of (a record, an array…)
        expect(input, `${name}: example "${id}"`).not.toBeUndefined();
        exercised.set(id, [...(exercised.get(id) ?? []), name]);
      }
    }
    for (const id of listed) expect(exercised.get(id), `edge case "${id}" is not an example of any property`).toBeDefined();
  });

  it.each(withEdges.map((d) => [d.id, d] as const))('%s: both statements show the edge cases (run `npm run docs`)', (_id, def) => {
    for (const lang of ['es', 'en'] as const) {
      expect(readFileSync(def.statementPaths[lang], 'utf8')).toContain(renderEdgeCases(def, lang));
    }
  });

  it('fast-check runs examples first, whatever the seed', async () => {
    for (const seed of [1, 2, 3]) {
      const seen: number[] = [];
      await fc.check(fc.asyncProperty(fc.integer({ min: 10, max: 20 }), async (n) => void seen.push(n)), { seed, numRuns: 3, examples: [[-1]] });
      expect(seen[0]).toBe(-1);
    }
  });
});
