/**
 * The line under each statement's title that names the book sections the exercise follows, rendered
 * from exercise.yaml `book` between two markers in README.es.md / README.en.md (`npm run docs`
 * writes it; a catalog test checks it is current). A deviation from the book's notation is written by
 * hand in the paragraph right after it.
 */
import { BOOK_SECTIONS } from './book-sections.ts';
import type { ExerciseDef } from './types.ts';

export const BOOK_BEGIN = '<!-- book:begin (generated from exercise.yaml by `npm run docs`) -->';
export const BOOK_END = '<!-- book:end -->';

/** Whether `section` (e.g. "7.3", "13.3.1") is a section of the book's index. */
export function isBookSection(section: string): boolean {
  return Object.hasOwn(BOOK_SECTIONS, section);
}

/** The book's title for a section (Spanish, as its index writes it), or undefined. */
export function bookSectionTitle(section: string): string | undefined {
  return isBookSection(section) ? BOOK_SECTIONS[section] : undefined;
}

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** «Sigue §7.1.1 y §7.3.1 del libro.» / "Follows §7.1.1 and §7.3.1 of the book." (empty without `book`). */
export function renderBookLine(def: Pick<ExerciseDef, 'book'>, lang: 'es' | 'en'): string {
  if (def.book.length === 0) return '';
  const cited = def.book.map((s) => `§${s}`);
  const line = lang === 'es' ? `Sigue ${list(cited, 'y')} del libro.` : `Follows ${list(cited, 'and')} of the book.`;
  return [BOOK_BEGIN, line, BOOK_END].join('\n');
}

/**
 * The statement with its book line replaced, or inserted after the title (the first `# ` line), or
 * removed when there is none.
 */
export function withBookLine(statement: string, block: string): string {
  const begin = statement.indexOf(BOOK_BEGIN);
  const end = statement.indexOf(BOOK_END);
  if (begin !== -1 && end > begin) {
    const before = statement.slice(0, begin).replace(/\n+$/, '');
    const after = statement.slice(end + BOOK_END.length).replace(/^\n+/, '');
    return [before, block, after].filter((p) => p.length > 0).join('\n\n');
  }
  if (block === '') return statement;
  const lines = statement.split('\n');
  const title = lines.findIndex((l) => l.startsWith('# '));
  if (title === -1) return `${block}\n\n${statement}`;
  const head = lines.slice(0, title + 1).join('\n');
  const rest = lines.slice(title + 1).join('\n').replace(/^\n+/, '');
  return [head, block, rest].filter((p) => p.length > 0).join('\n\n');
}
