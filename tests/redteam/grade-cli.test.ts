/**
 * Red team, one student: `dlgrade grade` (the real CLI, the real sandbox) under GITHUB_ACTIONS with
 * a fake token in the grader's environment, on submissions that print fake reports and workflow
 * commands, lie about mutating their arguments on the grader's channel, or return a value a
 * property cannot even read.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GradeResult } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { expectNoWorkflowCommand, expectPrintable, outsideFences, REDTEAM_DIR, SECRET } from './helpers.ts';

vi.setConfig({ testTimeout: 300_000 });

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Grades `fixture` posing as the student's file of `id` through the CLI; the result, the output and the Markdown. */
function grade(id: string, fixture: string, extra: string[] = []): { result: GradeResult; stdout: string; stderr: string; markdown: string; status: number | null } {
  const root = mkdtempSync(join(tmpdir(), 'dlgrade-redteam-grade-'));
  roots.push(root);
  const [chapter, name] = id.split('/') as [string, string];
  mkdirSync(join(root, 'sub', chapter, name), { recursive: true });
  cpSync(join(REDTEAM_DIR, fixture), join(root, 'sub', chapter, name, `${name}.ts`));
  const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', join(root, 'sub'), '--exercise', id, '--runs', '3', '--include-hidden', '--json', join(root, 'r.json'), '--markdown', join(root, 'r.md'), ...extra], {
    cwd: INSTALL_ROOT,
    env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_TOKEN: SECRET, FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')) as GradeResult;
  return { result, stdout: r.stdout, stderr: r.stderr, markdown: readFileSync(join(root, 'r.md'), 'utf8'), status: r.status };
}

describe('red team: dlgrade grade on hostile submissions', () => {
  it('a fake passing report, workflow commands, ANSI, bidi and HTML in output and errors: 0 points, nothing runs, nothing leaks', () => {
    const { result, stdout, stderr, markdown } = grade('ch15-losses/dice-loss', 'output-injection.ts');
    expect(result.score).toBe(0);
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain(SECRET);
      expectNoWorkflowCommand(text);
      expectPrintable(text);
    }
    // the fake report is the student's output, indented under it, never a line of the grader's own
    expect(stdout.split('\n').filter((l) => /^(✔|Total: 18\/18)/.test(l))).toEqual([]);
    expect(stdout).toMatch(/^Total: 0\/\d+ /m);
    // inside a code fence (the student's output) the text is inert; outside, no element of it
    expect(outsideFences(markdown)).not.toMatch(/<img\b|<script\b|<unclosed fence>/i);
    expectPrintable(markdown);
  });

  it('a function returning null where its signature declares { mu, sigma }: the student’s failure, the right functions keep their points', () => {
    const { result } = grade('ch02-math/gaussian-mle', 'gaussian-mle-null.ts');
    const e = result.exercises[0]!;
    expect(e.reason, e.message).not.toBe('grader-error');
    expect(e.properties.filter((p) => p.status === 'error').map((p) => `${p.name}: ${p.message}`)).toEqual([]);
    for (const name of ['nll-matches-reference', 'gradient-matches-autodiff']) expect(e.properties.find((p) => p.name === name)?.status).toBe('pass');
    const unreadable = e.properties.find((p) => p.name === 'mle-minimises-nll')!;
    expect(unreadable.status).toBe('fail');
    expect(unreadable.message).toMatch(/gaussianMle/);
    expect(unreadable.message).not.toMatch(/interno|internal/i);
    expect(e.score).toBeGreaterThan(0);
    expect(e.score).toBeLessThan(e.maxScore);
  });

  // HOLE (low priority, inherent to a student-side mutation check): whether an argument was
  // modified is measured inside the student's process (runner.ts changedArgs) and reported on fd 3,
  // which the student's own code can also write to (process.getBuiltinModule('node:fs').writeSync(3,
  // …)). A correct function that zeroes its argument after computing writes its own answer first,
  // with `mutated: []`; StudentProcess.onMessage takes the first message for the pending id and
  // drops the runner's honest one as stale, so `no-mutation` passes. A duplicate answer for the
  // same id could be treated as a protocol violation, but the student can equally silence the
  // runner's write (its Socket is reachable through node:net), so the trusted side can never prove
  // non-mutation: no-mutation is the student's own testimony. Worth one point per exercise at most
  // and only to a student whose function is otherwise right.
  it.fails('a student that lies on the channel about mutating its argument fails no-mutation', () => {
    const { result } = grade('ch15-losses/dice-loss', 'mutation-lie.ts');
    const p = result.exercises[0]!.properties.find((x) => x.name === 'no-mutation')!;
    expect(p.status).toBe('fail');
  });
});
