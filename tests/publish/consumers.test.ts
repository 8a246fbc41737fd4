/**
 * dlgrade's outputs read by their real consumers' published contracts: Classroom 50's result
 * JSON Schema (tests/schemas/classroom50-result-v1.schema.json), the JUnit XSD of Jenkins' xUnit
 * plugin (tests/schemas/junit-10.xsd, read by xmllint compiled to WebAssembly), and the limits of
 * GitHub Classroom's reporter (its step output travels in one environment variable).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { ExerciseResult, GradeResult } from '../../grader/engine/result.ts';
import { DlgradeError } from '../../grader/errors.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { CLASSROOM_OUTPUT_MAX_BYTES, toClassroomOutputWithin, toClassroomReport, type ClassroomReport } from '../../grader/report/formats/classroom.ts';
import { toClassroom50Result, type Classroom50Context } from '../../grader/report/formats/classroom50.ts';
import { toJUnitXml } from '../../grader/report/formats/junit.ts';
import { fixture } from './helpers.ts';
import { parseXml, walk } from './xml-check.ts';

const SCHEMAS = join(INSTALL_ROOT, 'tests', 'schemas');
const classroom50Schema = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(SCHEMAS, 'classroom50-result-v1.schema.json'), 'utf8')) as object);
const junitXsd = readFileSync(join(SCHEMAS, 'junit-10.xsd'), 'utf8');

export const CONTEXT: Classroom50Context = {
  classroom: 'curso-dl',
  assignment: 'tarea-07',
  assignment_type: 'individual',
  owner: 'ana',
  submission: 'submit/20260302T103000Z-a1b2c3d',
  commit: 'https://github.com/curso-dl/curso-dl-tarea-07-ana/commit/a1b2c3d',
  release: 'https://github.com/curso-dl/curso-dl-tarea-07-ana/releases/tag/submit%2F20260302T103000Z-a1b2c3d',
  review: 'https://github.com/curso-dl/curso-dl-tarea-07-ana/commit/a1b2c3d',
  datetime: '2026-03-02T09:58:12Z',
  graded_at: '2026-03-02T10:30:00Z',
};

/**
 * `file` and `line` on a testcase, and `skipped` on testsuites, are the attributes the GitHub
 * reporters (mikepenz/action-junit-report, dorny/test-reporter) read but Jenkins' XSD does not
 * declare. They are removed, and only they, before validating against it.
 */
function withoutReporterExtensions(xml: string): string {
  return xml
    .replace(/(<testcase\b[^>]*?) file="[^"]*"/g, '$1')
    .replace(/(<testcase\b[^>]*?) line="[^"]*"/g, '$1')
    .replace(/(<testsuites\b[^>]*?) skipped="[^"]*"/g, '$1');
}

async function xsdErrors(xml: string): Promise<string[]> {
  const out = await validateXML({ xml: [{ fileName: 'dlgrade-junit.xml', contents: withoutReporterExtensions(xml) }], schema: [{ fileName: 'junit-10.xsd', contents: junitXsd }] });
  return out.errors.map((e) => e.message);
}

function compileError(result: GradeResult): GradeResult {
  const conv = result.exercises[1]!;
  const broken: ExerciseResult = {
    ...conv,
    status: 'error',
    reason: 'compile-error',
    score: 0,
    message: "exercises/ch07-convolution/conv2d.ts:3:7: ERROR: Expected \";\" but found \"x\"\n::error::forged\n##[warning]also forged",
    properties: conv.properties.map((p) => ({ name: p.name, title: p.title, status: 'skipped' as const, points: p.points, score: 0 })),
  };
  const exercises = [result.exercises[0]!, broken, result.exercises[2]!];
  return { ...result, exercises, score: exercises.reduce((a, e) => a + e.score, 0) };
}

describe("Classroom 50's result.json against its published JSON Schema", () => {
  it('validates, with whole points, scaled when the exercise has fractional ones', async () => {
    const mixed = await fixture('mixed.json');
    const out = toClassroom50Result(mixed, CONTEXT, { scale: 2 });
    expect(classroom50Schema(out), JSON.stringify(classroom50Schema.errors)).toBe(true);
    expect(out).toMatchObject({ owner: 'ana', assignment_type: 'individual', datetime: '2026-03-02T09:58:12Z', graded_at: '2026-03-02T10:30:00Z', score: 15, 'max-score': 30 });
    expect(out.score).toBe(out.tests.reduce((a, t) => a + t.score, 0));
    for (const t of out.tests) expect(Number.isInteger(t.score) && Number.isInteger(t['max-score'])).toBe(true);
  });

  it('refuses fractional points at scale 1 with a config error naming the property and the fix', async () => {
    let thrown: unknown;
    try {
      toClassroom50Result(await fixture('mixed.json'), CONTEXT);
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DlgradeError);
    expect((thrown as DlgradeError).code).toBe('E_CONFIG');
    expect((thrown as DlgradeError).message).toMatch(/solo acepta puntos enteros, pero los puntos de ch07-convolution\/conv2d › matches-reference vale 2\.5/);
    expect((thrown as DlgradeError).fix).toMatch(/--classroom50-scale/);
  });

  it('an exercise that could not run is one failed test carrying its message', async () => {
    const out = toClassroom50Result(compileError(await fixture('mixed.json')), CONTEXT, { scale: 2 });
    expect(classroom50Schema(out), JSON.stringify(classroom50Schema.errors)).toBe(true);
    const row = out.tests.find((t) => t['test-name'] === 'ch07-convolution/conv2d');
    expect(row).toMatchObject({ passed: false, score: 0, 'max-score': 10 });
    expect(row?.message).toMatch(/^compile-error: exercises\/ch07-convolution\/conv2d\.ts:3:7: ERROR/);
    expect(out.tests.some((t) => t['test-name'].startsWith('ch07-convolution/conv2d ›'))).toBe(false);
  });

  it('the schema itself refuses what dlgrade used to write (fractional scores, no owner, a SHA as submission)', () => {
    const { owner: _o, ...noOwner } = CONTEXT;
    expect(classroom50Schema({ schema: 'classroom50/result/v1', ...noOwner, score: 7.5, 'max-score': 15, tests: [] })).toBe(false);
    expect(classroom50Schema({ schema: 'classroom50/result/v1', ...CONTEXT, submission: 'a1b2c3d', score: 1, 'max-score': 1, tests: [] })).toBe(false);
  });
});

describe("JUnit XML against Jenkins' junit-10.xsd", () => {
  it.each(['mixed.json', 'hostile.json'])('%s validates', async (name) => {
    expect(await xsdErrors(toJUnitXml(await fixture(name)))).toEqual([]);
  });

  it('the check is real: an unknown element fails it', async () => {
    const xml = toJUnitXml(await fixture('mixed.json')).replace('<properties>', '<bogus/><properties>');
    expect((await xsdErrors(xml)).length).toBeGreaterThan(0);
  });

  it('a compile error is one exercise-level <error type="compile-error" message="…">, counted, and validates', async () => {
    const xml = toJUnitXml(compileError(await fixture('mixed.json')));
    expect(await xsdErrors(xml)).toEqual([]);
    const root = parseXml(xml);
    const conv = root.children.find((s) => s.attrs.name === 'ch07-convolution/conv2d')!;
    expect(conv.attrs).toMatchObject({ tests: '4', errors: '1', failures: '0', skipped: '3' });
    const errorCase = conv.children.find((c) => c.name === 'testcase' && c.attrs.name === 'ch07-convolution/conv2d');
    const error = errorCase?.children[0];
    expect(error?.name).toBe('error');
    expect(error?.attrs.type).toBe('compile-error');
    expect(error?.attrs.message).toMatch(/^compile-error: exercises\/ch07-convolution\/conv2d\.ts:3:7: ERROR: Expected ";" but found "x"/);
    expect(error?.text).toContain('Expected ";" but found "x"');
    expect(root.attrs.errors).toBe('2');
  });

  it('no line of the document starts a workflow command', async () => {
    for (const [i, result] of [compileError(await fixture('mixed.json')), await fixture('hostile.json')].entries()) {
      const xml = toJUnitXml(result);
      for (const line of xml.split('\n')) expect(line).not.toMatch(/^\s*(?:::|##\[)/);
      const texts = [...walk(parseXml(xml))].flatMap((e) => [e.text, ...Object.values(e.attrs)]);
      for (const text of texts) for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*(?:::|##\[)/);
      if (i === 0) expect(texts.join('\n')).toContain(':\u200B:error::forged');
    }
  });

  it('file attributes are repository-relative or absent', async () => {
    const result = await fixture('mixed.json');
    result.exercises[0]!.file = '../../etc/passwd';
    result.exercises[1]!.properties[1]!.location = { file: '/etc/shadow', line: 3 };
    result.exercises[1]!.properties[0]!.location = { file: './exercises/ch07-convolution/./conv2d.ts', line: 2 };
    result.exercises[2]!.location = { file: 'C:\\Users\\ana\\max-pool.ts', line: 9 };
    const root = parseXml(toJUnitXml(result));
    const files = [...walk(root)].flatMap((e) => (e.attrs.file === undefined ? [] : [e.attrs.file]));
    for (const file of files) expect(file).not.toMatch(/^\/|\.\.|^[A-Za-z]:|\\/);
    expect(files).toContain('exercises/ch07-convolution/conv2d.ts');
    expect(files).not.toContain('../../etc/passwd');
  });
});

describe("GitHub Classroom reporter's step output", () => {
  /** Every exercise of the catalog, every property failed with a long message: the worst case. */
  function wholeCatalogFailing(): GradeResult {
    const catalog = loadCatalog();
    const exercises: ExerciseResult[] = catalog.exercises.map((def) => ({
      id: def.id,
      title: def.title.es,
      file: `exercises/${def.chapter}/${def.name}/${def.file}`,
      status: 'fail',
      score: 0,
      maxScore: def.properties.reduce((a, p) => a + p.points, 0),
      durationMs: 1234,
      properties: def.properties.map((p, i) => ({
        name: p.name,
        title: p.title.es,
        status: 'fail' as const,
        points: p.points,
        score: 0,
        message: `El valor en [${i}][2] difiere de la referencia: esperado 0.7500000001, recibido 0.5 `.repeat(10),
        location: { file: `exercises/${def.chapter}/${def.name}/${def.file}`, line: 10 + i },
        durationMs: 321,
      })),
    }));
    const maxScore = exercises.reduce((a, e) => a + e.maxScore, 0);
    return { schemaVersion: 1, tool: { name: 'dlgrade', version: '0.0.0' }, lang: 'es', seed: 1, runs: 100, backend: 'cpu', audience: 'student', durationMs: 1000, sandbox: { process: 'separate', mechanism: 'bubblewrap', walls: { processes: 'isolated', filesystem: 'isolated', network: 'isolated', sockets: 'isolated' } }, score: 0, maxScore, exercises };
  }

  it('stays under the cap for the whole catalog, keeping names, scores and statuses', () => {
    const result = wholeCatalogFailing();
    const uncapped = Buffer.from(JSON.stringify(toClassroomReport(result))).toString('base64');
    // the point of the cap: uncapped, this is over Linux's 131,072-byte limit for one variable
    expect(uncapped.length).toBeGreaterThan(131_072);
    const { value, level } = toClassroomOutputWithin(result);
    expect(CLASSROOM_OUTPUT_MAX_BYTES).toBeLessThan(131_072 - 'DLGRADE_RESULTS='.length - 1);
    expect(value.length).toBeLessThanOrEqual(CLASSROOM_OUTPUT_MAX_BYTES);
    expect(level).toBeGreaterThan(0);
    const decoded = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as ClassroomReport;
    expect(decoded.max_score).toBe(result.maxScore);
    expect(decoded.tests.reduce((a, t) => a + t.score, 0)).toBe(result.score);
    expect(decoded.tests.every((t) => t.name !== '' && t.status === 'fail')).toBe(true);
    // messages go first, names stay
    expect(decoded.tests.every((t) => t.message === '')).toBe(true);
  });

  it('is left whole when it fits', async () => {
    expect(toClassroomOutputWithin(await fixture('mixed.json')).level).toBe(0);
  });

  it('carries the message of an exercise that could not run, as an error test', async () => {
    const report = toClassroomReport(compileError(await fixture('mixed.json')));
    const conv = report.tests.filter((t) => t.name.startsWith('ch07-convolution/conv2d'));
    expect(conv).toEqual([expect.objectContaining({ name: 'ch07-convolution/conv2d', status: 'error', score: 0 })]);
    expect(conv[0]?.message).toMatch(/^compile-error: exercises\/ch07-convolution\/conv2d\.ts:3:7: ERROR/);
    expect(conv[0]?.message).not.toContain('::');
    expect(report.status).toBe('fail');
  });
});
