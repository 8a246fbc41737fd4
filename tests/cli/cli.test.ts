import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';

const run = promisify(execFile);
const BIN = join(INSTALL_ROOT, 'bin', 'dlgrade.js');
const work = mkdtempSync(join(tmpdir(), 'dlgrade-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function dlgrade(args: string[], cwd = INSTALL_ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dlgrade CLI', () => {
  it('grade exits 0 when grading ran, even with failures, and writes JSON and Markdown', async () => {
    const json = join(work, 'out', 'result.json');
    const md = join(work, 'out', 'report.md');
    const r = await dlgrade(['grade', '--exercise', 'ch15-losses/dice-loss', '--runs', '20', '--json', json, '--markdown', md]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ch15-losses/dice-loss');
    expect(r.stdout).toMatch(/Reproducir: npx dlgrade check ch15-losses\/dice-loss --seed \d+ --property [a-z-]+ --runs 20 --path/);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { score: number; maxScore: number };
    expect(result.score).toBeLessThan(result.maxScore);
    expect(readFileSync(md, 'utf8')).toContain('Informe de corrección');
  }, 60_000);

  it('--fail-under turns a low score into exit 1 (points or percentage)', async () => {
    expect((await dlgrade(['grade', '-e', 'dice-loss', '--runs', '10', '--quiet', '--fail-under', '90%'])).code).toBe(1);
    expect((await dlgrade(['grade', '-e', 'dice-loss', '--runs', '10', '--quiet', '--fail-under', '0'])).code).toBe(0);
  }, 60_000);

  it('an unknown exercise is a clear error with exit 2', async () => {
    const r = await dlgrade(['grade', '--exercise', 'ch99-nothing/none']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_EXERCISE_UNKNOWN');
    expect(r.stderr).toContain('ch99-nothing/none');
    expect(r.stderr).toContain('dlgrade list');
  });

  it('a missing submission folder is a clear error with exit 2', async () => {
    const r = await dlgrade(['grade', join(work, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_SUBMISSION_DIR');
  });

  it('bad option values are refused with exit 2', async () => {
    expect((await dlgrade(['grade', '--lang', 'fr'])).code).toBe(2);
    expect((await dlgrade(['grade', '--runs', 'many'])).code).toBe(2);
  });

  it('check grades the working tree: exit 1 while failing, 0 when complete', async () => {
    const repo = join(work, 'student');
    const target = join(repo, 'exercises', 'ch15-losses', 'dice-loss');
    mkdirSync(target, { recursive: true });
    cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses', 'dice-loss', 'dice-loss.ts'), join(target, 'dice-loss.ts'));
    const failing = await dlgrade(['check', 'ch15-losses/dice-loss', '--runs', '10'], repo);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('todavía no está implementada');
    cpSync(join(SOLUTIONS_DIR, 'ch15-losses', 'dice-loss', 'dice-loss.ts'), join(target, 'dice-loss.ts'));
    const passing = await dlgrade(['check', 'ch15-losses/dice-loss', '--runs', '10', '--lang', 'en'], repo);
    expect(passing.code).toBe(0);
    // the visible points of a standard exercise (20, less its hidden property's share)
    const dice = loadCatalog().exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
    const visible = dice.properties.filter((p) => !p.hidden).reduce((s, p) => s + p.points, 0);
    expect(visible).toBeLessThan(20);
    expect(passing.stdout).toContain(`Total: ${visible}/${visible}`);
  }, 60_000);

  it('check outside an assignment repository explains what to do', async () => {
    const r = await dlgrade(['check'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dir');
  });
});
