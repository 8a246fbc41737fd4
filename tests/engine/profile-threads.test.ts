/**
 * DLGRADE_PROFILE's CPU figures (grader/profile.ts, `npm run bench profile`): the trusted
 * process's threads from the scheduler's statistics (the main thread on a core and waiting for
 * one, the other threads together) and the student processes' CPU time, each read just before it
 * ends; in the JSON report and in the table on stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import type { ProfileReport } from '../../grader/profile.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-profile-threads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const grade = (profile: string) =>
  spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', 'solutions', '-q', '--no-typecheck', '-e', 'ch04-perceptron/perceptron-rule', '-e', 'ch15-losses/dice-loss'], {
    cwd: INSTALL_ROOT,
    env: { ...process.env, DLGRADE_PROFILE: profile, DLGRADE_LANG: 'en' },
    encoding: 'utf8',
  });

describe.skipIf(!existsSync('/proc/self/task/' + process.pid + '/schedstat'))('DLGRADE_PROFILE: where the CPU went', () => {
  it('reports the trusted threads and the student processes in the JSON report', () => {
    const file = join(scratch, 'profile.json');
    const r = grade(file);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8')) as ProfileReport;
    expect(report.threads).toBeDefined();
    const threads = report.threads!;
    expect(threads.mainRunMs).toBeGreaterThan(0);
    // the main thread cannot have run longer than the process lived
    expect(threads.mainRunMs).toBeLessThanOrEqual(report.totalMs + 50);
    expect(threads.mainWaitMs).toBeGreaterThanOrEqual(0);
    // V8's platform threads at least
    expect(threads.others).toBeGreaterThan(0);
    expect(threads.otherRunMs).toBeGreaterThanOrEqual(0);
    // every thread together is what the process used
    const cpu = report.cpuMs.user + report.cpuMs.system;
    expect(threads.mainRunMs + threads.otherRunMs).toBeGreaterThan(cpu * 0.8 - 20);
    expect(threads.mainRunMs + threads.otherRunMs).toBeLessThan(cpu * 1.2 + 20);
    // each student process that ran counted its CPU once (two exercises: one or two processes, and a spare)
    const students = report.spans['student processes: CPU time (10 ms ticks)'];
    expect(students).toBeDefined();
    expect(students!.count).toBeGreaterThanOrEqual(1);
    expect(students!.count).toBeLessThanOrEqual(3);
    expect(students!.ms).toBeGreaterThan(0);
  });

  it('prints them in the table on stderr', () => {
    const r = grade('1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/main thread: on a core\s+\d+, waiting for one \d+/);
    expect(r.stderr).toMatch(/other threads \(\d+\)\s+\d+/);
    expect(r.stderr).toMatch(/student processes: CPU time \(10 ms ticks\)\s+\d+ ms\s+×\d+/);
  });
});
