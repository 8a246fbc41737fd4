import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DlgradeError } from '../../grader/errors.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { classroom50AutograderPy, classroom50Runtime, classroom50Scale } from '../../grader/publish/classroom50-shim.ts';
import { tempDir } from './helpers.ts';

const run = promisify(execFile);
const schema = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(INSTALL_ROOT, 'tests/schemas/classroom50-result-v1.schema.json'), 'utf8')) as object);
const props = (...points: number[]) => [{ id: 'ch07-convolution/conv2d', properties: points.map((p, i) => ({ name: `p${i}`, points: p })) }] as unknown as Parameters<typeof classroom50Scale>[0];

describe('classroom50Scale', () => {
  it('is the smallest factor that makes every point value whole', () => {
    expect(classroom50Scale(props(1, 3))).toBe(1);
    expect(classroom50Scale(props(1, 2.5, 1.5))).toBe(2);
    expect(classroom50Scale(props(0.25, 1))).toBe(4);
    expect(classroom50Scale(props(0.1))).toBe(10);
  });

  it('refuses points no scale up to ×100 makes whole, naming the property', () => {
    expect(() => classroom50Scale(props(1, 1 / 3))).toThrow(DlgradeError);
    expect(() => classroom50Scale(props(1, 1 / 3))).toThrow(/ch07-convolution\/conv2d › p1/);
  });
});

describe('classroom50/autograder.py', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  /**
   * A checkout with a stand-in for `.dlgrade/grader.mjs`: `grade` writes a known result (or fails),
   * `classroom50` is the real `dlgrade classroom50`; `npm` is a stub that records its arguments.
   */
  function checkout(gradeExit = 0): { env: NodeJS.ProcessEnv } {
    mkdirSync(join(dir, '.dlgrade'), { recursive: true });
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(INSTALL_ROOT, 'tests/fixtures/results/mixed.json'), join(dir, 'known-result.json'));
    writeFileSync(join(dir, '.dlgrade/grader.mjs'), `
import { appendFileSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const args = process.argv.slice(2);
appendFileSync('calls.log', JSON.stringify(args) + '\\n');
if (args[0] === 'grade') {
  if (${gradeExit} !== 0) process.exit(${gradeExit});
  copyFileSync('known-result.json', args[args.indexOf('--json') + 1]);
} else if (args[0] === 'classroom50') {
  const r = spawnSync(process.execPath, [${JSON.stringify(join(INSTALL_ROOT, 'bin/dlgrade.js'))}, ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}
`);
    writeFileSync(join(dir, 'bin/npm'), `#!/bin/sh\necho "npm $*" >> calls.log\n`);
    chmodSync(join(dir, 'bin/npm'), 0o755);
    writeFileSync(join(dir, 'autograder.py'), classroom50AutograderPy({ exerciseIds: ['ch03-tensors/broadcast-add', 'ch07-convolution/conv2d', 'ch07-convolution/max-pool'], lang: 'es', nodeVersion: 24, scale: 2 }));
    const env: NodeJS.ProcessEnv = {
      PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
      HOME: dir,
      CLASSROOM: 'curso-dl', ASSIGNMENT: 'tarea-07', SUBMISSION_TAG: 'submit/20260302T103000Z-a1b2c3d', OWNER: 'ana', ASSIGNMENT_TYPE: 'individual',
      COMMIT_URL: 'https://github.com/curso-dl/curso-dl-tarea-07-ana/commit/a1b2c3d', RELEASE_URL: 'https://github.com/curso-dl/curso-dl-tarea-07-ana/releases/tag/submit%2F20260302T103000Z-a1b2c3d',
      REVIEW_URL: 'https://github.com/curso-dl/curso-dl-tarea-07-ana/compare/5eed...a1b2c3d',
      GITHUB_REPOSITORY: 'curso-dl/curso-dl-tarea-07-ana', GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', DLGRADE_COMMIT_DATE: '2026-03-01T18:00:00Z',
    };
    return { env };
  }

  it('is valid Python', async () => {
    checkout();
    await run('python3', ['-m', 'py_compile', join(dir, 'autograder.py')]);
  });

  it("installs with npm ci, grades the assignment's exercises and writes a result.json Classroom 50's schema accepts", async () => {
    const { env } = checkout();
    await run('python3', ['autograder.py'], { cwd: dir, env, timeout: 120_000 });
    const calls = readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n');
    expect(calls[0]).toBe('npm ci --ignore-scripts --no-audit --no-fund');
    expect(JSON.parse(calls[1] ?? '')).toEqual(['grade', 'exercises', '--exercise', 'ch03-tensors/broadcast-add', '--exercise', 'ch07-convolution/conv2d', '--exercise', 'ch07-convolution/max-pool', '--json', 'dlgrade-result.json', '--lang', 'es']);
    expect(JSON.parse(calls[2] ?? '')).toEqual(['classroom50', '--result', 'dlgrade-result.json', '--out', 'result.json', '--scale', '2', '--lang', 'es']);
    const out = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Record<string, unknown>;
    expect(schema(out), JSON.stringify(schema.errors)).toBe(true);
    expect(out).toMatchObject({ owner: 'ana', datetime: '2026-03-01T18:00:00Z', review: env.REVIEW_URL, score: 15, 'max-score': 30 });
  }, 120_000);

  it('exits non-zero with an ::error:: line when the grader cannot run (the runner records an error)', async () => {
    const { env } = checkout(2);
    const failed = await run('python3', ['autograder.py'], { cwd: dir, env, timeout: 60_000 }).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/::error::dlgrade: el corrector no pudo ejecutarse \(código 2\)/);
  }, 60_000);

  it('refuses to write result.json outside a Classroom 50 run', async () => {
    const { env } = checkout();
    delete env.SUBMISSION_TAG;
    const failed = await run('python3', ['autograder.py'], { cwd: dir, env, timeout: 120_000 }).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/falta SUBMISSION_TAG/);
  }, 120_000);

  it('declares Node.js and bubblewrap as the runtime, in the shape of assignments.json', () => {
    expect(JSON.parse(classroom50Runtime(24))).toEqual({ runtime: { node: '24', apt: ['bubblewrap'] } });
  });

  it('refuses an exercise id that could break out of the Python list', () => {
    expect(() => classroom50AutograderPy({ exerciseIds: ['ch01-a/b"]; import os; os.system("x")#'], lang: 'es', nodeVersion: 24, scale: 1 })).toThrow(DlgradeError);
  });
});
