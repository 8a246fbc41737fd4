import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentTsconfig } from '../../grader/assign/package-json.ts';
import { findExportLine } from '../../grader/sandbox/compile.ts';
import { clearTrustedSourceFilesForTests, TYPECHECK_OPTIONS, typecheckStudentFile } from '../../grader/typecheck/typecheck.ts';

const ROOT = join(import.meta.dirname, '../..');
const STUB = readFileSync(join(ROOT, 'exercises/ch07-convolution/conv2d/conv2d.ts'), 'utf8');
const SOLUTION = readFileSync(join(ROOT, 'solutions/ch07-convolution/conv2d/conv2d.ts'), 'utf8');
const SIG = "export function conv2d(input: number[][][], kernel: number[][][][], opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' }): number[][][]";

const check = (source: string, lang: 'es' | 'en' = 'es') =>
  typecheckStudentFile({
    source,
    stubSource: STUB,
    fileName: 'conv2d.ts',
    displayPath: 'exercises/ch07-convolution/conv2d/conv2d.ts',
    exports: [{ name: 'conv2d', signature: 'conv2d(input: number[][][], kernel: number[][][][], opts?: …): number[][][]' }],
    exportLine: (name) => findExportLine(source, name),
    lang,
  });

async function diagnostics(source: string, lang: 'es' | 'en' = 'es') {
  const outcome = await check(source, lang);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.diagnostics;
}

describe('the type check of a student file', () => {
  it('finds nothing in the stub or the solution', async () => {
    expect(await diagnostics(STUB)).toEqual([]);
    expect(await diagnostics(SOLUTION)).toEqual([]);
  }, 60_000);

  it('string vs number (TS2322) at its line and column, explained in Spanish, in English with lang en', async () => {
    const source = `${SIG} {\n  let s: number = "0";\n  return [[[s]]];\n}\n`;
    const [d] = await diagnostics(source);
    expect(d).toMatchObject({ file: 'exercises/ch07-convolution/conv2d/conv2d.ts', line: 2, column: 7, code: 2322 });
    expect(d!.message).toMatch(/^TypeScript dice \(TS2322\): «Type 'string' is not assignable to type 'number'\.»$/);
    expect(d!.explanation).toMatch(/tipo distinto del declarado/);
    const [e] = await diagnostics(source, 'en');
    expect(e!.explanation).toMatch(/different type than the one declared/);
  });

  it('possibly undefined (TS18048) and a wrong argument count (TS2554)', async () => {
    const source = `${SIG} {\n  const s = opts.stride;\n  Math.max.call(1);\n  const f = (a: number) => a;\n  f(1, 2);\n  return [[[Number(s)]]];\n}\n`;
    const codes = (await diagnostics(source)).map((d) => [d.code, d.line]);
    expect(codes).toContainEqual([18048, 2]);
    expect(codes).toContainEqual([2554, 5]);
  });

  it('a wrong return type does not match the stub: reported at the export line with the signature', async () => {
    const source = `// mi solución\nexport function conv2d(input: number[][][], kernel: number[][][][]): number[][] {\n  return [[0]];\n}\n`;
    const [d] = await diagnostics(source);
    expect(d).toMatchObject({ line: 2, code: 2322 });
    expect(d!.message).toMatch(/^El tipo de conv2d no coincide con la firma del enunciado/);
    expect(d!.message).toContain('number[][][]');
  });

  it('a missing export is left to the engine (reported there as a missing export)', async () => {
    expect(await diagnostics('export function other(): number { return 1; }\n')).toEqual([]);
  });

  it('refuses /// <reference> and imports, and reads no host file for them', async () => {
    const source = `/// <reference path="/etc/passwd" />\n/// <reference types="node" />\n/// <reference lib="dom" />\nimport { readFileSync } from 'node:fs';\nimport x from '../../../../etc/hosts';\n${SIG} {\n  return [[[readFileSync.length + x]]];\n}\n`;
    const found = await diagnostics(source);
    const messages = found.map((d) => d.message).join('\n');
    expect(messages).toContain('no se permite «/// <reference path="/etc/passwd">»');
    expect(messages).toContain('no se permite «/// <reference types="node">»');
    expect(messages).toContain('no se permite «/// <reference lib="dom">»');
    expect(messages).toContain('no se permite importar "node:fs"');
    expect(messages).toContain('no se permite importar "../../../../etc/hosts"');
    // nothing of /etc/passwd reached the messages
    expect(messages).not.toMatch(/root:|nologin/);
  });

  it('has console but no DOM or Node types', async () => {
    const found = await diagnostics(`${SIG} {\n  console.log(input.length);\n  document.title = "x";\n  process.exit(1);\n  return [];\n}\n`);
    expect(found.map((d) => d.line)).toEqual([3, 4]);
  });

  it('the assignment tsconfig sets the same options', () => {
    const tsconfig = assignmentTsconfig() as { compilerOptions: Record<string, unknown>; include: string[] };
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, lib: ['ES2023'], types: [], noEmit: true });
    expect(tsconfig.compilerOptions['strict']).toBe(TYPECHECK_OPTIONS.strict);
    expect(tsconfig.include).toEqual(['exercises/**/*.ts']);
  });

  it('the trusted files parsed once are used only for the same text: a changed stub is checked anew, and answers equal an uncached check', async () => {
    const source = `${SIG} {\n  return [[["x" as unknown as number]]];\n}\n`;
    const returnsString = `export function conv2d(input: number[][][], kernel: number[][][][], opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' }): string {\n  return '';\n}\n`;
    const run = (stubSource: string, text: string) =>
      typecheckStudentFile({ source: text, stubSource, fileName: 'conv2d.ts', displayPath: 'x/conv2d.ts', exports: [{ name: 'conv2d', signature: 'conv2d(…)' }], exportLine: () => 1, lang: 'en' });
    clearTrustedSourceFilesForTests();
    const first = await run(STUB, returnsString); // uncached
    const again = await run(STUB, returnsString); // the stub's parsed file reused
    expect(first).toMatchObject({ ok: true });
    expect(again.ok && again.diagnostics).toEqual(first.ok && first.diagnostics);
    expect(first.ok && first.diagnostics.some((d) => /signature|firma/i.test(d.message))).toBe(true);
    // the same student file against a stub whose signature now returns string: no mismatch any more
    const stringStub = STUB.replace('): number[][][] {', '): string {').replace(/throw new Error\([^)]*\);/, "return '';");
    expect(stringStub).not.toBe(STUB);
    const changed = await run(stringStub, returnsString);
    expect(changed.ok && changed.diagnostics.filter((d) => /signature|firma/i.test(d.message))).toEqual([]);
    // and back: the first stub's answer again
    const back = await run(STUB, returnsString);
    expect(back.ok && back.diagnostics).toEqual(first.ok && first.diagnostics);
    expect((await run(STUB, source)).ok).toBe(true);
  }, 60_000);
});
