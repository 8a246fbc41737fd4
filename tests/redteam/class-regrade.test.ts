/**
 * Red team, class level: a `dlgrade regrade` of a collected folder (the real CLI, in per-student
 * workers, the real sandbox) with two honest students and hostile ones who speak the grader's
 * channel protocol themselves, flood or garble it, throw and return poisoned values, mutate their
 * arguments after returning, print fake reports, workflow commands, ANSI, bidi and HTML, and
 * commit files whose names carry the same. Then `dlgrade gradebook merge` of the results.
 *
 * Containment: every student has a result file; honest students get full marks; every hostile
 * dice-loss scores 0 (or the honest score, for the one whose code is right but whose file names
 * are hostile); no grader error is charged to (or claimed by) a hostile student; the grader's
 * secret appears in no output; no line of output can run a workflow command; no raw escape, bidi
 * control or HTML from a student reaches the terminal, the HTML class report or its Markdown.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import type { RegradeFile } from '../../grader/regrade/result-file.ts';
import { missingWalls, probeIsolation } from '../../grader/sandbox/isolation.ts';
import { addStudent, makeAssignment, type Assignment } from '../instructor/regrade-class.ts';
import { expectNoWorkflowCommand, expectPrintable, outsideFences, REDTEAM_DIR, SECRET } from './helpers.ts';

vi.setConfig({ testTimeout: 900_000, hookTimeout: 900_000 });

const ID = 'ch15-losses/dice-loss';
const defs = selectExercises(loadCatalog(), [ID]);
const def = defs[0]!;
const HONEST = ['ana', 'beto'];
const HOSTILE: Record<string, string> = {
  forja: 'fd3-forge.ts',
  riada: 'fd3-flood.ts',
  basura: 'fd3-garbage.ts',
  veneno: 'poisoned-values.ts',
  mutante: 'async-mutation.ts',
  salida: 'output-injection.ts',
};
/** right answers, hostile file names: full marks on the exercise, tampering recorded */
const NAMES = 'nombres';
const HOSTILE_NAME = 'x\n::error::REDTEAM-name\u001b[31m\u202e<img src=x onerror=alert(1)>`|<b>.yml';

let assignment: Assignment;
let root: string;
let out: string;
let regradeRun: { status: number | null; stdout: string; stderr: string };
let mergeRun: { status: number | null; stdout: string; stderr: string };
let html = '';
let markdown = '';
let csv = '';
const read = (user: string): RegradeFile => JSON.parse(readFileSync(join(out, `${user}.json`), 'utf8')) as RegradeFile;

beforeAll(() => {
  assignment = makeAssignment(defs);
  root = mkdtempSync(join(tmpdir(), 'dlgrade-redteam-class-'));
  const collected = join(root, 'collected');
  out = join(root, 'results');
  let i = 0;
  for (const username of HONEST) addStudent(collected, assignment, { username }, i++);
  for (const [username, fixture] of Object.entries(HOSTILE)) addStudent(collected, assignment, { username, answers: { [ID]: { fixture: join(REDTEAM_DIR, fixture) } } }, i++);
  addStudent(collected, assignment, { username: NAMES }, i++);
  // an added workflow and a symbolic link whose names carry workflow commands, ANSI, bidi and HTML
  mkdirSync(join(collected, NAMES, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(collected, NAMES, '.github', 'workflows', HOSTILE_NAME), 'on: push\n');
  symlinkSync('/etc/passwd', join(collected, NAMES, 'exercises', def.chapter, HOSTILE_NAME));
  const env = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_TOKEN: SECRET, DLGRADE_TEST_SECRET: SECRET, FORCE_COLOR: '0' };
  const weak = missingWalls(probeIsolation().info).length > 0 ? ['--allow-weak-sandbox'] : [];
  const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'regrade', collected, '--out', out, '--manifest', assignment.manifestPath, '--runs', '3', '--concurrency', '2', ...weak], {
    cwd: INSTALL_ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  regradeRun = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  const m = spawnSync(
    process.execPath,
    ['bin/dlgrade.js', 'gradebook', 'merge', out, '--csv', join(root, 'book.csv'), '--html', join(root, 'book.html'), '--markdown', join(root, 'book.md'), '--json', join(root, 'book.json')],
    { cwd: INSTALL_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  mergeRun = { status: m.status, stdout: m.stdout, stderr: m.stderr };
  const maybe = (file: string): string => {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch {
      return '';
    }
  };
  html = maybe('book.html');
  markdown = maybe('book.md');
  csv = maybe('book.csv');
});

afterAll(() => {
  if (process.env['REDTEAM_KEEP']) return;
  rmSync(root, { recursive: true, force: true });
  rmSync(assignment.dir, { recursive: true, force: true });
});

describe('red team: a class regrade through the CLI with hostile students among honest ones', () => {
  it('writes every result; honest students get full marks', () => {
    expect(regradeRun.stderr + regradeRun.stdout).not.toMatch(/at .*\.ts:\d+:\d+\)/); // no grader stack trace
    for (const user of [...HONEST, NAMES]) {
      const file = read(user);
      expect(file.status, `${user}: ${file.errors.join('; ')}`).toBe('graded');
      const e = file.result!.exercises[0]!;
      if (user === NAMES) continue;
      expect(file.result!.score, `${user}: ${JSON.stringify(e.properties.filter((p) => p.status !== 'pass'))}`).toBe(file.result!.maxScore);
    }
  });

  it.each(Object.entries(HOSTILE))('%s (%s) scores 0 for dice-loss, graded as the student’s own failure (no grader error)', (user) => {
    const file = read(user);
    expect(file.status, `${user}: ${file.errors.join('; ')}`).toBe('graded');
    expect(file.graderError ?? false).toBe(false);
    const e = file.result!.exercises[0]!;
    expect(e.score, JSON.stringify(e.properties.map((p) => [p.name, p.status, p.message]))).toBe(0);
    expect(e.reason).not.toBe('grader-error');
    for (const p of e.properties) expect(p.status === 'error' && p.function !== undefined ? `${p.name}: ${p.message}` : '').toBe('');
  });

  it('records the hostile file names as tampering, with the exercise itself graded on its merits', () => {
    const file = read(NAMES);
    const paths = (file.tamper ?? []).map((t) => t.path);
    expect(paths.some((p) => p.includes('REDTEAM-name') && p.startsWith('.github/workflows/'))).toBe(true);
    expect(paths.some((p) => p.includes('REDTEAM-name') && p.startsWith('exercises/'))).toBe(true);
  });

  it('leaks no secret and runs no workflow command in the regrade and gradebook output', () => {
    for (const text of [regradeRun.stdout, regradeRun.stderr, mergeRun.stdout, mergeRun.stderr]) {
      expect(text).not.toContain(SECRET);
      expectNoWorkflowCommand(text);
      expectPrintable(text);
    }
    for (const user of [...HONEST, ...Object.keys(HOSTILE), NAMES]) expect(readFileSync(join(out, `${user}.json`), 'utf8')).not.toContain(SECRET);
  });

  it('the class report (HTML, Markdown, CSV) carries no student HTML, escape or bidi control', () => {
    expect(mergeRun.status, mergeRun.stderr).toBe(0);
    expect(html.length).toBeGreaterThan(0);
    for (const doc of [html, outsideFences(markdown)]) {
      expect(doc).not.toMatch(/<img\b|<unclosed fence>/i);
      expect(doc).not.toMatch(/<script>alert/i);
      // the text of the attack may appear, escaped; no element or attribute of it
      expect(doc).not.toMatch(/<[a-z]+[^>]*\sonerror=/i);
      expect(doc).not.toMatch(/href=["']?javascript:/i);
      expectPrintable(doc);
    }
    expectPrintable(csv);
    // a CSV cell that a spreadsheet would run as a formula starts with = + - @ (after a quote)
    for (const line of csv.split('\n')) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
  });
});
