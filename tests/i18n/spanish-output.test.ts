import { stripVTControlCharacters } from 'node:util';
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

// CI=true turns colours on: the words are read without their escapes
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/dlgrade.js'), ...args], { encoding: 'utf8', env: { ...process.env, DLGRADE_LANG: '', ...env } });
  return { ...run, stdout: stripVTControlCharacters(run.stdout ?? ''), stderr: stripVTControlCharacters(run.stderr ?? '') };
};

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

  it("the CLI's errors: assign, regrade, publish, gradebook, collect and the exercise catalog, each with its code and fix", () => {
    const dir = join(root, 'cli-errors');
    mkdirSync(join(dir, 'not-empty'), { recursive: true });
    writeFileSync(join(dir, 'not-empty', 'x'), 'x');
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'roster.csv'), 'github_username,student_id\nana,1\n');
    mkdirSync(join(dir, 'collected'), { recursive: true });
    const cases: [args: string[], code: string, spanish: string][] = [
      [['assign', 'no-such-exercise', '--out', join(dir, 'a')], 'E_EXERCISE_UNKNOWN', 'ningún ejercicio ni capítulo coincide con «no-such-exercise»'],
      [['check', 'conv2dd'], 'E_EXERCISE_UNKNOWN', '¿quisiste decir'],
      [['assign', 'ch07-convolution', '--out', join(dir, 'not-empty')], 'E_IO', 'la carpeta de salida no está vacía'],
      [['assign', 'ch07-convolution', '--out', join(dir, 'b'), '--name', 'no válido'], 'E_OPTION', 'no es un nombre de repositorio válido'],
      [['regrade', join(dir, 'none'), '--out', join(dir, 'r')], 'E_SUBMISSION_DIR', 'la carpeta de entregas recogidas'],
      [['regrade', join(dir, 'collected'), '--out', join(dir, 'r'), '--manifest', join(dir, 'broken.json')], 'E_CONFIG', 'el manifiesto no es JSON válido'],
      [['publish', '--result', join(dir, 'none.json')], 'E_IO', 'no se puede leer el archivo de resultado'],
      [['publish', '--result', join(dir, 'broken.json')], 'E_RESULT_INVALID', 'el archivo de resultado no es JSON válido'],
      [['publish', '--result', join(dir, 'broken.json'), '--repo', 'no-slash'], 'E_OPTION', 'no es válido'],
      [['gradebook', 'merge', join(dir, 'none'), '--csv', join(dir, 'g.csv')], 'E_IO', 'la carpeta de resultados'],
      [['gradebook', 'merge', dir], 'E_OPTION', 'no hay nada que escribir'],
      [['collect', '--roster', join(dir, 'roster.csv'), '--deadline', 'mañana'], 'E_OPTION', 'no es una hora ISO 8601'],
      [['collect', '--roster', join(dir, 'roster.csv'), '--deadline', '2026-10-15T23:59:59Z', '--org', 'o', '--assignment', 'a', '--shard', '3/2'], 'E_OPTION', 'no tiene la forma i/n'],
    ];
    for (const [i, [args, code, spanish]] of cases.entries()) {
      const run = cli(args, { GITHUB_REPOSITORY_OWNER: '', GITHUB_TOKEN: '', NO_COLOR: '1', FORCE_COLOR: '0' });
      const label = args.join(' ');
      expect(run.status, label).toBe(2);
      expect(run.stderr, label).toContain(`dlgrade ${code}`);
      expect(run.stderr, label).toContain(spanish);
      expect(run.stderr, label).toMatch(/\n {2}→ \S/); // the fix
      // Node's own words about a cause («ENOENT: no such file…») are quoted tool output, not ours
      expect(spanishLeaks(run.stderr.replace(/^\s*causa: .*$/gm, '')), label).toEqual([]);
      // and, for a few, the same error in English with --lang en (each run starts a Node: a sample)
      if (i % 4 === 0) {
        const en = cli([...args, '--lang', 'en']).stderr;
        expect(en, label).toContain(`dlgrade ${code}`);
        expect(en, label).not.toContain(spanish);
      }
    }
    expect(cli(['gradebook', 'merge', dir, '--lang', 'en']).stderr).toContain('nothing to write');
  }, 300_000);
});
