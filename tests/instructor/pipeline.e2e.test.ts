/**
 * The instructor pipeline end to end, with the real commands chained through their CLI against the
 * fake GitHub organisation and local bare git repositories standing for GitHub's:
 *
 *   assign --github-org → provision --apply → students clone, commit and push with git →
 *   collect --deadline → regrade (SIGINT halfway, then resumed) → gradebook merge (CSV, JSON, HTML)
 *
 * Four students: ana (the solution), luis (a buggy fixture: partial marks), marta (the solution, and
 * an edited workflow and package.json: tampering) and pedro (a buggy version on time, then the
 * solution in a commit dated before the deadline but pushed after it: late, and graded on the
 * version pushed on time). One small exercise and few runs, so it stays well under three minutes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssignmentManifest } from '../../grader/assign/manifest.ts';
import { main } from '../../grader/cli/main.ts';
import type { CollectRecord } from '../../grader/collect/collect.ts';
import type { Gradebook } from '../../grader/gradebook/model.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { parseCsv } from '../../grader/provision/roster.ts';
import type { RegradeFile } from '../../grader/regrade/result-file.ts';
import { startFakeGitHubOrg, type FakeGitHubOrg } from '../fake-github/org.ts';
import { GRADER_PACKAGE, TOKEN } from './helpers.ts';

const ORG = 'curso-dl';
const NAME = 'dice-loss';
const EXERCISE = 'ch15-losses/dice-loss';
const FILE = 'exercises/ch15-losses/dice-loss/dice-loss.ts';
const WORKFLOW = '.github/workflows/dlgrade.yml';
const DEADLINE = '2026-10-15T23:59:59Z';
const RUNS = 5;
const STUDENTS = ['ana', 'luis', 'marta', 'pedro'] as const;
type Student = (typeof STUDENTS)[number];

const SOLUTION = join(INSTALL_ROOT, 'solutions', EXERCISE, 'dice-loss.ts');
const BUGGY = join(INSTALL_ROOT, 'tests/fixtures/buggy', EXERCISE, 'per-pixel-mean.ts');
const BUGGY_LATE = join(INSTALL_ROOT, 'tests/fixtures/buggy', EXERCISE, 'squared-denominator.ts');

const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-pipeline-'));
const path = (...p: string[]): string => join(tmp, ...p);
const bareOf = (name: string): string => path('github', ORG, `${name}.git`);
const templateDir = path('template');
const manifestPath = join(templateDir, '.dlgrade', 'manifest.json');
const collected = path('collected');
const results = path('results');
const roster = path('roster.csv');
const tokenFile = path('token');

let gh: FakeGitHubOrg;
/** the commit each student pushed on time (graded) and, for pedro, the one pushed late */
const onTime = {} as Record<Student, string>;
let pedroLate = '';

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Alumna', '-c', 'user.email=alumna@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = (chunk: string | Uint8Array): boolean => ((out += String(chunk)), true);
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(write);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(write);
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'dlgrade', ...args]);
    return { code, out };
  } finally {
    so.mockRestore();
    se.mockRestore();
    process.exitCode = undefined;
  }
}

/** `node bin/dlgrade.js regrade …` as a child process. */
function regradeProcess(): { child: ReturnType<typeof spawn>; exited: Promise<number | null>; output: () => string } {
  const args = ['bin/dlgrade.js', 'regrade', collected, '--out', results, '--manifest', manifestPath, '--roster', roster, '--runs', String(RUNS), '--concurrency', '1'];
  const child = spawn(process.execPath, args, { cwd: INSTALL_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const resultFiles = (): string[] => (existsSync(results) ? readdirSync(results).filter((f) => f.endsWith('.json')).sort() : []);

/**
 * What GitHub does when provision generates a repository from the template: a bare repository on
 * disk (the fake's clone_url) holding one squashed commit of the template's tree (the starter), then
 * the commits provision made through the contents API (the manifest and workflow it rewrote), and
 * the push of that head recorded in the repository's activity.
 */
function materialiseStudentRepo(user: Student): void {
  const repo = gh.repo(ORG, `${NAME}-${user}`)!;
  const bare = bareOf(`${NAME}-${user}`);
  const work = path('generated', user);
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', bare]);
  git(tmp, ['clone', '--quiet', '--branch', 'main', bareOf(NAME), work]);
  rmSync(join(work, '.git'), { recursive: true, force: true });
  git(work, ['init', '--quiet']);
  git(work, ['add', '-A']);
  git(work, ['commit', '--quiet', '-m', 'Initial commit']);
  git(work, ['push', '--quiet', bare, 'main:feedback']);
  for (const file of ['.dlgrade/manifest.json', WORKFLOW]) writeFileSync(join(work, file), repo.files.get(file)!);
  git(work, ['add', '-A']);
  git(work, ['commit', '--quiet', '-m', 'dlgrade provision: starter commit']);
  git(work, ['push', '--quiet', bare, 'main']);
  gh.recordPush(repo, git(work, ['rev-parse', 'HEAD']), { timestamp: '2026-09-01T12:00:00Z', actor: 'profesora' });
}

/** A student's clone of their repository; `submit` commits and pushes with git and records the push as GitHub would. */
function studentClone(user: Student): { work: string; submit: (files: Record<string, string>, pushedAt: string, committedAt?: string) => string } {
  const work = path('clones', user);
  git(tmp, ['clone', '--quiet', `file://${bareOf(`${NAME}-${user}`)}`, work]);
  return {
    work,
    submit: (files, pushedAt, committedAt) => {
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(dirname(join(work, file)), { recursive: true });
        writeFileSync(join(work, file), content);
      }
      git(work, ['add', '-A']);
      git(work, ['commit', '--quiet', '-m', 'entrega'], committedAt ? { GIT_AUTHOR_DATE: committedAt, GIT_COMMITTER_DATE: committedAt } : {});
      git(work, ['push', '--quiet', 'origin', 'main']);
      const sha = git(work, ['rev-parse', 'HEAD']);
      gh.recordPush(gh.repo(ORG, `${NAME}-${user}`)!, sha, { timestamp: pushedAt, actor: user });
      return sha;
    },
  };
}

beforeAll(async () => {
  gh = await startFakeGitHubOrg({ org: ORG });
  gh.cloneUrlFor = (owner, name) => `file://${join(tmp, 'github', owner, `${name}.git`)}`;
  mkdirSync(path('github', ORG), { recursive: true });
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', bareOf(NAME)]);
  writeFileSync(tokenFile, `${TOKEN}\n`);
  writeFileSync(roster, `github_username,student_id,name,email\n${STUDENTS.map((u, i) => `${u},A${i + 1},${u},`).join('\n')}\n`);
  for (const u of STUDENTS) gh.users.add(u);
}, 60_000);

afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the instructor pipeline, end to end', () => {
  it('1. assign: one exercise, created in the organisation as a template and pushed', async () => {
    const { code, out } = await cli(['assign', EXERCISE, '--name', NAME, '--out', templateDir, '--no-lockfile', '--grader-package', GRADER_PACKAGE, '--github-org', ORG, '--api-url', gh.url, '--token-file', tokenFile]);
    expect(code, out).toBe(0);
    expect(out).not.toContain(TOKEN);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as AssignmentManifest;
    expect(manifest.exercises.map((e) => [e.id, e.file])).toEqual([[EXERCISE, FILE]]);
    expect(manifest.protected.map((p) => p.path)).toContain(WORKFLOW);
    expect(manifest.protected.map((p) => p.path)).toContain('package.json');
    expect(git(tmp, ['--git-dir', bareOf(NAME), 'rev-parse', 'feedback'])).toBe(manifest.starterCommit);
    const template = gh.repo(ORG, NAME)!;
    expect(template.isTemplate).toBe(true);
    // what GitHub now serves from the template's default branch
    const bare = bareOf(NAME);
    for (const file of ['.dlgrade/manifest.json', WORKFLOW]) template.files.set(file, execFileSync('git', ['--git-dir', bare, 'show', `main:${file}`], { encoding: 'utf8' }));
    template.branches.set('main', git(tmp, ['--git-dir', bare, 'rev-parse', 'main']));
  }, 120_000);

  it('2. provision --apply: one repository per student, generated from the template', async () => {
    const { code, out } = await cli(['provision', '--template', `${ORG}/${NAME}`, '--roster', roster, '--org', ORG, '--api-url', gh.url, '--token-file', tokenFile, '--apply']);
    expect(code, out).toBe(0);
    expect(out).not.toContain(TOKEN);
    for (const u of STUDENTS) {
      expect(out).toMatch(new RegExp(`✔ ${u} → ${ORG}/${NAME}-${u}: creado`));
      const repo = gh.repo(ORG, `${NAME}-${u}`)!;
      const starter = repo.branches.get('feedback')!;
      expect(repo.files.get(WORKFLOW)).toContain(starter);
      expect(repo.pulls).toHaveLength(1);
      materialiseStudentRepo(u);
    }
  }, 120_000);

  it('3. the students clone their repositories, commit and push', () => {
    const solution = readFileSync(SOLUTION, 'utf8');
    onTime.ana = studentClone('ana').submit({ [FILE]: solution }, '2026-10-14T10:00:00Z');
    onTime.luis = studentClone('luis').submit({ [FILE]: readFileSync(BUGGY, 'utf8') }, '2026-10-15T12:00:00Z');
    const marta = studentClone('marta');
    const workflow = readFileSync(join(marta.work, WORKFLOW), 'utf8');
    const pkg = JSON.parse(readFileSync(join(marta.work, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts['test'] = 'echo 100/100';
    onTime.marta = marta.submit({ [FILE]: solution, [WORKFLOW]: `${workflow}# nota: 100/100\n`, 'package.json': JSON.stringify(pkg, null, 2) + '\n' }, '2026-10-15T18:00:00Z');
    const pedro = studentClone('pedro');
    onTime.pedro = pedro.submit({ [FILE]: readFileSync(BUGGY_LATE, 'utf8') }, '2026-10-13T09:00:00Z');
    // dated before the deadline by the student's machine, received by GitHub after it
    pedroLate = pedro.submit({ [FILE]: solution }, '2026-10-16T08:30:00Z', '2026-10-15T22:00:00Z');
    expect(git(pedro.work, ['log', '-1', '--format=%cI'])).toMatch(/^2026-10-15T22:00:00/);
    expect(new Set(Object.values(onTime)).size).toBe(4);
  });

  it('4. collect --deadline: the last commit pushed on time, by GitHub’s push record', async () => {
    const { code, out } = await cli(['collect', '--roster', roster, '--deadline', DEADLINE, '--org', ORG, '--assignment', NAME, '--out', collected, '--api-url', gh.url, '--token-file', tokenFile]);
    expect(code, out).toBe(0);
    expect(out).not.toContain(TOKEN);
    for (const u of STUDENTS) {
      const record = JSON.parse(readFileSync(join(collected, u, 'collect.json'), 'utf8')) as CollectRecord;
      expect(record).toMatchObject({ username: u, status: 'collected', sha: onTime[u], repo: `${ORG}/${NAME}-${u}` });
      expect(git(join(collected, u), ['rev-parse', 'HEAD'])).toBe(onTime[u]);
    }
    const pedro = JSON.parse(readFileSync(join(collected, 'pedro', 'collect.json'), 'utf8')) as CollectRecord;
    expect(pedro).toMatchObject({ sha: onTime.pedro, pushed_at: '2026-10-13T09:00:00Z', late_pushes: { count: 1, last_pushed_at: '2026-10-16T08:30:00Z', last_sha: pedroLate } });
    expect(readFileSync(join(collected, 'pedro', FILE), 'utf8')).toBe(readFileSync(BUGGY_LATE, 'utf8'));
    for (const u of ['ana', 'luis', 'marta'] as const) expect(JSON.parse(readFileSync(join(collected, u, 'collect.json'), 'utf8')).late_pushes.count).toBe(0);
  }, 120_000);

  it('5. regrade: interrupted with SIGINT after the first result, then resumed; nothing written is redone', async () => {
    const first = regradeProcess();
    const deadline = Date.now() + 120_000;
    while (resultFiles().length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    first.child.kill('SIGINT');
    expect(await first.exited, first.output()).toBe(130);
    expect(first.output()).toMatch(/interrumpido/);
    const before = resultFiles();
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.length, 'the run was not interrupted halfway').toBeLessThan(STUDENTS.length);
    expect(readdirSync(results).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const mtimes = new Map(before.map((f) => [f, statSync(join(results, f)).mtimeMs]));
    const contents = new Map(before.map((f) => [f, readFileSync(join(results, f), 'utf8')]));

    const second = regradeProcess();
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toContain(before.length === 1 ? '1 omitido (ya corregido)' : `${before.length} omitidos (ya corregidos)`);
    for (const [f, m] of mtimes) {
      expect(statSync(join(results, f)).mtimeMs).toBe(m);
      expect(readFileSync(join(results, f), 'utf8')).toBe(contents.get(f));
    }
    expect(resultFiles()).toEqual(STUDENTS.map((u) => `${u}.json`));
    for (const u of STUDENTS) {
      const file = JSON.parse(readFileSync(join(results, `${u}.json`), 'utf8')) as RegradeFile;
      expect(file).toMatchObject({ username: u, status: 'graded', sha: onTime[u] });
      expect(file.result?.commit).toBe(onTime[u]);
    }
  }, 150_000);

  it('6. gradebook merge: marks, late and tamper flags in the JSON and CSV; the HTML names everyone', async () => {
    const { code, out } = await cli(['gradebook', 'merge', results, '--csv', path('gradebook.csv'), '--json', path('gradebook.json'), '--html', path('report.html')]);
    expect(code, out).toBe(0);
    const book = JSON.parse(readFileSync(path('gradebook.json'), 'utf8')) as Gradebook;
    expect(book.exercises.map((e) => e.id)).toEqual([EXERCISE]);
    const row = Object.fromEntries(book.students.map((s) => [s.username, s]));
    expect(Object.keys(row).sort()).toEqual([...STUDENTS]);

    expect(row['ana']).toMatchObject({ status: 'graded', sha: onTime.ana, percentage: 100, late: false, tampered: false, errors: [] });
    expect(row['ana']!.total).toBe(row['ana']!.max);
    expect(row['ana']!.max).toBeGreaterThan(0);

    expect(row['luis']).toMatchObject({ late: false, tampered: false });
    expect(row['luis']!.total).toBeLessThan(row['luis']!.max);

    // the tamperer is graded on the exercise file alone: full marks, and the flag
    expect(row['marta']).toMatchObject({ late: false, tampered: true, percentage: 100 });
    expect(row['marta']!.tamperFiles).toContain(`${WORKFLOW} (modified)`);
    expect(row['marta']!.tamperFiles).toContain('package.json (modified)');

    // the late commit (the solution) was not graded: the version pushed on time was
    expect(row['pedro']).toMatchObject({ late: true, latePushes: 1, tampered: false, sha: onTime.pedro });
    expect(row['pedro']!.total).toBeLessThan(row['pedro']!.max);

    for (const u of ['ana', 'luis', 'pedro']) expect(row[u]!.tamperFiles).toEqual([]);
    expect(book.students.filter((s) => s.late).map((s) => s.username)).toEqual(['pedro']);
    expect(book.students.filter((s) => s.tampered).map((s) => s.username)).toEqual(['marta']);

    const rows = parseCsv(readFileSync(path('gradebook.csv'), 'utf8')).map((r) => r.fields);
    expect(rows[0]).toEqual(['username', 'student_id', EXERCISE, 'total', 'max', 'percentage', 'late', 'tampered', 'errors', 'status', 'grader_error', 'weak_sandbox']);
    const csv = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(csv['ana']).toEqual(['ana', 'A1', String(row['ana']!.total), String(row['ana']!.total), String(row['ana']!.max), '100', 'no', 'no', '', 'graded', 'no', '']);
    expect(csv['luis']!.slice(6, 8)).toEqual(['no', 'no']);
    expect(csv['marta']!.slice(6, 8)).toEqual(['no', 'sí']);
    expect(csv['marta']![8]).toContain(WORKFLOW);
    expect(csv['pedro']!.slice(6, 8)).toEqual(['sí', 'no']);
    expect(Number(csv['luis']![3])).toBeLessThan(Number(csv['luis']![4]));
    expect(Number(csv['pedro']![3])).toBeLessThan(Number(csv['pedro']![4]));

    const html = readFileSync(path('report.html'), 'utf8');
    for (const u of STUDENTS) expect(html).toContain(u);
  }, 60_000);
});
