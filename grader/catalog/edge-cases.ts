/**
 * The statement's "edge cases" section, rendered from exercise.yaml `edgeCases` between two
 * markers in README.es.md / README.en.md (`npm run docs` writes it; a catalog test checks it is
 * current). Each listed case is also an `examples` entry of a property in spec.ts, so it is
 * checked on every grading.
 */
import type { ExerciseDef } from './types.ts';

export const EDGE_BEGIN = '<!-- edge-cases:begin (generated from exercise.yaml by `npm run docs`) -->';
export const EDGE_END = '<!-- edge-cases:end -->';

const HEADING = { es: '## Casos límite que se comprueban siempre', en: '## Edge cases that are always checked' } as const;

export function renderEdgeCases(def: ExerciseDef, lang: 'es' | 'en'): string {
  if (def.edgeCases.length === 0) return '';
  const items = def.edgeCases.map((e) => `- ${e.text[lang]}`);
  return [EDGE_BEGIN, HEADING[lang], '', ...items, EDGE_END].join('\n');
}

/** The statement with its edge-case section replaced (or appended, or removed when there is none). */
export function withEdgeCases(statement: string, block: string): string {
  const begin = statement.indexOf(EDGE_BEGIN);
  const end = statement.indexOf(EDGE_END);
  if (begin !== -1 && end > begin) {
    const before = statement.slice(0, begin).replace(/\n+$/, '');
    const after = statement.slice(end + EDGE_END.length).replace(/^\n+/, '');
    const parts = [before, block, after].filter((p) => p.length > 0);
    return parts.join('\n\n').replace(/\n*$/, '\n');
  }
  if (block === '') return statement;
  return `${statement.replace(/\n*$/, '')}\n\n${block}\n`;
}
