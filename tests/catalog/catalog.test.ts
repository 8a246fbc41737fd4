import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { DlgradeError } from '../../grader/errors.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { placeholdersLeft } from '../../grader/scaffold/placeholders.ts';
import { issueMessage } from '../../grader/catalog/issues.ts';
import { spanishLeaks } from '../i18n/english-markers.ts';

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
    const fields = issues.map((i) => `${i.field}: ${issueMessage(i, 'en')}`);
    expect(fields).toContain('title: missing field "en"');
    expect(fields.some((f) => f.startsWith('exports:'))).toBe(true);
    expect(fields.some((f) => f.startsWith('properties.0.points:'))).toBe(true);
    expect(fields).toContain('properties.0: unknown field "color"');
    for (const i of issues) expect(i.file).toBe('exercises/ch15-losses/broken-one/exercise.yaml');
    // the same issues in Spanish, with no English sentence, and the same again from the JSON cache
    const spanish = issues.map((i) => `${i.field}: ${issueMessage(i, 'es')}`);
    expect(spanish).toContain('title: falta el campo «en»');
    expect(spanish).toContain('properties.0: campo desconocido «color»');
    expect(spanish.flatMap((line) => spanishLeaks(line))).toEqual([]);
    const again = loadCatalog({ root }).issues.filter((i) => i.file.includes('broken-one'));
    expect(again).toEqual(issues);
    expect(again.map((i) => issueMessage(i, 'es'))).toEqual(issues.map((i) => issueMessage(i, 'es')));
  });

  it('reports YAML syntax errors and missing files', () => {
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses', 'dice-loss'), join(root, 'exercises', 'ch15-losses', 'bad-yaml'), { recursive: true });
    writeFileSync(join(root, 'exercises', 'ch15-losses', 'bad-yaml', 'exercise.yaml'), 'title: [unclosed\n');
    const catalog = loadCatalog({ root });
    const issue = catalog.issues.find((i) => i.file.includes('bad-yaml'));
    expect(issueMessage(issue!, 'en')).toMatch(/not valid YAML/);
    expect(issueMessage(issue!, 'es')).toMatch(/no es YAML válido/);
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

describe('scaffolded exercises', () => {
  it('no exercise keeps a TODO(dlgrade new) that `dlgrade new` left to fill in', () => {
    const left = placeholdersLeft(loadCatalog().root).map((p) => `${p.file}:${p.line}`);
    expect(left, 'fill in each TODO(dlgrade new) (docs/authoring.md), then run node --import tsx tests/tools/try-exercise.ts <id>').toEqual([]);
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

describe('chapter order', () => {
  it('every chapter.yaml sets an order that lists exactly its exercise folders', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const dir = join(INSTALL_ROOT, 'exercises');
    const chapters = readdirSync(dir).filter((c) => statSync(join(dir, c)).isDirectory());
    expect(chapters).toHaveLength(32);
    for (const chapter of chapters) {
      const folders = readdirSync(join(dir, chapter)).filter((f) => statSync(join(dir, chapter, f)).isDirectory());
      const order = (parse(readFileSync(join(dir, chapter, 'chapter.yaml'), 'utf8')) as { order?: string[] }).order;
      expect(order, `${chapter}/chapter.yaml order`).toBeDefined();
      expect([...order!].sort(), chapter).toEqual([...folders].sort());
    }
  });

  it('list, check and the course map follow it: forward before backward', async () => {
    const catalog = loadCatalog();
    const ids = catalog.exercises.map((e) => e.id);
    const before = (a: string, b: string) => expect(ids.indexOf(a), `${a} before ${b}`).toBeLessThan(ids.indexOf(b));
    before('ch04-perceptron/perceptron-rule', 'ch04-perceptron/backprop');
    before('ch13-attention-transformers/scaled-dot-product-attention', 'ch13-attention-transformers/multi-head-attention');
    expect(selectExercises(catalog, ['ch04']).map((e) => e.name)).toEqual(['perceptron-rule', 'mlp-image-pipeline', 'backprop', 'weight-init']);
    const { listCatalog, renderCourseMap } = await import('../../grader/catalog/course-map.ts');
    expect(listCatalog(catalog, 'es').find((c) => c.id === 'ch04-perceptron')!.exercises.map((e) => e.id)[0]).toBe('ch04-perceptron/perceptron-rule');
    const map = renderCourseMap(catalog);
    expect(map.indexOf('ch04-perceptron/perceptron-rule')).toBeLessThan(map.indexOf('ch04-perceptron/backprop'));
  });

  it('an order naming a missing folder or forgetting one is an issue on chapter.yaml; the exercises still load', () => {
    const base = join(root, 'order');
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses'), join(base, 'exercises', 'ch15-losses'), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'reference'), join(base, 'reference'), { recursive: true });
    writeFileSync(join(base, 'exercises', 'ch15-losses', 'chapter.yaml'), 'number: 15\ntitle: { es: Pérdidas, en: Losses }\norder: [dice-loss, tversky-loss]\n');
    const catalog = loadCatalog({ root: base });
    const fields = catalog.issues.map((i) => `${i.file} ${i.field}: ${issueMessage(i, 'en')}`);
    expect(fields.some((f) => f.startsWith('exercises/ch15-losses/chapter.yaml order.1: "tversky-loss" is not an exercise folder of this chapter (its folders: dice-loss, focal-loss'))).toBe(true);
    expect(fields.some((f) => /^exercises\/ch15-losses\/chapter\.yaml order: does not list .*"focal-loss"/.test(f))).toBe(true);
    // listed ones first, in the declared order; the forgotten ones still load, after them
    const names = catalog.exercises.map((e) => e.name);
    expect(names[0]).toBe('dice-loss');
    expect(names).toContain('focal-loss');
  });
});

describe('requires and role', () => {
  const write = (name: string, properties: string): ReturnType<typeof loadCatalog> => {
    const base = join(root, name);
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses'), join(base, 'exercises', 'ch15-losses'), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'reference'), join(base, 'reference'), { recursive: true });
    const yamlPath = join(base, 'exercises', 'ch15-losses', 'dice-loss', 'exercise.yaml');
    const yaml = readFileSync(yamlPath, 'utf8');
    writeFileSync(yamlPath, yaml.slice(0, yaml.indexOf('properties:')) + 'properties:\n' + properties);
    return loadCatalog({ root: base });
  };
  const prop = (name: string, extra = ''): string => `  - name: ${name}\n    title: { es: a, en: b }\n    function: diceLoss\n    points: 1\n    hint: { es: a, en: b }\n${extra}`;

  it('defaults: primary properties require nothing; no-mutation and secondary ones require the primary ones', () => {
    const catalog = loadCatalog();
    const conv = catalog.exercises.find((e) => e.id === 'ch07-convolution/conv2d')!;
    const byName = new Map(conv.properties.map((p) => [p.name, p]));
    expect(byName.get('matches-reference')).toMatchObject({ role: 'primary', requires: [] });
    expect(byName.get('no-mutation')).toMatchObject({ role: 'hygiene', secondary: true });
    expect(byName.get('no-mutation')!.requires).toContain('matches-reference');
    expect(byName.get('output-shape')).toMatchObject({ role: 'hygiene', secondary: true });
    expect(byName.get('kernel-linearity')).toMatchObject({ role: 'invariant', secondary: true, requires: ['matches-reference'] });
    // a visible property never waits for a hidden one by default
    expect(byName.get('no-mutation')!.requires).not.toContain('stride-subsamples');
    for (const e of catalog.exercises) for (const p of e.properties) if (p.role === 'primary') expect(p.requires, `${e.id} ${p.name}`).toBeDefined();
  });

  it('an unknown name in requires is an issue naming exercise.yaml, the field and the value', () => {
    const catalog = write('unknown', prop('matches-reference') + prop('no-mutation', '    requires: [matches-referense]\n'));
    const issue = catalog.issues.find((i) => i.file.endsWith('dice-loss/exercise.yaml'));
    expect(issue).toMatchObject({ file: 'exercises/ch15-losses/dice-loss/exercise.yaml', field: 'properties.1.requires.0', code: 'requiresUnknown' });
    expect(issueMessage(issue!, 'en')).toBe('"matches-referense" is not a property of this exercise (its properties: matches-reference, no-mutation)');
    expect(issueMessage(issue!, 'es')).toBe('«matches-referense» no es una propiedad de este ejercicio (sus propiedades: matches-reference, no-mutation)');
    expect(catalog.exercises.map((e) => e.id)).not.toContain('ch15-losses/dice-loss');
  });

  it('refuses cycles and a property requiring itself', () => {
    const cycle = write('cycle', prop('a', '    requires: [b]\n') + prop('b', '    requires: [c]\n') + prop('c', '    requires: [a]\n'));
    expect(cycle.issues.map((i) => issueMessage(i, 'en'))).toContain('requirements form a cycle: a → b → c → a; remove one of them');
    const self = write('self', prop('a') + prop('b', '    requires: [b]\n'));
    expect(self.issues.map((i) => `${i.field}: ${issueMessage(i, 'en')}`)).toContain('properties.1.requires.0: "b" cannot require itself');
  });

  it('a visible property cannot require a hidden one; an unknown role is refused by the schema', () => {
    const hidden = write('hidden', prop('a') + prop('b', '    hidden: true\n') + prop('c', '    requires: [b]\n'));
    expect(hidden.issues.map((i) => issueMessage(i, 'en')).join('\n')).toMatch(/"b" is hidden: a visible property cannot wait for a hidden one/);
    const role = write('role', prop('a', '    role: main\n'));
    expect(role.issues.map((i) => i.field)).toContain('properties.0.role');
  });

  it('orders properties after their prerequisites', async () => {
    const { orderByRequires } = await import('../../grader/catalog/requires.ts');
    const order = orderByRequires([
      { name: 'c', requires: ['b'] },
      { name: 'a', requires: [] },
      { name: 'b', requires: ['a'] },
    ]).map((p) => p.name);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
