import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { graderFaults, renderVerification, verifyCatalog } from '../../grader/verify/verify.ts';
import type { ExerciseResult } from '../../grader/engine/result.ts';
import { spanishLeaks } from '../i18n/english-markers.ts';

const run = promisify(execFile);
const CH = 'ch01-intro-ml';
const ROC = `${CH}/roc-auc`;

describe('grader faults are never a pass', () => {
  const result = (extra: Partial<ExerciseResult>, props: ExerciseResult['properties'] = []): ExerciseResult => ({ id: ROC, title: 'ROC', file: 'x.ts', status: 'fail', score: 0, maxScore: 3, properties: props, ...extra });
  it('an exercise or property that failed on the grader’s side is a grader fault, not a 0 that proves the stub or the bug', () => {
    expect(graderFaults(result({ status: 'error', reason: 'grader-error', message: 'Fallo interno del corrector (no es culpa tuya; se reintentó una vez): boom' }))).toEqual(['grader-error: Fallo interno del corrector (no es culpa tuya; se reintentó una vez): boom']);
    const p = { name: 'p1', title: 'P1', status: 'error' as const, points: 1, score: 0 };
    expect(graderFaults(result({}, [{ ...p, message: 'Internal grader error (not your fault; tell the teaching staff): TypeError: x' }]))).toHaveLength(1);
    expect(graderFaults(result({}, [{ ...p, message: 'Error interno del corrector (no es culpa tuya; avisa al profesorado): x' }]))).toHaveLength(1);
    expect(graderFaults(result({}, [{ ...p, status: 'fail', message: 'x', ...({ graderError: true } as object) }]))).toHaveLength(1);
    // the student's own crash or a failure is a result, not a grader fault
    expect(graderFaults(result({}, [{ ...p, message: 'TypeError: cannot read properties of undefined' }, { ...p, status: 'fail', message: 'Not implemented' }]))).toEqual([]);
  });
});

describe('dlgrade verify', () => {
  it('passes every check of a good exercise (its report in English with lang en)', async () => {
    const report = await verifyCatalog({ selectors: [ROC], catalog: loadCatalog(), lang: 'en' });
    const [roc] = report.exercises;
    expect(report.ok).toBe(true);
    const names = roc!.checks.map((c) => c.name);
    expect(names.slice(0, 4)).toEqual(['catalog', 'statements', `solution (${report.backend})`, 'stub earns 0']);
    expect(names.filter((n) => n.startsWith('bug ')).length).toBeGreaterThan(2);
    expect(names).toContain('variant mann-whitney-ranks');
    // everything tests/catalog and tests/engine check for the whole catalog, for this one exercise
    expect(names).toEqual(expect.arrayContaining(['placeholders', 'fixtures', 'worked examples', 'constant answers earn 0']));
    if (report.backend !== 'cpu') expect(names.at(-1)).toBe('solution (cpu)');
    expect(renderVerification(roc!)).toMatch(/^✔ ch01-intro-ml\/roc-auc\n {2}✔ catalog: no issues\n/);
  }, 300_000);

  describe('on a deliberately broken copy of the catalog', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'dlgrade-verify-'));
      // the chapter file and two of its exercises (authors may add more to the real chapter)
      cpSync(join(INSTALL_ROOT, 'exercises', CH, 'chapter.yaml'), join(root, 'exercises', CH, 'chapter.yaml'));
      for (const name of ['confusion-matrix', 'roc-auc']) {
        cpSync(join(INSTALL_ROOT, 'exercises', CH, name), join(root, 'exercises', CH, name), { recursive: true });
        cpSync(join(INSTALL_ROOT, 'solutions', CH, name), join(root, 'solutions', CH, name), { recursive: true });
        cpSync(join(INSTALL_ROOT, 'reference', CH, `${name}.ts`), join(root, 'reference', CH, `${name}.ts`));
      }
      // specs import ../../../grader and packages: the same install
      symlinkSync(join(INSTALL_ROOT, 'grader'), join(root, 'grader'));
      symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(root, 'node_modules'));
      writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
      // confusion-matrix: a statement missing → catalog issue
      rmSync(join(root, 'exercises', CH, 'confusion-matrix', 'README.en.md'));
      // roc-auc: a wrong solution, a stub that already works, a "bug" that is correct, a fixture without header
      const bug = join(INSTALL_ROOT, 'tests/fixtures/buggy', ROC, 'rectangle-rule.ts');
      cpSync(bug, join(root, 'solutions', ROC, 'roc-auc.ts'));
      cpSync(join(INSTALL_ROOT, 'solutions', ROC, 'roc-auc.ts'), join(root, 'exercises', ROC, 'roc-auc.ts'));
      const fixtures = join(root, 'tests', 'fixtures', 'buggy', ROC);
      mkdirSync(fixtures, { recursive: true });
      writeFileSync(join(fixtures, 'not-a-bug.ts'), '// expect-fail: auc-with-ties\n' + readFileSync(join(INSTALL_ROOT, 'solutions', ROC, 'roc-auc.ts'), 'utf8'));
      writeFileSync(join(fixtures, 'no-header.ts'), readFileSync(bug, 'utf8').split('\n').slice(1).join('\n'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('reports each failing check with its reason, in Spanish by default, and exits 1', async () => {
      const result = await run(process.execPath, ['bin/dlgrade.js', 'verify', '--root', root, '--runs', '20'], { cwd: INSTALL_ROOT, maxBuffer: 16 * 1024 * 1024 }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
      expect(result.code).toBe(1);
      const out = result.stdout;
      expect(out).toMatch(/✘ ch01-intro-ml\/confusion-matrix\n {2}✘ catálogo: no se ha cargado: .*README\.en\.md.*falta: el enunciado en inglés/);
      expect(out).toMatch(/✘ ch01-intro-ml\/roc-auc\n/);
      expect(out).toMatch(/ {2}✔ catálogo: sin problemas/);
      // roc-auc's total comes from its difficulty (exercise.yaml `points`)
      const total = loadCatalog().exercises.find((e) => e.id === 'ch01-intro-ml/roc-auc')!.properties.reduce((a, p) => a + p.points, 0);
      expect(out).toMatch(new RegExp(` {2}✘ solución \\((wasm|tensorflow)\\): \\d+/${total}: .*auc-with-ties: falla`));
      expect(out).toMatch(new RegExp(` {2}✘ solución \\(cpu\\): \\d+/${total}`));
      expect(out).toMatch(new RegExp(` {2}✘ la plantilla saca 0: ${total}/${total}: superan: `));
      expect(out).toMatch(new RegExp(` {2}✘ fallo not-a-bug: ${total}/${total}; no lo detecta: auc-with-ties`));
      expect(out).toMatch(/ {2}✘ fallo no-header: la primera línea tiene que ser \/\/ expect-fail:/);
      expect(out).toMatch(/verify .*0 de 2 ejercicios correctos; fallan: ch01-intro-ml\/confusion-matrix, ch01-intro-ml\/roc-auc/);
      // the checks tests/catalog runs for the whole catalog, for this exercise
      expect(out).toMatch(/ {2}✘ fixtures: 2 con fallos \(al menos 3\), 0 variantes/);
      // the whole report is Spanish (file names, property names and quoted output aside)
      expect(spanishLeaks(out)).toEqual([]);
    }, 300_000);
  });
});
