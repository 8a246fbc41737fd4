import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/result.ts';
import { toClassroomOutput, toClassroomReport } from '../../grader/report/formats/classroom.ts';
import { classroom50Datetime, toClassroom50Result } from '../../grader/report/formats/classroom50.ts';
import { toJUnitXml } from '../../grader/report/formats/junit.ts';
import { formatStepOutputs } from '../../grader/publish/step-files.ts';
import { fixture } from './helpers.ts';
import { parseXml, walk } from './xml-check.ts';

const context = {
  classroom: 'curso-dl',
  assignment: 'tarea-07',
  assignment_type: 'individual' as const,
  owner: 'ana',
  submission: 'submit/2026-03-02',
  commit: 'https://github.com/curso-dl/tarea-07-ana/commit/abc',
  release: 'https://github.com/curso-dl/tarea-07-ana/releases/tag/submit%2F2026-03-02',
  review: 'https://github.com/curso-dl/tarea-07-ana/commit/abc',
  datetime: classroom50Datetime(new Date('2026-03-01T18:00:00.123Z')),
  graded_at: classroom50Datetime(new Date('2026-03-02T10:30:00.456Z')),
};

describe('classroom grading-reporter output', () => {
  it('is base64 of {version, status, max_score, tests[]} with one test per property', async () => {
    const result = await fixture('mixed.json');
    const decoded = JSON.parse(Buffer.from(toClassroomOutput(result), 'base64').toString('utf8')) as ReturnType<typeof toClassroomReport>;
    expect(decoded).toMatchObject({ version: 1, status: 'fail', max_score: 15 });
    expect(decoded.tests).toHaveLength(7);
    expect(decoded.tests[3]).toEqual({
      name: 'ch07-convolution/conv2d › matches-reference',
      status: 'fail',
      score: 0,
      message: 'El valor en [1][2] difiere de la referencia: esperado 0.75, recibido 0.5',
      line_no: 14,
      filename: 'exercises/ch07-convolution/conv2d.ts',
      duration: 2100,
    });
    expect(decoded.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass', 'fail', 'pass', 'error', 'fail']);
    expect(decoded.tests.reduce((a, t) => a + t.score, 0)).toBe(result.score);
  });

  it('folds, caps and breaks workflow commands in hostile messages', async () => {
    const report = toClassroomReport(await fixture('hostile.json'));
    for (const test of report.tests) {
      expect(test.message).not.toMatch(/\n|\u001b|\u202e|<!--/);
      expect(test.message).not.toContain('::');
      expect(test.message.length).toBeLessThanOrEqual(500);
    }
  });

  it('an exercise that produced no properties is one test', async () => {
    const result = await fixture('mixed.json');
    const notSubmitted: GradeResult = { ...result, exercises: [{ ...result.exercises[2]!, reason: 'not-submitted', properties: [] }] };
    expect(toClassroomReport(notSubmitted).tests).toEqual([expect.objectContaining({ name: 'ch07-convolution/max-pool', status: 'error', score: 0 })]);
  });
});

describe('Classroom 50 result.json', () => {
  it('has the classroom50/result/v1 fields, per-test rows and consistent sums', async () => {
    // mixed.json has fractional points (2.5): Classroom 50 takes whole ones, so they are scaled by 2
    const out = toClassroom50Result(await fixture('mixed.json'), context, { scale: 2 });
    expect(Object.keys(out).sort()).toEqual(['assignment', 'assignment_type', 'classroom', 'commit', 'datetime', 'graded_at', 'max-score', 'owner', 'release', 'review', 'schema', 'score', 'submission', 'tests'].sort());
    expect(out.schema).toBe('classroom50/result/v1');
    expect(out.datetime).toBe('2026-03-01T18:00:00Z');
    expect(out.graded_at).toBe('2026-03-02T10:30:00Z');
    expect(out.tests[3]).toEqual({ 'test-name': 'ch07-convolution/conv2d › matches-reference', passed: false, score: 0, 'max-score': 5 });
    expect(out.score).toBe(out.tests.reduce((a, t) => a + t.score, 0));
    expect(out['max-score']).toBe(30);
    expect(out.score).toBe(15);
  });
});

describe('JUnit XML', () => {
  it('is well-formed: a testsuite per exercise, a testcase per property, failures and errors', async () => {
    const root = parseXml(toJUnitXml(await fixture('mixed.json')));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '7', failures: '1', errors: '1', skipped: '1' });
    expect(root.children.map((s) => s.attrs.name)).toEqual(['ch03-tensors/broadcast-add', 'ch07-convolution/conv2d', 'ch07-convolution/max-pool']);
    const conv = root.children[1]!;
    const failing = conv.children.find((c) => c.attrs.name?.startsWith('matches-reference'));
    expect(failing?.attrs).toMatchObject({ file: 'exercises/ch07-convolution/conv2d.ts', line: '14', time: '2.100' });
    const failure = failing?.children[0];
    expect(failure?.name).toBe('failure');
    expect(failure?.text).toContain('counterexample: input = [[0, 1, 0],');
    expect(failure?.text).toContain('reproduce: npx dlgrade check');
  });

  it('stays well-formed with hostile strings, and reads them back escaped-then-decoded', async () => {
    const xml = toJUnitXml(await fixture('hostile.json'));
    const root = parseXml(xml);
    const texts = [...walk(root)].flatMap((e) => [e.text, ...Object.values(e.attrs)]).join('\n');
    expect(texts).toContain('<img src=x onerror=alert(1)>');
    expect(texts).not.toMatch(/\u001b|\u202e|<!--/);
    expect(xml).not.toContain('<img');
  });

  it('drops characters XML cannot carry (lone surrogates, U+FFFF)', async () => {
    const result = await fixture('mixed.json');
    result.exercises[1]!.properties[1]!.message = 'a\uD800b\uFFFFc\u0001d';
    const root = parseXml(toJUnitXml(result));
    expect([...walk(root)].some((e) => e.text.includes('abcd'))).toBe(true);
  });
});

describe('step outputs', () => {
  it('uses the heredoc form with a delimiter absent from the value', () => {
    let n = 0;
    const random = () => (n++ === 0 ? 'clash' : 'fresh');
    const text = formatStepOutputs({ result: 'line1\nghadelimiter_clash\nline3' }, random);
    expect(text).toBe('result<<ghadelimiter_fresh\nline1\nghadelimiter_clash\nline3\nghadelimiter_fresh\n');
  });
});
