/**
 * Hints teach without solving (issue 9, item 8): every property has a short hint in both languages,
 * shown on failure; the derivation, where there is one, lives in `explanation`, which only the
 * instructor audience or `--explain` shows. A hint that repeats its explanation's formula would hand
 * the derivation to every student again.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { Text } from '../../grader/spec/text.ts';

const catalog = loadCatalog();
const LANGS = ['es', 'en'] as const;
/** one or two sentences: the longest hints of the catalog are about 300 characters */
const MAX_HINT = 320;

/**
 * The formula-like pieces of an explanation: its clauses (split at ';', ':', ', ' and '. ') that
 * hold an equation, a partial derivative or an update arrow, at least 10 characters long.
 */
export function formulaPieces(text: string): string[] {
  return text
    .split(/;\s|:\s|,\s|\.\s/)
    .map((s) => s.trim().replace(/[.;,]$/, ''))
    .filter((s) => s.length >= 10 && /[=∂←]/.test(s));
}

const properties = catalog.exercises.flatMap((def) => def.properties.map((p) => ({ id: def.id, ...p })));

describe('hints', () => {
  it('the catalog loads its properties (the checks below are not vacuous)', () => {
    expect(catalog.exercises.length).toBeGreaterThanOrEqual(100);
    expect(properties.length).toBeGreaterThan(500);
    expect(properties.filter((p) => p.explanation).length).toBeGreaterThanOrEqual(15);
  });

  it('every property has a hint in both languages, short enough to read on failure', () => {
    const bad: string[] = [];
    for (const p of properties) {
      for (const lang of LANGS) {
        const hint = p.hint?.[lang]?.trim() ?? '';
        if (hint === '') bad.push(`${p.id} ${p.name}: no ${lang} hint`);
        else if (hint.length > MAX_HINT) bad.push(`${p.id} ${p.name}: the ${lang} hint has ${hint.length} characters (at most ${MAX_HINT}; move the derivation to explanation)`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no two properties of one exercise share a hint', () => {
    const bad: string[] = [];
    for (const def of catalog.exercises) {
      for (const lang of LANGS) {
        const seen = new Map<string, string>();
        for (const p of def.properties) {
          const other = seen.get(p.hint[lang]);
          if (other !== undefined) bad.push(`${def.id}: ${p.name} and ${other} have the same ${lang} hint`);
          seen.set(p.hint[lang], p.name);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('an explanation exists in both languages, differs from its hint, and the hint does not repeat its formulas', () => {
    const bad: string[] = [];
    for (const p of properties) {
      const x: Text | undefined = p.explanation;
      if (!x) continue;
      for (const lang of LANGS) {
        const text = x[lang]?.trim() ?? '';
        if (text === '') {
          bad.push(`${p.id} ${p.name}: no ${lang} explanation`);
          continue;
        }
        if (text === p.hint[lang].trim()) bad.push(`${p.id} ${p.name}: the ${lang} explanation is the hint`);
        for (const piece of formulaPieces(text)) {
          if (p.hint[lang].includes(piece)) bad.push(`${p.id} ${p.name}: the ${lang} hint repeats the explanation's «${piece}»`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('the formula check would catch a hint that hands out the derivation', () => {
    const explanation = '∂loss/∂ŵ = (2/N)·Xᵀ(X·ŵ − y); multiply it by the STE mask and do w ← w − lr·gradient.';
    expect(formulaPieces(explanation)).toEqual(['∂loss/∂ŵ = (2/N)·Xᵀ(X·ŵ − y)', 'multiply it by the STE mask and do w ← w − lr·gradient']);
    const leaky = 'The forward pass uses ŵ = fakeQuantize(w); ∂loss/∂ŵ = (2/N)·Xᵀ(X·ŵ − y).';
    expect(formulaPieces(explanation).some((piece) => leaky.includes(piece))).toBe(true);
  });
});
