import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { DlgradeError } from '../../grader/errors.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const root = mkdtempSync(join(tmpdir(), 'dlgrade-catalog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('catalog', () => {
  it('loads the real course without issues', () => {
    const catalog = loadCatalog();
    expect(catalog.issues).toEqual([]);
    expect(catalog.exercises.length).toBeGreaterThan(0);
    for (const e of catalog.exercises) expect(e.id).toMatch(/^ch\d{2}-[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it('reports an invalid exercise with its file and field, and still loads the others', () => {
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses'), join(root, 'exercises', 'ch15-losses'), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses', 'dice-loss'), join(root, 'exercises', 'ch15-losses', 'broken-one'), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'reference'), join(root, 'reference'), { recursive: true });
    writeFileSync(
      join(root, 'exercises', 'ch15-losses', 'broken-one', 'exercise.yaml'),
      'title: { es: Roto }\nsummary: { es: a, en: b }\nfile: broken-one.ts\nexports: []\nproperties:\n  - name: x\n    title: { es: a, en: b }\n    function: f\n    points: -1\n    hint: { es: a, en: b }\n    color: red\n',
    );
    const catalog = loadCatalog({ root });
    expect(catalog.exercises.map((e) => e.id)).toContain('ch15-losses/dice-loss');
    expect(catalog.exercises.map((e) => e.id)).not.toContain('ch15-losses/broken-one');
    const issues = catalog.issues.filter((i) => i.file.includes('broken-one'));
    const fields = issues.map((i) => `${i.field}: ${i.message}`);
    expect(fields).toContain('title: missing field "en"');
    expect(fields.some((f) => f.startsWith('exports:'))).toBe(true);
    expect(fields.some((f) => f.startsWith('properties.0.points:'))).toBe(true);
    expect(fields).toContain('properties.0: unknown field "color"');
    for (const i of issues) expect(i.file).toBe('exercises/ch15-losses/broken-one/exercise.yaml');
  });

  it('reports YAML syntax errors and missing files', () => {
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses', 'dice-loss'), join(root, 'exercises', 'ch15-losses', 'bad-yaml'), { recursive: true });
    writeFileSync(join(root, 'exercises', 'ch15-losses', 'bad-yaml', 'exercise.yaml'), 'title: [unclosed\n');
    const catalog = loadCatalog({ root });
    const issue = catalog.issues.find((i) => i.file.includes('bad-yaml'));
    expect(issue?.message).toMatch(/not valid YAML/);
  });

  it('selects by id, chapter, chapter prefix and name, and explains unknown ids', () => {
    const catalog = loadCatalog();
    expect(selectExercises(catalog, ['ch15-losses/dice-loss']).map((e) => e.id)).toEqual(['ch15-losses/dice-loss']);
    expect(selectExercises(catalog, ['ch15-losses']).map((e) => e.id)).toContain('ch15-losses/dice-loss');
    expect(selectExercises(catalog, ['ch15']).map((e) => e.id)).toContain('ch15-losses/dice-loss');
    expect(selectExercises(catalog, ['dice-loss']).map((e) => e.id)).toEqual(['ch15-losses/dice-loss']);
    try {
      selectExercises(catalog, ['dice-los']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DlgradeError);
      expect((error as DlgradeError).code).toBe('E_EXERCISE_UNKNOWN');
      expect((error as DlgradeError).fix).toContain('ch15-losses/dice-loss');
    }
  });
});

describe('README course map', () => {
  it('is the one generated from the catalog (run `npm run docs` after adding an exercise)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderCourseMap } = await import('../../grader/catalog/course-map.ts');
    const readme = readFileSync(join(INSTALL_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(renderCourseMap(loadCatalog()));
  });

  it('names, for every chapter, the book sections its exercises follow (chapter.yaml sections)', () => {
    const catalog = loadCatalog();
    for (const chapter of catalog.chapters) {
      expect(chapter.sections?.length ?? 0, `${chapter.id}/chapter.yaml sections`).toBeGreaterThan(0);
      for (const s of chapter.sections ?? []) expect(s.startsWith(`${chapter.number}.`), `${chapter.id}: §${s}`).toBe(true);
    }
  });

  it('covers every chapter of the course with at least two exercises', () => {
    const catalog = loadCatalog();
    for (let n = 1; n <= 32; n++) {
      const chapter = catalog.chapters.find((c) => c.number === n);
      expect(chapter, `chapter ${n}`).toBeDefined();
      expect(catalog.exercises.filter((e) => e.chapter === chapter!.id).length, `chapter ${n}`).toBeGreaterThanOrEqual(2);
    }
  });
});
