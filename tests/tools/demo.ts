/**
 * `npm run demo` / `dlgrade demo`: the whole instructor flow rehearsed on this machine, against the
 * project's GitHub test server (tests/fake-github/org.ts, the one the tests use) on 127.0.0.1 and
 * local bare git repositories standing for GitHub's:
 *
 *   assign --github-org → provision --apply → the students push with git → collect --deadline →
 *   regrade → gradebook merge
 *
 * Each step prints the command it runs (the same one, with a real organisation's --api-url and token,
 * works against GitHub) and its output, and the gradebook at the end. Three students: ana pushes the
 * solution, luis a buggy version, marta never pushes (sin entrega). Nothing leaves the machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../grader/cli/main.ts';
import type { Gradebook } from '../../grader/gradebook/model.ts';
import { INSTALL_ROOT, toolVersion } from '../../grader/paths.ts';
import { gitHost } from '../fake-github/git-host.ts';
import { startFakeGitHubOrg } from '../fake-github/org.ts';

export const DEMO_ORG = 'curso-demo';
export const DEMO_EXERCISE = 'ch15-losses/dice-loss';
export const DEMO_ASSIGNMENT = 'tarea-dice';
export const DEMO_STUDENTS = ['ana', 'luis', 'marta'] as const;
const FILE = 'exercises/ch15-losses/dice-loss/dice-loss.ts';
const PROVISIONED_FILES = ['.dlgrade/manifest.json', '.github/workflows/dlgrade.yml'];
const DEADLINE = '2026-10-15T23:59:59Z';
/** a token for the fake server (it only checks that one is sent) */
const TOKEN = 'ghs_demoTokenForTheLocalFakeGitHub000';

export interface DemoOptions {
  /** working folder (default: a new temporary folder, removed at the end unless keep) */
  dir?: string;
  keep?: boolean;
  /** cases per property in regrade (default 20: quick, and enough to tell the buggy version apart) */
  runs?: number;
  lang?: 'es' | 'en';
  print?: (line: string) => void;
}

export interface DemoResult {
  dir: string;
  gradebook: Gradebook;
  /** the files the demo leaves (when kept) */
  files: { csv: string; json: string; html: string };
  /** what the test server found wrong in the requests and responses against GitHub's OpenAPI description (none expected) */
  violations: string[];
}

const WORDS = {
  es: {
    intro: (url: string, dir: string) => `Ensayo local del flujo del profesor: GitHub de pruebas en ${url}, repositorios git en ${dir}`,
    step: (i: number, n: number, what: string) => `\n▶ ${i}/${n} ${what}`,
    steps: ['assign: la plantilla de la tarea, creada en la organización', 'provision: un repositorio por estudiante', 'los estudiantes hacen push (ana: la solución; luis: una versión con un fallo; marta: nada)', 'collect: el último commit recibido antes del plazo', 'regrade: la nota oficial de cada estudiante', 'gradebook: las notas de la clase'],
    failed: (step: string, code: number) => `el paso «${step}» terminó con el código ${code}`,
    table: ['estudiante', 'nota', '%', 'estado'],
    status: { graded: 'corregido', 'no-submission': 'sin entrega', error: 'error' } as Record<string, string>,
    files: (dir: string) => `Ficheros: ${dir} (gradebook.csv, gradebook.json, informe.html)`,
    removed: 'Carpeta temporal borrada (usa --keep para conservarla).',
    next: 'Con una organización real: los mismos comandos sin --api-url, con GITHUB_TOKEN (docs/instructors.md).',
  },
  en: {
    intro: (url: string, dir: string) => `Local rehearsal of the instructor flow: test GitHub at ${url}, git repositories in ${dir}`,
    step: (i: number, n: number, what: string) => `\n▶ ${i}/${n} ${what}`,
    steps: ['assign: the assignment template, created in the organisation', 'provision: one repository per student', 'the students push (ana: the solution; luis: a buggy version; marta: nothing)', 'collect: the last commit received before the deadline', 'regrade: each student’s mark of record', 'gradebook: the class’s marks'],
    failed: (step: string, code: number) => `the step "${step}" ended with code ${code}`,
    table: ['student', 'score', '%', 'status'],
    status: { graded: 'graded', 'no-submission': 'no submission', error: 'error' } as Record<string, string>,
    files: (dir: string) => `Files: ${dir} (gradebook.csv, gradebook.json, informe.html)`,
    removed: 'Temporary folder removed (use --keep to keep it).',
    next: 'With a real organisation: the same commands without --api-url, with GITHUB_TOKEN (docs/instructors.md).',
  },
};

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const lang = options.lang ?? 'es';
  const w = WORDS[lang];
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'dlgrade-demo-'));
  mkdirSync(dir, { recursive: true });
  const at = (...p: string[]): string => join(dir, ...p);
  const gh = await startFakeGitHubOrg({ org: DEMO_ORG });
  const host = gitHost(gh, dir);
  for (const u of DEMO_STUDENTS) gh.users.add(u);
  const tokenFile = at('token');
  writeFileSync(tokenFile, `${TOKEN}\n`);
  const roster = at('roster.csv');
  writeFileSync(roster, `github_username,student_id,name,email\n${DEMO_STUDENTS.map((u, i) => `${u},A00${i + 1},${u[0]!.toUpperCase()}${u.slice(1)},${u}@example.com`).join('\n')}\n`);
  const api = ['--api-url', gh.url, '--token-file', tokenFile];
  const files = { csv: at('gradebook.csv'), json: at('gradebook.json'), html: at('informe.html') };
  const show = (p: string): string => (p.startsWith(dir) ? relative(dir, p) || '.' : p);
  const total = w.steps.length;
  let index = 0;
  const step = async (args: string[]): Promise<void> => {
    print(`$ dlgrade ${args.map((a) => (a.startsWith(dir) ? show(a) : a)).join(' ')}`);
    process.exitCode = undefined;
    const code = await main(['node', 'dlgrade', ...args]);
    process.exitCode = undefined;
    if (code !== 0) throw new Error(w.failed(w.steps[index - 1]!, code));
  };
  const heading = (): void => print(w.step(++index, total, w.steps[index - 1]!));
  try {
    print(w.intro(gh.url, dir));
    heading();
    const template = at('plantilla');
    await step(['assign', DEMO_EXERCISE, '--name', DEMO_ASSIGNMENT, '--out', template, '--lang', lang, '--no-lockfile', '--grader-package', `dlgrade@${toolVersion()}`, '--github-org', DEMO_ORG, ...api]);
    host.publishTemplate(DEMO_ASSIGNMENT, PROVISIONED_FILES);

    heading();
    await step(['provision', '--template', `${DEMO_ORG}/${DEMO_ASSIGNMENT}`, '--roster', roster, '--org', DEMO_ORG, '--apply', '--lang', lang, '--concurrency', '3', ...api]);

    heading();
    const solution = readFileSync(join(INSTALL_ROOT, 'solutions', DEMO_EXERCISE, 'dice-loss.ts'), 'utf8');
    const buggy = readFileSync(join(INSTALL_ROOT, 'tests/fixtures/buggy', DEMO_EXERCISE, 'per-pixel-mean.ts'), 'utf8');
    const ana = host.clone(`${DEMO_ASSIGNMENT}-ana`, 'ana').submit({ [FILE]: solution }, '2026-10-14T10:00:00Z');
    print(`  ana:   git push → ${ana.slice(0, 12)} (${FILE})`);
    const luis = host.clone(`${DEMO_ASSIGNMENT}-luis`, 'luis').submit({ [FILE]: buggy }, '2026-10-15T12:00:00Z');
    print(`  luis:  git push → ${luis.slice(0, 12)} (${FILE})`);
    print('  marta: —');

    heading();
    const collected = at('recogidos');
    await step(['collect', '--roster', roster, '--deadline', DEADLINE, '--org', DEMO_ORG, '--assignment', DEMO_ASSIGNMENT, '--out', collected, '--lang', lang, ...api]);

    heading();
    const results = at('resultados');
    await step(['regrade', collected, '--out', results, '--manifest', join(template, '.dlgrade', 'manifest.json'), '--roster', roster, '--runs', String(options.runs ?? 20), '--concurrency', '2', '--lang', lang]);

    heading();
    await step(['gradebook', 'merge', results, '--csv', files.csv, '--json', files.json, '--html', files.html]);
    const gradebook = JSON.parse(readFileSync(files.json, 'utf8')) as Gradebook;
    print('');
    print(renderTable(gradebook, w.table, w.status));
    print('');
    if (options.keep === true || options.dir !== undefined) print(w.files(dir));
    print(w.next);
    return { dir, gradebook, files, violations: [...gh.violations] };
  } finally {
    await gh.close();
    if (options.keep !== true && options.dir === undefined) {
      rmSync(dir, { recursive: true, force: true });
      print(w.removed);
    }
  }
}

function renderTable(book: Gradebook, header: string[], status: Record<string, string>): string {
  const rows = book.students.map((s) => [s.username, s.status === 'graded' ? `${s.total}/${s.max}` : '—', s.status === 'graded' ? String(s.percentage) : '—', status[s.status] ?? s.status]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const lang = args.includes('--lang') && args[args.indexOf('--lang') + 1] === 'en' ? 'en' : 'es';
  runDemo({ lang, keep: args.includes('--keep') }).then(
    () => undefined,
    (error: unknown) => {
      process.stderr.write(`dlgrade demo: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
