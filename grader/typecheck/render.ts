import type { ExerciseResult, Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import { sanitize } from '../report/escape.ts';

/**
 * The type errors of one exercise as plain lines (file:line:column, tsc's words wrapped, the
 * beginner's explanation), for the terminal; `paint` colours the heading. Empty when there are none.
 */
export function typeErrorLines(exercise: ExerciseResult, lang: Lang, paint: { heading: (s: string) => string; dim: (s: string) => string }, indent = 4): string[] {
  const errors = exercise.typeErrors ?? [];
  if (errors.length === 0) return [];
  const pad = ' '.repeat(indent);
  const m = t(lang);
  const lines = [`${pad}${paint.heading(`${m.typecheck.heading}: ${m.report.typeErrors(errors.length)}`)}`];
  for (const d of errors) {
    lines.push(`${pad}  ${sanitize(d.file, 300)}:${d.line}:${d.column}  ${sanitize(d.message, 1500)}`);
    if (d.explanation) lines.push(`${pad}    ${paint.dim(d.explanation)}`);
  }
  lines.push(`${pad}  ${paint.dim(m.report.typeErrorsNote)}`);
  return lines;
}
