import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import { stripControl } from '../report/escape.ts';
import type { Gradebook } from './model.ts';

/**
 * One CSV cell: ANSI escapes, control and bidi characters removed (a line break is kept); a
 * spreadsheet must never read student-controlled text as a formula, so a cell starting with
 * = + - @ (or a tab) gets a leading apostrophe (OWASP's guard); then RFC 4180 quoting when it
 * holds a comma, a quote or a line break.
 */
export function csvCell(value: string | number | boolean | null, lang: Lang = 'es'): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? t(lang).gradebook.yes : t(lang).gradebook.no;
  // student-controlled text (a committed file's name in the tamper list) may carry ANSI escapes
  // and bidi controls: stripped first, so that no cell can repaint the terminal that prints the
  // file or reorder what a reader sees (and the formula guard sees the cell's real first character)
  let text = stripControl(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The gradebook as CSV: one row per student, one column per exercise, CRLF line ends (RFC 4180).
 * The header keeps stable machine names (spreadsheets and scripts key on them); the cells are in `lang`.
 */
export function renderGradebookCsv(book: Gradebook, lang: Lang = 'es'): string {
  const header = ['username', 'student_id', ...book.exercises.map((e) => e.id), 'total', 'max', 'percentage', 'late', 'tampered', 'errors', 'status', 'grader_error', 'weak_sandbox'];
  const rows = book.students.map((s) => [
    s.username,
    s.studentId,
    ...book.exercises.map((e) => s.scores[e.id] ?? null),
    s.status === 'graded' ? s.total : null,
    s.max,
    s.status === 'graded' ? s.percentage : null,
    s.late,
    s.tampered,
    [...(s.tamperFiles ?? []).map((f) => t(lang).gradebook.tamperedFile(f)), ...s.errors].join('; '),
    s.status,
    s.graderError,
    s.weakSandbox === null ? '' : s.weakSandbox.join(' '),
  ]);
  return [header, ...rows].map((r) => r.map((c) => csvCell(c, lang)).join(',')).join('\r\n') + '\r\n';
}

export function renderGradebookJson(book: Gradebook): string {
  return JSON.stringify(book, null, 2) + '\n';
}
