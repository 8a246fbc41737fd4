import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { spanishLeaks } from './english-markers.ts';

/**
 * Spanish output carries no English sentence: a stub, a syntax error, a type error, a timeout and
 * the sample submission, graded with lang es and rendered for the terminal and Markdown; and the
 * CLI's help and errors.
 */
const root = mkdtempSync(join(tmpdir(), 'dlgrade-es-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STUB = readFileSync(join(import.meta.dirname, '../../exercises/ch07-convolution/conv2d/conv2d.ts'), 'utf8');
const SIGNATURE = "export function conv2d(input: number[][][], kernel: number[][][][], opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' }): number[][][]";
const CASES: Record<string, string> = {
  stub: STUB,
  syntax: `${SIGNATURE} {\n  return [[[1]]\n`,
  types: `${SIGNATURE} {\n  let s: number = "0";\n  return [[[s]]];\n}\n`,
  timeout: `${SIGNATURE} {\n  while (true) {}\n}\n`,
  imports: `import { readFileSync } from 'node:fs';\n${SIGNATURE} {\n  return [[[readFileSync.length]]];\n}\n`,
};

function submission(name: string, source: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'ch07-convolution', 'conv2d'), { recursive: true });
  writeFileSync(join(dir, 'ch07-convolution', 'conv2d', 'conv2d.ts'), source);
  return dir;
}

describe('Spanish output has no English sentence', () => {
  for (const [name, source] of Object.entries(CASES)) {
    it(`conv2d: ${name}`, async () => {
      const result = await gradeSubmission({ submissionDir: submission(name, source), exercises: ['ch07-convolution/conv2d'], lang: 'es', runs: 5, concurrency: 1 });
      const text = renderTerminal(result, { color: false, verbose: true }) + renderMarkdown(result);
      expect(spanishLeaks(text)).toEqual([]);
      if (name === 'stub') expect(text).toContain('Sin implementar: conv2d');
      if (name === 'timeout') expect(text).toContain('la llamada tardó más de');
      if (name === 'types') expect(result.exercises[0]!.typeErrors?.[0]).toMatchObject({ line: 2, column: 7, code: 2322 });
      if (name === 'syntax') expect(text).toMatch(/error de sintaxis .*esbuild dice/);
    }, 120_000);
  }

  it('the sample submission', async () => {
    const result = await gradeSubmission({ submissionDir: join(import.meta.dirname, '../fixtures/sample-submission'), exercises: ['ch07-convolution'], lang: 'es', runs: 5, concurrency: 1 });
    expect(spanishLeaks(renderTerminal(result, { color: false, verbose: true }) + renderMarkdown(result))).toEqual([]);
  }, 120_000);

  it('the CLI: --help, a subcommand help and commander errors', () => {
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/dlgrade.js'), ...args], { encoding: 'utf8', env: { ...process.env, DLGRADE_LANG: '', ...env } });
    const help = cli(['--help']).stdout;
    expect(help).toContain('Uso: dlgrade');
    expect(help).toContain('Comandos:');
    const check = cli(['check', '--help']).stdout;
    expect(check).toContain('Opciones:');
    expect(check).toContain('--watch');
    expect(spanishLeaks(check.replace(/^.*(fast-check|TensorFlow\.js|backend).*$/gm, ''))).toEqual([]);
    const unknown = cli(['check', '--watchx']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("opción desconocida '--watchx'");
    expect(unknown.stderr).toContain('¿quisiste decir --watch?');
    expect(cli(['check', '--help', '--lang', 'en']).stdout).toContain('grade each exercise again');
    expect(cli(['list', '--help'], { DLGRADE_LANG: 'en' }).stdout).toContain('Options:');
  }, 300_000);
});
