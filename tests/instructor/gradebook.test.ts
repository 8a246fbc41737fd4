import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, renderGradebookCsv } from '../../grader/gradebook/csv.ts';
import { renderClassReport } from '../../grader/gradebook/html.ts';
import { loadResults } from '../../grader/gradebook/load.ts';
import { buildGradebook } from '../../grader/gradebook/model.ts';
import { classReportModel } from '../../grader/gradebook/report-model.ts';
import { parseCsv } from '../../grader/provision/roster.ts';
import { fakeClass, fakeFile, HOSTILE_COUNTEREXAMPLE, HOSTILE_NAME } from './gradebook-data.ts';

describe('gradebook CSV', () => {
  it('quotes commas, quotes and line breaks and guards formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvCell(`${lead}1+1`).startsWith(`'${lead}`) || csvCell(`${lead}1+1`).startsWith(`"'${lead}`)).toBe(true);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell(-1)).toBe('-1'); // numbers are numbers
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('sí');
    expect(csvCell(true, 'en')).toBe('yes');
    expect(csvCell(false, 'en')).toBe('no');
  });

  it('one row per student, one column per exercise, and reads back to the same values', () => {
    const book = buildGradebook(fakeClass());
    const csv = renderGradebookCsv(book, 'en');
    const rows = parseCsv(csv).map((r) => r.fields);
    expect(rows[0]).toEqual(['username', 'student_id', 'ch01-a/x', 'ch01-b/y', 'total', 'max', 'percentage', 'late', 'tampered', 'errors', 'status', 'grader_error', 'weak_sandbox']);
    expect(rows).toHaveLength(11);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byName['beto']).toEqual(['beto', '', '1', '2', '3', '4', '75', 'no', 'no', '', 'graded', 'no', '']);
    expect(byName['carla']?.slice(7, 9)).toEqual(['yes', 'no']);
    expect(byName['eva']?.slice(8)).toEqual(['yes', 'tampered: .github/workflows/dlgrade.yml (modified)', 'graded', 'no', '']);
    expect(byName["'=cmd|calc"]?.[9]).toBe('exercises/x.ts, "quoted"\nsecond line');
    expect(byName[HOSTILE_NAME]?.[1]).toBe('\'=HYPERLINK("http://evil","x")');
    // not graded: no total and no percentage (never a 0 that reads like one)
    expect(byName['ines']).toEqual(['ines', '', '', '', '', '4', '', 'no', 'no', 'no checkout: ines/ is missing from the collected folder', 'error', 'no', '']);
    // Spanish by default: the flags and the tamper note follow the language, the header stays
    const es = Object.fromEntries(parseCsv(renderGradebookCsv(book)).map((r) => r.fields).slice(1).map((r) => [r[0], r]));
    expect(es['eva']?.slice(8, 10)).toEqual(['sí', 'alterado: .github/workflows/dlgrade.yml (modified)']);
    expect(es['beto']?.slice(7, 9)).toEqual(['no', 'no']);
    // no cell of the file begins with a formula character
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+@\t]/);
  });

  it('flags a grader error and a grade given under a weak sandbox', () => {
    const file = { ...fakeFile('zed', [[true, true], [true, true]]), graderError: true, weakSandbox: { mechanism: 'process', missing: ['processes', 'sockets'] } };
    const book = buildGradebook([file, fakeFile('yan', [[true, true], [true, true]])]);
    expect(book.students.map((s) => [s.username, s.graderError, s.weakSandbox])).toEqual([
      ['yan', false, null],
      ['zed', true, ['processes', 'sockets']],
    ]);
    const rows = parseCsv(renderGradebookCsv(book, 'en')).map((r) => r.fields);
    expect(rows.find((r) => r[0] === 'zed')?.slice(-2)).toEqual(['yes', 'processes sockets']);
  });

  it('loads shard folders, keeps the newest duplicate and reports invalid files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-gb-'));
    try {
      const a = fakeFile('ana', [[true, true], [true, true]], { gradedAt: '2026-03-02T00:00:00.000Z' });
      const b = fakeFile('ana', [[false, false], [true, true]], { gradedAt: '2026-03-03T00:00:00.000Z' });
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, 's1'));
      mkdirSync(join(dir, 's2'));
      writeFileSync(join(dir, 's1', 'ana.json'), JSON.stringify(a));
      writeFileSync(join(dir, 's2', 'ana.json'), JSON.stringify(b));
      writeFileSync(join(dir, 's2', 'junk.json'), '{"kind":"other"}');
      writeFileSync(join(dir, 's2', 'broken.json'), '{');
      const loaded = await loadResults([join(dir, 's1'), join(dir, 's2')]);
      expect(loaded.files).toHaveLength(1);
      expect(loaded.files[0]?.result?.score).toBe(2);
      expect(loaded.duplicates).toEqual([{ username: 'ana', kept: join(dir, 's2', 'ana.json'), dropped: [join(dir, 's1', 'ana.json')] }]);
      expect(loaded.invalid.map((i) => i.file).sort()).toEqual([join(dir, 's2', 'broken.json'), join(dir, 's2', 'junk.json')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('class report HTML', () => {
  const files = fakeClass();
  const book = buildGradebook(files);
  const model = classReportModel(book, files);
  const html = renderClassReport(model);

  it('escapes every student-controlled string', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE_COUNTEREXAMPLE);
  });

  it('is self-contained: no script, no external URL', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html.match(/<[^>]*\s(?:src|href|on\w+)=/gi) ?? []).toEqual([]);
    expect(html).toContain("Content-Security-Policy");
  });

  it('the view-model counts what the page shows', () => {
    expect(model.histogram.bins).toHaveLength(10);
    expect(model.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(10);
    expect(model.exercises.map((e) => [e.id, e.label])).toEqual([
      ['ch01-a/x', '56%'], // 5 of 9 graded pass every property of x
      ['ch01-b/y', '56%'],
    ]);
    expect(model.topFailure).toMatchObject({ exercise: 'ch01-a/x', property: 'p2', failures: 4, total: 9 });
    expect(model.topFailure?.example?.counterexample).toBe(HOSTILE_COUNTEREXAMPLE);
    expect(model.late.map((l) => l.username)).toEqual(['carla']);
    expect(model.tampered.map((t) => t.username)).toEqual(['eva']);
  });
});
