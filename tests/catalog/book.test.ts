/**
 * Fidelity to the book (issue #10 item 7, #13 item 4): every exercise names the book sections it
 * follows (exercise.yaml `book`), each one is a section of the book's index, its chapter's
 * chapter.yaml `sections` lists them, and both statements name them under the title.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOK_BEGIN, BOOK_END, bookSectionTitle, isBookSection, renderBookLine, withBookLine } from '../../grader/catalog/book.ts';
import { BOOK_SECTIONS } from '../../grader/catalog/book-sections.ts';
import { renderCourseMap } from '../../grader/catalog/course-map.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { issueMessage } from '../../grader/catalog/issues.ts';

const catalog = loadCatalog();
const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-book-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `§7.3` as a whole citation: not the start of §7.3.1, nor of §7.30. */
const cites = (text: string, section: string): boolean => new RegExp(`§${section.replace(/\./g, '\\.')}(?!\\.?\\d)`).test(text);
/** `section` is `of` or lies inside it (7.3.1 in 7.3). */
const within = (section: string, of: string): boolean => section === of || section.startsWith(`${of}.`);
const chapterOf = (section: string): number => Number(section.split('.')[0]);

describe('the book index', () => {
  it('has sections for each of the 32 chapters, numbered N.M or N.M.K under their chapter', () => {
    const chapters = new Set(Object.keys(BOOK_SECTIONS).map(chapterOf));
    expect([...chapters].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const [section, title] of Object.entries(BOOK_SECTIONS)) {
      expect(section).toMatch(/^\d+\.\d+(\.\d+)?$/);
      expect(title.length, `§${section}`).toBeGreaterThan(2);
      const parent = section.split('.').slice(0, 2).join('.');
      expect(isBookSection(parent), `§${section} has its section §${parent}`).toBe(true);
    }
    expect(bookSectionTitle('7.3')).toMatch(/Convolución 2/);
    expect(isBookSection('7.9')).toBe(false);
    expect(isBookSection('toString')).toBe(false);
  });
});

describe('every exercise follows named book sections', () => {
  it('declares `book` with sections of the book, at least one of them in its own chapter', () => {
    expect(catalog.issues).toEqual([]);
    const missing = catalog.exercises.filter((e) => e.book.length === 0).map((e) => e.id);
    expect(missing, 'exercises without `book:` in exercise.yaml').toEqual([]);
    for (const e of catalog.exercises) {
      const chapter = catalog.chapters.find((c) => c.id === e.chapter)!;
      for (const s of e.book) expect(isBookSection(s), `${e.id}: §${s} is not in the book's index`).toBe(true);
      expect(e.book.some((s) => chapterOf(s) === chapter.number), `${e.id}: none of ${e.book.join(', ')} is in chapter ${chapter.number}`).toBe(true);
    }
  });

  it("each chapter.yaml `sections` lists its exercises' sections of that chapter, and no section none of them follows", () => {
    for (const chapter of catalog.chapters) {
      const exercises = catalog.exercises.filter((e) => e.chapter === chapter.id);
      const sections = chapter.sections ?? [];
      for (const e of exercises) {
        for (const s of e.book.filter((x) => chapterOf(x) === chapter.number)) {
          expect(sections.some((c) => within(s, c)), `${chapter.id}/chapter.yaml sections ${JSON.stringify(sections)} should list §${s} (${e.name})`).toBe(true);
        }
      }
      for (const c of sections) {
        const followed = exercises.some((e) => e.book.some((s) => within(s, c) || within(c, s)));
        expect(followed, `${chapter.id}/chapter.yaml lists §${c}, which no exercise of the chapter follows`).toBe(true);
      }
    }
  });

  it('both statements name each section, in the generated line under the title (`npm run docs`)', () => {
    const stale: string[] = [];
    for (const e of catalog.exercises) {
      for (const lang of ['es', 'en'] as const) {
        const text = readFileSync(e.statementPaths[lang], 'utf8');
        for (const s of e.book) expect(cites(text, s), `${e.id} README.${lang}.md does not name §${s}`).toBe(true);
        if (withBookLine(text, renderBookLine(e, lang)) !== text) stale.push(`${e.id} (${lang})`);
        const lines = text.split('\n');
        const title = lines.findIndex((l) => l.startsWith('# '));
        expect(lines[title + 2], `${e.id} README.${lang}.md: the book line follows the title`).toBe(BOOK_BEGIN);
      }
    }
    expect(stale, 'statements whose book line is out of date: run `npm run docs`').toEqual([]);
  });

  it('every chapter has an exercise beyond bookkeeping (docs/coverage.md): its difficulty is standard, core or hard-core', () => {
    for (const chapter of catalog.chapters) {
      const exercises = catalog.exercises.filter((e) => e.chapter === chapter.id);
      const algorithmic = exercises.filter((e) => e.difficulty !== undefined && e.difficulty !== 'bookkeeping');
      expect(algorithmic.length, `${chapter.id}: only bookkeeping (${exercises.map((e) => `${e.name}=${e.difficulty ?? '?'}`).join(', ')})`).toBeGreaterThan(0);
    }
  });

  it('the README course map shows each exercise\'s sections', () => {
    const readme = readFileSync(join(INSTALL_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(renderCourseMap(catalog));
    for (const e of catalog.exercises) {
      const row = readme.split('\n').find((l) => l.includes(`[\`${e.id}\`]`))!;
      for (const s of e.book) expect(cites(row, s), `${e.id}: course map row names §${s}`).toBe(true);
    }
  });
});

describe('the book line', () => {
  const def = { book: ['7.1.1', '7.3'] };
  it('lists the sections in each language', () => {
    expect(renderBookLine(def, 'es')).toBe(`${BOOK_BEGIN}\nSigue §7.1.1 y §7.3 del libro.\n${BOOK_END}`);
    expect(renderBookLine(def, 'en')).toBe(`${BOOK_BEGIN}\nFollows §7.1.1 and §7.3 of the book.\n${BOOK_END}`);
    expect(renderBookLine({ book: ['1.4', '1.4.1', '17.6'] }, 'es')).toContain('Sigue §1.4, §1.4.1 y §17.6 del libro.');
    expect(renderBookLine({ book: [] }, 'es')).toBe('');
  });

  it('goes under the title, is replaced in place and keeps the hand-written deviation after it', () => {
    const statement = '# Título (capítulo 7)\n\nPrimer párrafo.\n';
    const once = withBookLine(statement, renderBookLine(def, 'es'));
    expect(once).toBe(`# Título (capítulo 7)\n\n${renderBookLine(def, 'es')}\n\nPrimer párrafo.\n`);
    expect(withBookLine(once, renderBookLine(def, 'es'))).toBe(once);
    const deviation = once.replace('\n\nPrimer', '\n\nA diferencia del libro, la media va primero.\n\nPrimer');
    const updated = withBookLine(deviation, renderBookLine({ book: ['7.4'] }, 'es'));
    expect(updated).toContain('Sigue §7.4 del libro.');
    expect(updated).not.toContain('§7.1.1');
    expect(updated).toContain(`${BOOK_END}\n\nA diferencia del libro, la media va primero.\n\nPrimer párrafo.\n`);
    expect(withBookLine(once, '')).toBe(statement);
  });

  it('the loader reports a section that is not in the book', () => {
    const root = join(scratch, 'course');
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses'), join(root, 'exercises', 'ch15-losses'), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'reference', 'ch15-losses'), join(root, 'reference', 'ch15-losses'), { recursive: true });
    const yaml = join(root, 'exercises', 'ch15-losses', 'dice-loss', 'exercise.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^book: .*$/m, 'book: ["15.3.1", "15.9"]'));
    const chapterYaml = join(root, 'exercises', 'ch15-losses', 'chapter.yaml');
    writeFileSync(chapterYaml, readFileSync(chapterYaml, 'utf8').replace(/^sections: .*$/m, 'sections: ["15.1", "15.7"]'));
    const loaded = loadCatalog({ root });
    const issues = loaded.issues.map((i) => `${i.file} ${i.field}: ${issueMessage(i, 'en')}`);
    expect(issues).toContainEqual(expect.stringMatching(/dice-loss\/exercise\.yaml book\.1: "15\.9" is not a section of the book/));
    expect(issues).toContainEqual(expect.stringMatching(/chapter\.yaml sections\.1: "15\.7" is not a section of the book/));
    expect(loaded.exercises.map((e) => e.id)).not.toContain('ch15-losses/dice-loss');
    expect(loaded.exercises.find((e) => e.id === 'ch15-losses/focal-loss')?.book).toEqual(['5.1.1', '15.1.2']);
  });
});
