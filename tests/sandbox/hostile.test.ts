/**
 * Hostile submissions (tests/fixtures/hostile/*.ts, each posing as the student's dice-loss.ts):
 * every one is contained, graded as a result (never an exception), earns no point, leaks no
 * secret, leaves the repository untouched, and does not stop the next exercise from being graded.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import type { ExerciseResult, GradeResult } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

const catalog = loadCatalog();
const dice = catalog.exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
const neighbour = catalog.exercises.find((e) => e.id !== dice.id && existsSync(e.solutionPath));
const HOSTILE_DIR = join(FIXTURES_DIR, 'hostile');
const SECRET = 'ghp_dlgradeTestSecret0123456789';
const packageJson = readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8');

const expectations: Record<string, (e: ExerciseResult) => void> = {
  'infinite-loop': (e) => expect([e.status, e.reason]).toEqual(['timeout', 'timeout']),
  'infinite-loop-at-load': (e) => expect(e.status).toBe('timeout'),
  // on a loaded machine the call limit may strike before the memory limit: either contains it
  'heap-bomb': (e) => expect(['out-of-memory', 'timeout']).toContain(e.reason),
  'buffer-bomb': (e) => expect(['out-of-memory', 'timeout']).toContain(e.reason),
  'process-exit': (e) => expect(e.reason).toBe('crash'),
  'exit-at-load': (e) => expect([e.status, e.reason]).toEqual(['error', 'crash']),
  'throw-string': (e) => expect(e.properties[0]!.message).toMatch(/no es un Error/),
  'throw-undefined': (e) => expect(e.properties[0]!.message).toMatch(/undefined/),
  'returns-promise': (e) => expect(e.properties[0]!.message).toMatch(/Promise/),
  'syntax-error': (e) => {
    expect([e.status, e.reason]).toEqual(['error', 'compile-error']);
    expect(e.location).toEqual({ file: 'exercises/ch15-losses/dice-loss/dice-loss.ts', line: 3, column: 26 });
    expect(e.message).toContain('dice-loss.ts:3:26');
  },
  'imports-library': (e) => expect(e.message).toMatch(/import of "@tensorflow\/tfjs" is not allowed/),
  'missing-export': (e) => {
    expect(e.reason).toBe('missing-export');
    expect(e.properties[0]!.message).toMatch(/no exporta la función diceLoss/);
  },
  'throws-at-load': (e) => expect(e.message).toMatch(/falló al cargarse/),
  'huge-output': (e) => expect(e.output?.length ?? 0).toBeLessThanOrEqual(4000),
};

describe('hostile submissions', () => {
  const results = new Map<string, GradeResult>();
  const fixtures = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.ts')).sort();
  let root: string;

  beforeAll(async () => {
    process.env['GITHUB_TOKEN'] = SECRET;
    process.env['DLGRADE_TEST_SECRET'] = SECRET;
    root = mkdtempSync(join(tmpdir(), 'dlgrade-hostile-'));
    rmSync('/tmp/dlgrade-hostile-was-here', { force: true });
    // grade them two at a time: each runs in its own sandboxed processes
    const queue = [...fixtures];
    const worker = async (): Promise<void> => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const dir = join(root, file.replace(/\.ts$/, ''));
        mkdirSync(join(dir, dice.chapter, dice.name), { recursive: true });
        cpSync(join(HOSTILE_DIR, file), join(dir, dice.chapter, dice.name, dice.file));
        if (neighbour) {
          mkdirSync(join(dir, neighbour.chapter, neighbour.name), { recursive: true });
          cpSync(neighbour.solutionPath, join(dir, neighbour.chapter, neighbour.name, neighbour.file));
        }
        const exercises = neighbour ? [dice.id, neighbour.id] : [dice.id];
        results.set(file.replace(/\.ts$/, ''), await gradeSubmission({ submissionDir: dir, exercises, catalog, audience: 'instructor' }));
      }
    };
    await Promise.all([worker(), worker()]);
  }, 240_000);

  afterAll(() => {
    delete process.env['GITHUB_TOKEN'];
    delete process.env['DLGRADE_TEST_SECRET'];
    rmSync(root, { recursive: true, force: true });
  });

  it.each(fixtures.map((f) => [f.replace(/\.ts$/, '')]))('%s is contained and earns nothing', (name) => {
    const result = results.get(name)!;
    const e = result.exercises.find((x) => x.id === dice.id)!;
    expect(e.score).toBe(0);
    for (const p of e.properties) expect(p.score === 0 || p.status !== 'pass', p.name).toBe(true);
    expect(e.properties.every((p) => p.status !== 'pass')).toBe(true);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expectations[name]?.(e);
    if (neighbour) {
      const other = result.exercises.find((x) => x.id === neighbour.id)!;
      const why = other.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}: ${p.status} ${p.message ?? ''}`);
      expect(other.score, `${neighbour.id} still graded after ${name}: ${other.status} ${other.reason ?? ''} ${why.join('; ')}`).toBe(other.maxScore);
    }
  });

  it('nothing was written outside the sandbox and the network was not reached', () => {
    expect(existsSync('/tmp/dlgrade-hostile-was-here')).toBe(false);
    expect(readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8')).toBe(packageJson);
    const fsNet = results.get('fs-and-network')!.exercises.find((x) => x.id === dice.id)!;
    expect(fsNet.output ?? '').not.toContain('NETWORK REACHABLE');
  });

  it('the student process sees no variable of the grader’s environment', () => {
    const e = results.get('env-secrets')!.exercises.find((x) => x.id === dice.id)!;
    const message = e.properties[0]!.message ?? '';
    expect(message).toContain('"LANG":"C.UTF-8"');
    expect(message).not.toContain('DLGRADE_TEST_SECRET');
    expect(message).not.toContain('PATH');
    expect(message).not.toContain('/tmp/dlgrade-sandbox-');
  });
});
