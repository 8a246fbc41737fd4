/**
 * `dlgrade new`: scaffolds, into a copy of the course root, an exercise that the catalog loads and
 * whose checks fail until the author fills it in; refuses what it cannot scaffold, writing nothing.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { DlgradeError } from '../../grader/errors.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { placeholdersLeft } from '../../grader/scaffold/placeholders.ts';
import { scaffoldExercise } from '../../grader/scaffold/scaffold.ts';
import { parseSignature } from '../../grader/scaffold/signature.ts';
import { verifyCatalog } from '../../grader/verify/verify.ts';

const run = promisify(execFile);
const CLI = join(INSTALL_ROOT, 'bin', 'dlgrade.js');
const ID = 'ch15-losses/tversky-loss';
const SIG = 'tverskyLoss(pred: number[][], target: number[][], alpha: number, beta?: number): number';
let root: string;
let chapterBefore: string;

const dlgrade = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dlgrade-new-'));
  cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses'), join(root, 'exercises', 'ch15-losses'), { recursive: true });
  cpSync(join(INSTALL_ROOT, 'reference', 'ch15-losses'), join(root, 'reference', 'ch15-losses'), { recursive: true });
  // a second chapter, empty: names are unique across chapters
  mkdirSync(join(root, 'exercises', 'ch07-convolution'), { recursive: true });
  writeFileSync(join(root, 'exercises', 'ch07-convolution', 'chapter.yaml'), 'number: 7\ntitle: { es: Convolución, en: Convolution }\nsections: ["7.1"]\n');
  // specs import ../../../grader and packages: the same install
  symlinkSync(join(INSTALL_ROOT, 'grader'), join(root, 'grader'));
  symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  chapterBefore = readFileSync(join(root, 'exercises', 'ch15-losses', 'chapter.yaml'), 'utf8');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dlgrade new', () => {
  it('writes the exercise files, the reference, the solution and the fixtures, and appends it to order:', async () => {
    const r = await dlgrade('new', ID, '--signature', SIG, '--root', root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = [
      'exercises/ch15-losses/tversky-loss/exercise.yaml',
      'exercises/ch15-losses/tversky-loss/tversky-loss.ts',
      'exercises/ch15-losses/tversky-loss/spec.ts',
      'exercises/ch15-losses/tversky-loss/README.es.md',
      'exercises/ch15-losses/tversky-loss/README.en.md',
      'reference/ch15-losses/tversky-loss.ts',
      'solutions/ch15-losses/tversky-loss/tversky-loss.ts',
      'tests/fixtures/buggy/ch15-losses/tversky-loss/todo-describe-the-bug.ts',
      'tests/fixtures/variants/ch15-losses/tversky-loss/todo-describe-the-variant.ts',
    ];
    for (const f of files) {
      expect(existsSync(join(root, f)), f).toBe(true);
      expect(r.stdout).toContain(f);
    }
    expect(r.stdout).toMatch(/^Creado ch15-losses\/tversky-loss:/);
    expect(r.stdout).toContain(`node --import tsx tests/tools/try-exercise.ts ${ID}`);
    // the stub: the full typed signature, throwing the «not implemented» the grader recognises
    const stub = readFileSync(join(root, files[1]!), 'utf8');
    expect(stub).toContain('export function tverskyLoss(pred: number[][], target: number[][], alpha: number, beta?: number): number {');
    expect(stub).toContain("throw new Error('Sin implementar: tverskyLoss');");
    expect(readFileSync(join(root, files[5]!), 'utf8')).toContain("import * as tf from '@tensorflow/tfjs';");
    expect(readFileSync(join(root, files[7]!), 'utf8')).toMatch(/^\/\/ expect-fail: matches-reference\n/);
    // chapter.yaml: one line more at the end of order, the rest byte for byte
    const chapter = readFileSync(join(root, 'exercises', 'ch15-losses', 'chapter.yaml'), 'utf8');
    expect(chapter.replace('  - tversky-loss\n', '')).toBe(chapterBefore);
    expect(chapter).toMatch(/order:\n(\s+- [a-z-]+\n)+\s+- tversky-loss\n/);
  });

  it('the catalog loads it, with the signature in exports and a primary and a no-mutation property', () => {
    const catalog = loadCatalog({ root });
    expect(catalog.issues).toEqual([]);
    const def = catalog.exercises.find((e) => e.id === ID)!;
    expect(def).toBeDefined();
    expect(def.exports).toEqual([{ name: 'tverskyLoss', signature: SIG }]);
    expect(def.properties.map((p) => [p.name, p.role])).toEqual([
      ['matches-reference', 'primary'],
      ['no-mutation', 'hygiene'],
    ]);
    expect(catalog.exercises.at(-1)!.id).toBe(ID);
  });

  it('its generated files typecheck under the project’s compiler options', () => {
    const config = ts.readConfigFile(join(INSTALL_ROOT, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, INSTALL_ROOT);
    const files = ['exercises/ch15-losses/tversky-loss/spec.ts', 'exercises/ch15-losses/tversky-loss/tversky-loss.ts', 'solutions/ch15-losses/tversky-loss/tversky-loss.ts', 'tests/fixtures/buggy/ch15-losses/tversky-loss/todo-describe-the-bug.ts', 'tests/fixtures/variants/ch15-losses/tversky-loss/todo-describe-the-variant.ts'].map((f) => join(root, f));
    const program = ts.createProgram(files, { ...options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || d.file.fileName.startsWith(root));
    expect(diagnostics.map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)).toEqual([]);
  }, 120_000);

  it('its checks fail until it is filled in: placeholders named, the solution and the variant do not earn full marks', async () => {
    const left = placeholdersLeft(root, ID).map((p) => p.file);
    for (const f of ['exercise.yaml', 'spec.ts', 'tversky-loss.ts', 'README.es.md', 'README.en.md']) expect(left).toContain(`exercises/${ID}/${f}`);
    expect(left).toContain('reference/ch15-losses/tversky-loss.ts');
    expect(left).toContain('solutions/ch15-losses/tversky-loss/tversky-loss.ts');
    expect(left.filter((f) => f.startsWith('tests/fixtures/'))).toHaveLength(2);
    // the course's other exercises carry none
    expect(placeholdersLeft(root).filter((p) => p.id !== ID)).toEqual([]);

    const report = await verifyCatalog({ catalog: loadCatalog({ root }), selectors: [ID], runs: 5, concurrency: 1, lang: 'en' }); // the checks by their English names
    const checks = new Map(report.exercises[0]!.checks.map((c) => [c.name.replace(/ \(.*\)$/, ''), c]));
    expect(report.ok).toBe(false);
    expect(checks.get('solution')!.ok).toBe(false);
    expect(checks.get('variant todo-describe-the-variant')!.ok).toBe(false);
    expect(checks.get('placeholders')!.ok).toBe(false);
    expect(checks.get('placeholders')!.detail).toContain('TODO(dlgrade new)');
    expect(checks.get('fixtures')!.ok).toBe(false);
    expect(checks.get('worked examples')!.ok).toBe(false);
  }, 300_000);

  it('several signatures: one file exporting each, properties named after each function', () => {
    const r = scaffoldExercise({ root, id: 'ch15-losses/two-losses', signatures: ['lossA(x: number[]): number', 'function lossB(x: number[][], mode?: "sum" | "mean"): number[]'] });
    expect(r.files).toHaveLength(9);
    const def = loadCatalog({ root }).exercises.find((e) => e.id === 'ch15-losses/two-losses')!;
    expect(def.exports.map((e) => e.name)).toEqual(['lossA', 'lossB']);
    expect(def.properties.map((p) => `${p.name}:${p.function}:${p.role}`)).toEqual([
      'loss-a-matches-reference:lossA:primary',
      'loss-a-no-mutation:lossA:hygiene',
      'loss-b-matches-reference:lossB:primary',
      'loss-b-no-mutation:lossB:hygiene',
    ]);
    const spec = readFileSync(join(root, 'exercises', 'ch15-losses', 'two-losses', 'spec.ts'), 'utf8');
    expect(spec).toContain('fc.constant(undefined as unknown as "sum" | "mean") /* TODO(dlgrade new)');
  });
});

describe('dlgrade new refuses, writing nothing', () => {
  const refusal = (id: string, signatures: string[], lang: 'es' | 'en' = 'es'): DlgradeError => {
    const chapter = readFileSync(join(root, 'exercises', 'ch15-losses', 'chapter.yaml'), 'utf8');
    try {
      scaffoldExercise({ root, id, signatures, lang });
    } catch (error) {
      expect(error).toBeInstanceOf(DlgradeError);
      expect(readFileSync(join(root, 'exercises', 'ch15-losses', 'chapter.yaml'), 'utf8')).toBe(chapter);
      return error as DlgradeError;
    }
    throw new Error(`scaffolded ${id}`);
  };

  it('an exercise that exists, or whose name another chapter uses', () => {
    expect(refusal('ch15-losses/dice-loss', [SIG]).message).toBe('el ejercicio ch15-losses/dice-loss ya existe (exercises/ch15-losses/dice-loss)');
    const taken = refusal('ch07-convolution/dice-loss', [SIG]);
    expect(taken.message).toBe('ya hay un ejercicio llamado «dice-loss» (ch15-losses/dice-loss)');
    expect(existsSync(join(root, 'exercises', 'ch07-convolution', 'dice-loss'))).toBe(false);
  });

  it('a file the scaffold would overwrite', () => {
    mkdirSync(join(root, 'solutions', 'ch15-losses', 'left-over'), { recursive: true });
    writeFileSync(join(root, 'solutions', 'ch15-losses', 'left-over', 'left-over.ts'), '// mine\n');
    const e = refusal('ch15-losses/left-over', [SIG]);
    expect(e.message).toBe('solutions/ch15-losses/left-over/left-over.ts ya existe: dlgrade new no sobrescribe nada');
    expect(existsSync(join(root, 'exercises', 'ch15-losses', 'left-over'))).toBe(false);
  });

  it('a chapter that does not exist, offering the list', () => {
    const e = refusal('ch99-nowhere/x', [SIG]);
    expect(e.message).toBe('el capítulo «ch99-nowhere» no existe en exercises/');
    expect(e.fix).toBe('usa uno de estos: ch07-convolution, ch15-losses');
  });

  it('an invalid id', () => {
    for (const id of ['tversky-loss', 'ch15-losses/Tversky_Loss', 'ch15-losses/a/b', 'losses/tversky', 'ch15-losses/../x', 'ch15-losses/-x']) {
      const e = refusal(id, [SIG]);
      expect(e.message, id).toBe(`«${id}» no es un identificador de ejercicio`);
      expect(e.fix).toContain('<capítulo>/<ejercicio>');
    }
  });

  it('a missing, unparsable or incomplete signature, and a function declared twice', () => {
    expect(refusal('ch15-losses/x-loss', []).fix).toContain('--signature');
    expect(refusal('ch15-losses/x-loss', ['fn(x: number[], k: number: number[]']).message).toMatch(/^la firma «fn\(x: number\[\], k: number: number\[\]» no se puede usar: TypeScript no la entiende \(.+\)$/);
    expect(refusal('ch15-losses/x-loss', ['fn(x: number[], k): number']).message).toMatch(/el parámetro k no tiene tipo$/);
    expect(refusal('ch15-losses/x-loss', ['fn(x: number[])']).message).toMatch(/falta el tipo de retorno$/);
    expect(refusal('ch15-losses/x-loss', ['const x = 1']).message).toMatch(/TypeScript no la entiende/);
    expect(refusal('ch15-losses/x-loss', ['fn(x: number): number; declare const y: number']).message).toMatch(/no es una sola función con nombre$/);
    expect(refusal('ch15-losses/x-loss', ['fn({ a }: { a: number }): number']).message).toMatch(/es un patrón; dale un nombre$/);
    expect(refusal('ch15-losses/x-loss', ['fn(...xs: number[]): number']).message).toMatch(/variádico/);
    expect(refusal('ch15-losses/x-loss', ['fn(x: number): number', 'fn(y: number[]): number']).message).toBe('la función fn aparece en dos --signature');
    expect(existsSync(join(root, 'exercises', 'ch15-losses', 'x-loss'))).toBe(false);
  });

  it('in English with --lang en, and from the command line with exit code 2', async () => {
    expect(refusal('ch99-nowhere/x', [SIG], 'en').message).toBe('chapter "ch99-nowhere" does not exist in exercises/');
    expect(refusal('ch15-losses/x-loss', ['fn(x: number[])'], 'en').message).toMatch(/the return type is missing$/);
    const r = await dlgrade('new', 'ch15-losses/dice-loss', '--signature', SIG, '--root', root, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exercise ch15-losses/dice-loss already exists');
    expect(r.stderr).toContain('choose another name');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('parseSignature', () => {
  it('reads names, optional parameters, generics and return types with the TypeScript compiler', () => {
    expect(parseSignature("conv2d(input: number[][][], kernel: number[][][][], opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' }): number[][][]")).toMatchObject({
      name: 'conv2d',
      params: [
        { name: 'input', kind: 'tensor3', optional: false },
        { name: 'kernel', kind: 'tensor4', optional: false },
        { name: 'opts', kind: 'other', optional: true, type: "{ stride?: number | [number, number]; padding?: 'valid' | 'same' }" },
      ],
      returnType: 'number[][][]',
    });
    expect(parseSignature('export function id<T>(x: T): T')).toMatchObject({ name: 'id', typeParams: '<T>', text: 'id<T>(x: T): T' });
  });
});
