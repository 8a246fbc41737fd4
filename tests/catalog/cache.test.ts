import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogKey, readCachedCatalog, writeCachedCatalog } from '../../grader/catalog/cache.ts';
import { loadCatalog, loadCatalogFromYaml } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-catalog-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let cache: string;
let saved: { dir: string | undefined; flag: string | undefined };
beforeEach(() => {
  cache = mkdtempSync(join(scratch, 'cache-'));
  saved = { dir: process.env['DLGRADE_CACHE_DIR'], flag: process.env['DLGRADE_CATALOG_CACHE'] };
  process.env['DLGRADE_CACHE_DIR'] = cache;
  delete process.env['DLGRADE_CATALOG_CACHE'];
});
afterEach(() => {
  if (saved.dir === undefined) delete process.env['DLGRADE_CACHE_DIR'];
  else process.env['DLGRADE_CACHE_DIR'] = saved.dir;
  if (saved.flag === undefined) delete process.env['DLGRADE_CATALOG_CACHE'];
  else process.env['DLGRADE_CATALOG_CACHE'] = saved.flag;
});

/** A small course: two chapters of the real one, with their references. */
function smallCourse(): string {
  const root = mkdtempSync(join(scratch, 'root-'));
  for (const chapter of ['ch07-convolution', 'ch15-losses']) {
    cpSync(join(INSTALL_ROOT, 'exercises', chapter), join(root, 'exercises', chapter), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'reference', chapter), join(root, 'reference', chapter), { recursive: true });
  }
  return root;
}

const entryFile = (): string => {
  const files = readdirSync(cache).filter((f) => f.startsWith('catalog-') && f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return join(cache, files[0]!);
};

describe('catalog cache', () => {
  it('answers exactly what the YAML loader answers, for the real course', () => {
    const fresh = loadCatalogFromYaml(INSTALL_ROOT);
    const first = loadCatalog(); // miss: loads the YAML, stores it
    const second = loadCatalog(); // hit
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh));
    expect(readCachedCatalog(cache, INSTALL_ROOT, catalogKey(INSTALL_ROOT))).toEqual(fresh);
  });

  it('is really used when its key matches (a marked entry comes back)', () => {
    const root = smallCourse();
    const catalog = loadCatalog({ root });
    const marked = structuredClone(catalog);
    marked.exercises[0]!.title.es = 'MARCA DE LA CACHÉ';
    writeCachedCatalog(cache, root, catalogKey(root), marked);
    expect(loadCatalog({ root }).exercises[0]!.title.es).toBe('MARCA DE LA CACHÉ');
  });

  it('is never used once an exercise.yaml, a chapter.yaml, a file or a reference changes', () => {
    const root = smallCourse();
    const before = loadCatalog({ root });
    expect(before.issues).toEqual([]);
    const yaml = join(root, 'exercises', 'ch15-losses', 'dice-loss', 'exercise.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^title:\n  es: .*\n  en: .*$/m, 'title: { es: Título nuevo, en: New title }'));
    expect(loadCatalog({ root }).exercises.find((e) => e.id === 'ch15-losses/dice-loss')!.title).toEqual({ es: 'Título nuevo', en: 'New title' });

    const chapterYaml = join(root, 'exercises', 'ch07-convolution', 'chapter.yaml');
    writeFileSync(chapterYaml, readFileSync(chapterYaml, 'utf8') + '\nunknown-field: 1\n');
    expect(loadCatalog({ root }).issues.some((i) => i.file === 'exercises/ch07-convolution/chapter.yaml')).toBe(true);
    writeFileSync(chapterYaml, readFileSync(join(INSTALL_ROOT, 'exercises', 'ch07-convolution', 'chapter.yaml')));
    expect(loadCatalog({ root }).issues).toEqual([]);

    rmSync(join(root, 'exercises', 'ch15-losses', 'dice-loss', 'README.en.md'));
    expect(loadCatalog({ root }).issues.map((i) => i.file)).toContain('exercises/ch15-losses/dice-loss/README.en.md');

    rmSync(join(root, 'reference', 'ch07-convolution', 'conv2d.ts'));
    expect(loadCatalog({ root }).issues.map((i) => i.file)).toContain('reference/ch07-convolution/conv2d.ts');
    // each answer equals the YAML loader's on the same files
    expect(loadCatalog({ root })).toEqual(loadCatalogFromYaml(root));
  });

  it('is never used for another root, and a key names the content, not the time', () => {
    const a = smallCourse();
    const b = smallCourse();
    expect(catalogKey(a)).not.toBe(catalogKey(b)); // the paths in a catalog are the root's
    expect(catalogKey(a)).toBe(catalogKey(a));
    const catalog = loadCatalog({ root: a });
    // an entry for a, even under b's key, is refused: its root is not b
    writeCachedCatalog(cache, b, catalogKey(b), catalog);
    expect(loadCatalog({ root: b }).root).toBe(b);
    expect(loadCatalog({ root: b })).toEqual(loadCatalogFromYaml(b));
  });

  it('is never used when corrupt: truncated, garbage, a wrong checksum or a wrong key; and is rewritten', () => {
    const root = smallCourse();
    const fresh = loadCatalogFromYaml(root);
    loadCatalog({ root });
    const file = entryFile();
    const good = readFileSync(file, 'utf8');
    const entry = JSON.parse(good) as { key: string; sha256: string; catalog: string };
    const tampered = entry.catalog.replace('"ch15-losses/dice-loss"', '"ch15-losses/otra"');
    const corruptions = [
      good.slice(0, good.length / 2),
      'not json at all',
      '',
      JSON.stringify({ ...entry, catalog: tampered }), // payload changed, checksum not
      JSON.stringify({ ...entry, key: 'f'.repeat(64) }),
      JSON.stringify({ ...entry, format: 999 }),
      JSON.stringify({ ...entry, catalog: '{"root":1}', sha256: '' }),
    ];
    for (const bad of corruptions) {
      writeFileSync(file, bad);
      expect(loadCatalog({ root })).toEqual(fresh);
      // the entry was rewritten whole
      expect(readCachedCatalog(cache, root, catalogKey(root))).toEqual(fresh);
    }
  });

  it('writes atomically (no temporary file left) and keeps loading when the cache cannot be written', () => {
    const root = smallCourse();
    loadCatalog({ root });
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const notADir = join(scratch, 'a-file');
    writeFileSync(notADir, 'x');
    process.env['DLGRADE_CACHE_DIR'] = notADir;
    expect(loadCatalog({ root })).toEqual(loadCatalogFromYaml(root));
  });

  it('DLGRADE_CATALOG_CACHE=0 neither reads nor writes it', () => {
    const root = smallCourse();
    process.env['DLGRADE_CATALOG_CACHE'] = '0';
    loadCatalog({ root });
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });
});
