import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { DEFAULT_TOLERANCE } from '../compare/numeric.ts';
import { INSTALL_ROOT, SCHEMA_DIR } from '../paths.ts';
import { isBookSection } from './book.ts';
import { withCatalogCache } from './cache.ts';
import { catalogIssue } from './issues.ts';
import { DIFFICULTY_POINTS, splitPoints, type Difficulty } from './points.ts';
import { publicSpecPath } from './public-spec.ts';
import { defaultRole, resolveRequires } from './requires.ts';
import type { Catalog, CatalogIssue, ChapterDef, ExerciseDef, PropertyRole } from './types.ts';

/** an exercise's limits where its exercise.yaml sets none */
export const DEFAULT_EXERCISE_LIMITS = { timeMs: 30_000, callTimeMs: 5_000, memoryMb: 256 };
const CHAPTER_DIR = /^ch(\d{2})-[a-z0-9-]+$/;
const EXERCISE_DIR = /^[a-z0-9-]+$/;

// ajv and yaml are loaded only when the catalog is read from its YAML files (its cache missed:
// grader/catalog/cache.ts), not at every start (~50 ms of a grading's start-up)
const require = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);
const Ajv = (): typeof AjvClass => (require('ajv') as typeof import('ajv')).Ajv;

let validators: { exercise: ValidateFunction; chapter: ValidateFunction } | undefined;
function getValidators(): { exercise: ValidateFunction; chapter: ValidateFunction } {
  if (!validators) {
    const ajv = new (Ajv())({ allErrors: true });
    validators = {
      exercise: ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'exercise.schema.json'), 'utf8')) as object),
      chapter: ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'chapter.schema.json'), 'utf8')) as object),
    };
  }
  return validators;
}

function ajvIssues(file: string, errors: ErrorObject[] | null | undefined): CatalogIssue[] {
  return (errors ?? []).map((e) => {
    const field = e.instancePath === '' ? '(root)' : e.instancePath.slice(1).replace(/\//g, '.');
    const params = e.params as { additionalProperty?: string; missingProperty?: string; allowedValues?: unknown[]; type?: string | string[] };
    if (e.keyword === 'additionalProperties') return catalogIssue(file, field, 'schemaUnknownField', String(params.additionalProperty));
    if (e.keyword === 'required') return catalogIssue(file, field, 'schemaMissingField', String(params.missingProperty));
    if (e.keyword === 'enum') return catalogIssue(file, field, 'schemaEnum', (params.allowedValues ?? []).map((v) => JSON.stringify(v)));
    if (e.keyword === 'type') return catalogIssue(file, field, 'schemaType', [params.type ?? '?'].flat().join(' | '));
    // the rest (ranges, patterns, lengths) in ajv's own words, quoted
    return catalogIssue(file, field, 'schemaOther', e.keyword, e.message ?? e.keyword);
  });
}

function readYaml(path: string, issues: CatalogIssue[], rel: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (error: unknown) {
    issues.push(catalogIssue(rel, '(file)', 'yamlInvalid', (error as Error).message.split('\n')[0] ?? ''));
    return undefined;
  }
}

let embedded: Catalog | undefined;

/** An exercise as a self-contained grader embeds it: the catalog entry without paths, how to load its spec and reference. */
export type EmbeddedExercise = Omit<ExerciseDef, 'dir' | 'specPath' | 'referencePath' | 'solutionPath' | 'statementPaths' | 'loadSpec' | 'loadReference' | 'edgeCases' | 'equivalentMutants' | 'book'> & { loadSpec: NonNullable<ExerciseDef['loadSpec']>; loadReference?: ExerciseDef['loadReference']; book?: ExerciseDef['book']; edgeCases?: ExerciseDef['edgeCases']; equivalentMutants?: ExerciseDef['equivalentMutants'] };

/**
 * A catalog from embedded entries (no files: the specs and references are modules of the bundle,
 * loaded when graded). Paths are placeholders under `<embedded>/`, for messages only.
 */
export function catalogFromEmbedded(data: { chapters: ChapterDef[]; exercises: EmbeddedExercise[] }): Catalog {
  const root = '<embedded>';
  const exercises = data.exercises.map((e): ExerciseDef => {
    const dir = `${root}/exercises/${e.chapter}/${e.name}`;
    return {
      ...e,
      book: e.book ?? [],
      edgeCases: e.edgeCases ?? [],
      equivalentMutants: e.equivalentMutants ?? [],
      dir,
      specPath: `${dir}/spec.ts`,
      referencePath: `${root}/reference/${e.chapter}/${e.name}.ts`,
      solutionPath: `${root}/solutions/${e.chapter}/${e.name}/${e.file}`,
      statementPaths: { es: `${dir}/README.es.md`, en: `${dir}/README.en.md` },
    };
  });
  return { root, chapters: data.chapters, exercises, issues: [] };
}

/** Makes `loadCatalog()` (without a root) return this catalog: used by self-contained grader bundles. */
export function registerEmbeddedCatalog(catalog: Catalog | undefined): void {
  embedded = catalog;
}

/**
 * Discovers `exercises/<chapter>/<exercise>/exercise.yaml`, validates each with ajv and checks the
 * files around it (stub, spec, statements, reference, solution). An invalid exercise becomes an
 * issue naming its file and field; the others still load.
 */
export function loadCatalog(options: { root?: string } = {}): Catalog {
  if (options.root === undefined && embedded !== undefined) return embedded;
  const root = options.root ?? INSTALL_ROOT;
  // the same answer, from a content-addressed cache when nothing it depends on changed (cache.ts)
  return withCatalogCache(root, () => loadCatalogFromYaml(root));
}

/** `loadCatalog` without the cache: reads and validates every YAML file. */
export function loadCatalogFromYaml(root: string): Catalog {
  const exercisesDir = join(root, 'exercises');
  const issues: CatalogIssue[] = [];
  const chapters: ChapterDef[] = [];
  const exercises: ExerciseDef[] = [];
  const rel = (p: string): string => relative(root, p);
  if (!existsSync(exercisesDir)) {
    issues.push(catalogIssue(rel(exercisesDir), '(folder)', 'noExercisesFolder'));
    return { root, chapters, exercises, issues };
  }
  const { exercise: validateExercise, chapter: validateChapter } = getValidators();
  for (const chapter of readdirSync(exercisesDir).sort()) {
    const chapterDir = join(exercisesDir, chapter);
    if (!statSync(chapterDir).isDirectory()) continue;
    const match = CHAPTER_DIR.exec(chapter);
    if (!match) {
      issues.push(catalogIssue(rel(chapterDir), '(folder)', 'chapterFolderName', chapter));
      continue;
    }
    const chapterYaml = join(chapterDir, 'chapter.yaml');
    let chapterDef: ChapterDef = { id: chapter, number: Number(match[1]), title: { es: chapter, en: chapter } };
    if (existsSync(chapterYaml)) {
      const data = readYaml(chapterYaml, issues, rel(chapterYaml));
      if (data !== undefined && !validateChapter(data)) issues.push(...ajvIssues(rel(chapterYaml), validateChapter.errors));
      else if (data !== undefined) chapterDef = { id: chapter, ...(data as Omit<ChapterDef, 'id'>) };
      (chapterDef.sections ?? []).forEach((s, i) => {
        if (!isBookSection(s)) issues.push(catalogIssue(rel(chapterYaml), `sections.${i}`, 'bookSectionUnknown', s));
        else if (!s.startsWith(`${chapterDef.number}.`)) issues.push(catalogIssue(rel(chapterYaml), `sections.${i}`, 'chapterSectionWrong', s, chapterDef.number));
      });
    } else {
      issues.push(catalogIssue(rel(chapterYaml), '(file)', 'chapterYamlMissing'));
    }
    chapters.push(chapterDef);
    const folders = readdirSync(chapterDir)
      .sort()
      .filter((name) => statSync(join(chapterDir, name)).isDirectory());
    for (const name of teachingOrder(folders, chapterDef.order, rel(chapterYaml), issues)) {
      const loaded = loadExercise(root, chapter, name, join(chapterDir, name), validateExercise, issues);
      if (loaded) exercises.push(loaded);
    }
  }
  return { root, chapters, exercises, issues };
}

/**
 * The chapter's exercise folders in the order chapter.yaml declares (`order`), which must name each
 * folder exactly once; without `order`, alphabetical. A folder the order forgets still loads, last.
 */
function teachingOrder(folders: string[], order: string[] | undefined, file: string, issues: CatalogIssue[]): string[] {
  if (order === undefined) return folders;
  const present = new Set(folders);
  order.forEach((name, i) => {
    if (!present.has(name)) issues.push(catalogIssue(file, `order.${i}`, 'orderUnknown', name, folders));
  });
  const listed = new Set(order);
  const missing = folders.filter((f) => !listed.has(f));
  if (missing.length > 0) issues.push(catalogIssue(file, 'order', 'orderMissing', missing));
  return [...order.filter((name) => present.has(name)), ...missing];
}

function loadExercise(root: string, chapter: string, name: string, dir: string, validate: ValidateFunction, issues: CatalogIssue[]): ExerciseDef | undefined {
  const rel = (p: string): string => relative(root, p);
  const yamlPath = join(dir, 'exercise.yaml');
  if (!EXERCISE_DIR.test(name)) {
    issues.push(catalogIssue(rel(dir), '(folder)', 'exerciseFolderName', name));
    return undefined;
  }
  if (!existsSync(yamlPath)) {
    issues.push(catalogIssue(rel(yamlPath), '(file)', 'exerciseYamlMissing'));
    return undefined;
  }
  const data = readYaml(yamlPath, issues, rel(yamlPath));
  if (data === undefined) return undefined;
  if (!validate(data)) {
    issues.push(...ajvIssues(rel(yamlPath), validate.errors));
    return undefined;
  }
  const meta = data as {
    title: ExerciseDef['title'];
    summary: ExerciseDef['summary'];
    book?: string[];
    difficulty?: Difficulty;
    points?: number;
    forward?: string[];
    file: string;
    exports: ExerciseDef['exports'];
    runs?: number;
    limits?: Partial<ExerciseDef['limits']>;
    examples?: (Omit<ExerciseDef['examples'][number], 'tolerance'> & { tolerance?: ExerciseDef['examples'][number]['tolerance'] })[];
    properties: (Omit<ExerciseDef['properties'][number], 'hidden' | 'secondary' | 'tolerance' | 'role' | 'requires'> & {
      hidden?: boolean;
      secondary?: boolean;
      role?: PropertyRole;
      requires?: string[];
      tolerance?: ExerciseDef['properties'][number]['tolerance'];
    })[];
    edgeCases?: ExerciseDef['edgeCases'];
    equivalentMutants?: ExerciseDef['equivalentMutants'];
  };
  const before = issues.length;
  const exportNames = new Set(meta.exports.map((e) => e.name));
  const seen = new Set<string>();
  meta.properties.forEach((p, i) => {
    if (seen.has(p.name)) issues.push(catalogIssue(rel(yamlPath), `properties.${i}.name`, 'duplicateProperty', p.name));
    seen.add(p.name);
    if (!exportNames.has(p.function)) {
      issues.push(catalogIssue(rel(yamlPath), `properties.${i}.function`, 'notAnExport', p.function, [...exportNames]));
    }
  });
  (meta.book ?? []).forEach((s, i) => {
    if (!isBookSection(s)) issues.push(catalogIssue(rel(yamlPath), `book.${i}`, 'bookSectionUnknown', s));
  });
  const edgeIds = new Set<string>();
  (meta.edgeCases ?? []).forEach((e, i) => {
    if (edgeIds.has(e.id)) issues.push(catalogIssue(rel(yamlPath), `edgeCases.${i}.id`, 'duplicateEdgeCase', e.id));
    edgeIds.add(e.id);
  });
  (meta.examples ?? []).forEach((x, i) => {
    if (!exportNames.has(x.function)) {
      issues.push(catalogIssue(rel(yamlPath), `examples.${i}.function`, 'notAnExport', x.function, [...exportNames]));
    }
  });
  const requires = resolveRequires(rel(yamlPath), meta.properties, issues);
  const roles = meta.properties.map((p) => p.role ?? defaultRole(p));
  if (roles.every((r) => r !== 'primary')) {
    issues.push(catalogIssue(rel(yamlPath), 'properties', 'allSecondary'));
  }
  const points = scaledPoints(rel(yamlPath), meta, roles, issues);
  if (meta.file !== `${name}.ts`) issues.push(catalogIssue(rel(yamlPath), 'file', 'fileName', `${name}.ts`, meta.file));
  const def: ExerciseDef = {
    id: `${chapter}/${name}`,
    chapter,
    name,
    dir,
    file: meta.file,
    title: meta.title,
    summary: meta.summary,
    book: meta.book ?? [],
    ...(meta.difficulty !== undefined ? { difficulty: meta.difficulty } : {}),
    ...(meta.points !== undefined ? { points: meta.points } : {}),
    ...(meta.forward !== undefined ? { forward: meta.forward } : {}),
    exports: meta.exports,
    limits: { ...DEFAULT_EXERCISE_LIMITS, ...meta.limits },
    properties: meta.properties.map((p, i) => ({
      ...p,
      points: points[i]!,
      weight: p.points,
      hidden: p.hidden ?? false,
      role: roles[i]!,
      requires: requires[i]!,
      secondary: p.secondary ?? roles[i] !== 'primary',
      tolerance: p.tolerance ?? DEFAULT_TOLERANCE,
    })),
    examples: (meta.examples ?? []).map((x) => ({ ...x, tolerance: x.tolerance ?? DEFAULT_TOLERANCE })),
    edgeCases: meta.edgeCases ?? [],
    equivalentMutants: meta.equivalentMutants ?? [],
    specPath: join(dir, 'spec.ts'),
    referencePath: join(root, 'reference', chapter, `${name}.ts`),
    solutionPath: join(root, 'solutions', chapter, name, meta.file),
    statementPaths: { es: join(dir, 'README.es.md'), en: join(dir, 'README.en.md') },
  };
  if (meta.runs !== undefined) def.runs = meta.runs;
  const required: [string, 'missingStub' | 'missingSpec' | 'missingStatementEs' | 'missingStatementEn' | 'missingReference'][] = [
    [join(dir, meta.file), 'missingStub'],
    [def.specPath, 'missingSpec'],
    [def.statementPaths.es, 'missingStatementEs'],
    [def.statementPaths.en, 'missingStatementEn'],
    [def.referencePath, 'missingReference'],
  ];
  for (const [path, what] of required) {
    // the npm package ships spec.public.ts instead of the spec.ts of an exercise with hidden properties
    if (path === def.specPath && !existsSync(path) && existsSync(publicSpecPath(path))) continue;
    if (!existsSync(path)) issues.push(catalogIssue(rel(path), '(file)', what));
  }
  return issues.length === before ? def : undefined;
}

/**
 * Each property's points: with an exercise total (`points`, which must be the one its
 * `difficulty` gives), the declared points are weights, split by role (points.ts); without one,
 * as declared. `forward` must name properties of the exercise.
 */
function scaledPoints(
  file: string,
  meta: { difficulty?: Difficulty; points?: number; forward?: string[]; properties: { name: string; points: number }[] },
  roles: PropertyRole[],
  issues: CatalogIssue[],
): number[] {
  const declared = meta.properties.map((p) => p.points);
  const names = new Set(meta.properties.map((p) => p.name));
  (meta.forward ?? []).forEach((n, i) => {
    if (!names.has(n)) issues.push(catalogIssue(file, `forward.${i}`, 'forwardUnknown', n, [...names]));
  });
  if (meta.difficulty === undefined && meta.points === undefined) return declared;
  if (meta.difficulty === undefined || meta.points === undefined) {
    const missing = meta.difficulty === undefined ? 'difficulty' : 'points';
    issues.push(catalogIssue(file, missing, 'pointsMissingField', missing));
    return declared;
  }
  const expected = DIFFICULTY_POINTS[meta.difficulty];
  if (meta.points !== expected) {
    issues.push(catalogIssue(file, 'points', 'pointsWrong', meta.difficulty, expected, meta.points));
    return declared;
  }
  const split = splitPoints(meta.points, meta.properties.map((p, i) => ({ role: roles[i]!, weight: p.points })));
  if (split === undefined) {
    issues.push(catalogIssue(file, 'points', 'pointsIndivisible', meta.points, meta.properties.length));
    return declared;
  }
  return split;
}
