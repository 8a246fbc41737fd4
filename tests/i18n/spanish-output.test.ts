import { stripVTControlCharacters } from 'node:util';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../grader/cli/main.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { setLang } from '../../grader/i18n/index.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { STICKY_MARKER } from '../../grader/publish/sticky-comment.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { startFakeGitHub } from '../fake-github/server.ts';
import { fixture, HEAD_SHA, publish, seedPushedPull, STARTER_SHA } from '../publish/helpers.ts';
import { spanishLeaks } from './english-markers.ts';

/**
 * Spanish output carries no English sentence: a stub, a syntax error, a type error, a timeout and
 * the sample submission, graded with lang es and rendered for the terminal and Markdown; the CLI's
 * help (every command, listed from the program itself) and errors; publish's log against the test
 * GitHub server; verify's report and a catalog error of a broken exercise.yaml.
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

/** Every command and subcommand of the program, by its path (`gradebook merge`), commander's `help` aside. */
function commandPaths(command: Command, path: string[] = []): string[][] {
  return command.commands.filter((c) => c.name() !== 'help').flatMap((c) => [[...path, c.name()], ...commandPaths(c, [...path, c.name()])]);
}

/** The real CLI, without waiting for it synchronously (the test GitHub server answers in this process). */
function cliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/dlgrade.js'), ...args], { env, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) }));
  });
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
  it("every command's --help, listed from the program itself, in Spanish by default and in English with --lang en", async () => {
    const paths = commandPaths(await buildProgram());
    // the program has more commands than anyone would list by hand, and subcommands
    expect(paths.length).toBeGreaterThanOrEqual(14);
    expect(paths).toContainEqual(['gradebook', 'merge']);
    for (const path of [[], ...paths]) {
      const label = ['dlgrade', ...path].join(' ');
      const es = cli([...path, '--help']);
      expect(es.status, label).toBe(0);
      expect(es.stdout, label).toContain(`Uso: ${label}`);
      // the names of other tools (fast-check, TensorFlow.js) and of GitHub's permissions are theirs
      expect(spanishLeaks(es.stdout), label).toEqual([]);
      const en = cli([...path, '--help', '--lang', 'en']);
      expect(en.stdout, label).toContain(`Usage: ${label}`);
      expect(en.stdout, label).not.toContain('Uso:');
      // the command's own description is translated, not only commander's titles
      const description = (text: string) => text.split('\n\n')[1] ?? '';
      expect(description(en.stdout), label).not.toBe(description(es.stdout));
    }
    // DLGRADE_LANG=en is the same as --lang en
    expect(cli(['demo', '--help'], { DLGRADE_LANG: 'en' }).stdout).toContain('language of the demo');
    expect(cli(['demo', '--help']).stdout).toContain('idioma de la demostración');
  }, 300_000);

  it("publish's log: notes, comments, check run, Classroom 50, rate limits and warnings (with and without Actions)", async () => {
    const gh = await startFakeGitHub();
    const dir = join(root, 'publish');
    mkdirSync(dir, { recursive: true });
    try {
      seedPushedPull(gh);
      // two marker comments (a race) and a 429 with retry-after: the log says both
      gh.addComment(2, `${STICKY_MARKER}\nprimero`);
      gh.addComment(2, `${STICKY_MARKER}\nsegundo`);
      gh.failures.push({ method: 'POST', path: /\/check-runs$/, status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit.' } });
      const inProcess = (await publish(gh, dir, await fixture('mixed.json'), { starterSha: STARTER_SHA })).log.join('\n');
      expect(inProcess).toContain('el repositorio no tiene rama `feedback`');
      expect(inProcess).toMatch(/comentario actualizado en #2 .*encontrado por el commit/);
      expect(inProcess).toContain('tenía 2 comentarios de dlgrade');
      expect(inProcess).toMatch(/GitHub limita las peticiones \(límite secundario\)/);
      expect(inProcess).toMatch(/check run \d+ creado: \d+ anotaciones en/);
      expect(spanishLeaks(inProcess)).toEqual([]);

      // the real CLI: outside Actions (warnings after «aviso:») with a read-only token, then in Actions
      gh.readOnly = true;
      const env = {
        PATH: process.env.PATH ?? '', HOME: dir, DLGRADE_LANG: '', GITHUB_TOKEN: 'ghs_es', GITHUB_API_URL: gh.url, GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`, GITHUB_SHA: HEAD_SHA, GITHUB_RUN_ID: '77', GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      };
      const result = join(INSTALL_ROOT, 'tests/fixtures/results/mixed.json');
      const args = ['publish', '--result', result, '--out-dir', dir, '--manifest', join(dir, 'none.json')];
      const plain = await cliAsync(args, env);
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stdout).toMatch(/^aviso: Comentar en #2 falló \(403/m);
      expect(plain.stdout).toMatch(/^escrito: .*dlgrade-junit\.xml.*resumen del job$/m);
      expect(plain.stdout).toMatch(/^sin result\.json de Classroom 50: faltan CLASSROOM, ASSIGNMENT, SUBMISSION_TAG/m);
      expect(plain.stdout).toMatch(/^publicado con avisos: 7\.5 \/ 15$/m);
      // GitHub's own words are quoted («Resource not accessible by integration»)
      expect(spanishLeaks(plain.stdout)).toEqual([]);
      // in Actions the workflow command keeps its syntax; the words after it are Spanish (the detector
      // skips whatever follows «dlgrade» on a line, so the command's prefix is taken off first)
      const actions = await cliAsync(args, { ...env, GITHUB_ACTIONS: 'true' });
      expect(actions.stdout).toMatch(/^::warning title=dlgrade publish::Comentar en #2 falló \(403/m);
      expect(spanishLeaks(actions.stdout.replace(/^::warning title=dlgrade publish::/gm, ''))).toEqual([]);
      const dry = await cliAsync([...args, '--dry-run'], env);
      expect(dry.stdout).toContain('--dry-run: no se envía nada a GitHub');
      expect(spanishLeaks(dry.stdout)).toEqual([]);
      // the same run in English with --lang en
      const en = await cliAsync([...args, '--lang', 'en'], env);
      expect(en.stdout).toMatch(/^warning: Commenting on #2 failed \(403/m);
      expect(en.stdout).toMatch(/^published with warnings: 7\.5 \/ 15$/m);
    } finally {
      await gh.close();
    }
  }, 120_000);

  it('verify and list on a course whose exercise.yaml is malformed: the catalog error, through the CLI', async () => {
    const course = join(root, 'course');
    const CH = 'ch01-intro-ml';
    cpSync(join(INSTALL_ROOT, 'exercises', CH, 'chapter.yaml'), join(course, 'exercises', CH, 'chapter.yaml'));
    for (const name of ['confusion-matrix', 'roc-auc']) {
      cpSync(join(INSTALL_ROOT, 'exercises', CH, name), join(course, 'exercises', CH, name), { recursive: true });
      cpSync(join(INSTALL_ROOT, 'solutions', CH, name), join(course, 'solutions', CH, name), { recursive: true });
      cpSync(join(INSTALL_ROOT, 'reference', CH, `${name}.ts`), join(course, 'reference', CH, `${name}.ts`));
    }
    symlinkSync(join(INSTALL_ROOT, 'grader'), join(course, 'grader'));
    symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(course, 'node_modules'));
    writeFileSync(join(course, 'package.json'), '{ "type": "module", "private": true }\n');
    const yaml = join(course, 'exercises', CH, 'roc-auc', 'exercise.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^runs: \d+$/m, 'runs: many'));
    rmSync(join(course, 'exercises', CH, 'confusion-matrix', 'README.en.md'));

    // verify grades nothing for an exercise that does not load: only its catalog check
    const verify = cli(['verify', `${CH}/roc-auc`, `${CH}/confusion-matrix`, '--root', course]);
    expect(verify.status, verify.stderr).toBe(1);
    expect(verify.stdout).toMatch(/✘ ch01-intro-ml\/roc-auc\n {2}✘ catálogo: no se ha cargado: exercises\/ch01-intro-ml\/roc-auc\/exercise\.yaml \[runs\]/);
    expect(verify.stdout).toMatch(/✘ catálogo: no se ha cargado: .*falta: el enunciado en inglés/);
    expect(verify.stdout).toMatch(/verify .*0 de 2 ejercicios correctos; fallan: /);
    expect(spanishLeaks(verify.stdout)).toEqual([]);
    const verifyEn = cli(['verify', `${CH}/roc-auc`, '--root', course, '--lang', 'en']);
    expect(verifyEn.stdout).toMatch(/✘ catalog: not loaded: exercises\/ch01-intro-ml\/roc-auc\/exercise\.yaml \[runs\]/);
    expect(verifyEn.stdout).toMatch(/0 of 1 exercise/);

    const list = cli(['list', '--root', course]);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('exercises/ch01-intro-ml/roc-auc/exercise.yaml [runs]: tiene que ser de tipo integer');
    expect(spanishLeaks(list.stdout)).toEqual([]);
  }, 300_000);
});
