import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, renderGradebookCsv } from '../../grader/gradebook/csv.ts';
import { renderClassReport, reportScript } from '../../grader/gradebook/html.ts';
import { loadResults } from '../../grader/gradebook/load.ts';
import { buildGradebook } from '../../grader/gradebook/model.ts';
import { classReportModel } from '../../grader/gradebook/report-model.ts';
import { parseCsv } from '../../grader/provision/roster.ts';
import { createHash } from 'node:crypto';
import { renderClassReportMarkdown } from '../../grader/gradebook/markdown.ts';
import { escapeXml } from '../../grader/report/escape.ts';
import { reportClass, fakeClass, fakeFile, HOSTILE_COUNTEREXAMPLE, HOSTILE_NAME } from './gradebook-data.ts';

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
  const files = reportClass();
  const book = buildGradebook(files);
  const model = classReportModel(book, files);
  const html = renderClassReport(model);

  it('escapes every student-controlled string', () => {
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE_COUNTEREXAMPLE);
  });

  it('is self-contained: one script of ours, allowed by its hash, no external resource', () => {
    const scripts = html.match(/<script[^>]*>/gi) ?? [];
    expect(scripts).toEqual(['<script>']);
    const { script, scriptHash } = reportScript();
    expect(html).toContain(`<script>${script}</script>`);
    expect(scriptHash).toBe(`sha256-${createHash('sha256').update(script).digest('base64')}`);
    expect(html).toContain(`script-src '${scriptHash}'`);
    expect(html).not.toMatch(/<link|<iframe|@import|url\(/i);
    expect(html.match(/<[^>]*\s(?:src|on\w+)=/gi) ?? []).toEqual([]);
    // the only links: a student's detail, their repository and the graded commit
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#s\d+|https:\/\/github\.com\/curso-dl\/tarea-[a-z]+(\/commit\/[0-9a-f]{40})?)$/);
    expect(html).toContain('href="https://github.com/curso-dl/tarea-ana/commit/0000000000000000000000000000000000000000"');
  });

  it('counts mean, median and the histogram over graded students only; the ungraded apart', () => {
    expect(model.summary).toMatchObject({ students: 12, graded: 10, ungraded: 2, noSubmission: 1, errors: 1 });
    const graded = book.students.filter((s) => s.status === 'graded').map((s) => s.percentage);
    expect(graded).toHaveLength(10);
    expect(Number(model.summary.mean)).toBeCloseTo(graded.reduce((a, b) => a + b, 0) / 10, 1);
    expect(model.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(10);
    expect(model.t.ungradedNote).toBe('2 sin corregir (sin entrega o con errores): fuera de la media, la mediana y el histograma.');
    expect(model.students.find((s) => s.username === 'jose')).toMatchObject({ status: 'sin entrega', graded: false, percentage: '' });
    expect(model.students.find((s) => s.username === 'ines')).toMatchObject({ status: 'error', graded: false });
  });

  it('passes at 50% by default («aprobado»), configurable', () => {
    expect(model.passThreshold).toBe(50);
    expect(model.students.find((s) => s.username === 'dani')).toMatchObject({ percentage: '50', status: 'aprobado', passed: true });
    expect(model.summary.passed).toBe(10);
    const strict = classReportModel(book, files, { passThreshold: 80 });
    expect(strict.summary.passed).toBe(book.students.filter((s) => s.status === 'graded' && s.percentage >= 80).length);
    expect(strict.students.find((s) => s.username === 'dani')!.status).toBe('suspenso');
    expect(strict.t.passed).toBe('aprobados (≥ 80 %)');
  });

  it('per exercise: mean, pass rate, full marks, timeouts and errors', () => {
    const x = model.exercises.find((e) => e.id === 'ch01-a/x')!;
    // 14 points over 10 graded; dani has 0 of 2 (below 50%); kim's p2 ran out of time
    expect(x).toMatchObject({ total: 10, passed: 9, label: '90%', complete: 5, timeouts: 1, errors: 0, maxScore: 2 });
    expect(x.mean).toBe('1.4');
  });

  it('per property: failure rate and the most common shrunk counterexample (never a timeout’s)', () => {
    const p2 = model.properties.find((p) => p.id === 'ch01-a/x › p2')!;
    expect(p2).toMatchObject({ failures: 5, total: 10, failureLabel: '50%', counterexample: HOSTILE_COUNTEREXAMPLE, counterexampleCount: 4 });
    expect(model.topFailure).toMatchObject({ exercise: 'ch01-a/x', property: 'p2', failures: 5, total: 10, line: 'falla en 5 de 10' });
    expect(model.topFailure!.example!.counterexample).toBe(HOSTILE_COUNTEREXAMPLE);
    expect(model.topFailure!.example!.username).not.toBe('kim');
  });

  it('in English with lang en', () => {
    const en = renderClassReport(classReportModel(book, files, { lang: 'en' }));
    expect(en).toContain('<html lang="en">');
    for (const words of ['Class report · dlgrade', 'By exercise', 'By property', 'no submission', 'passed (≥ 50 %)', 'fails for 5 of 10', 'Per student']) expect(en).toContain(escapeXml(words));
    expect(en).not.toMatch(/corregidos|aprobados|sin entrega/);
  });

  it('in Markdown for a pull request or an issue, escaped, with links', () => {
    const md = renderClassReportMarkdown(model);
    expect(md).toContain('### Por ejercicio');
    expect(md).toContain('| [ana](https://github.com/curso-dl/tarea-ana) | 4 / 4 | 100 | aprobado | [`0000000`](https://github.com/curso-dl/tarea-ana/commit/0000000000000000000000000000000000000000) |');
    expect(md).toMatch(/\| jose \| — \| — \| sin entrega \|/);
    // student text is either escaped or inside a code span (which Markdown shows as text)
    expect(md.replace(/(`+)[^`]*?\1/g, '')).not.toMatch(/[<>]/);
    // no student text breaks a table: every row of a table has as many cells as its header
    const pipes = (line: string): number => line.split(/(?<!\\)\|/).length;
    for (const block of md.split(/\n(?!\|)/).map((b) => b.split('\n').filter((l) => l.startsWith('|'))).filter((b) => b.length > 0)) {
      for (const row of block) expect(pipes(row), row).toBe(pipes(block[0]!));
    }
  });
});
