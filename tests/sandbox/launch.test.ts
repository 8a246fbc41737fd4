/**
 * What the student process really is, seen from outside (/proc/<pid>/status, stat and ns): under
 * bubblewrap and unshare, in namespaces of its own, without capabilities; on every mechanism, in
 * its own session, and (where the grader runs as root) as nobody with no supplementary group. A mechanism forced with DLGRADE_SANDBOX that does
 * not exist is a clear error, never a silent downgrade.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { leaf } from './process-tree.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { probeIsolation, resetIsolationForTests, SandboxUnavailableError } from '../../grader/sandbox/isolation.ts';
import { DEFAULT_LIMITS, StudentProcess } from '../../grader/sandbox/student-process.ts';
import { unavailable } from './hostile-suite.ts';

const status = (pid: number, field: string): string => new RegExp(`^${field}:[ \\t]*(.*)$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]?.trim() ?? '';

const missing = unavailable('bubblewrap');

describe.skipIf(missing !== undefined && process.env['CI'] !== 'true')('the student process under bubblewrap, seen from outside', () => {
  let proc: StudentProcess;
  let pid: number;

  beforeAll(async () => {
    if (missing) throw new Error(`bubblewrap must start on CI: ${missing}`);
    process.env['DLGRADE_SANDBOX'] = 'bubblewrap';
    resetIsolationForTests();
    const started = await StudentProcess.start({ moduleCode: 'export function f() { return process.pid }', limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });
    if (started.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(started)}`);
    proc = started.process;
    pid = leaf((proc as unknown as { child: { pid: number } }).child.pid);
  }, 60_000);

  afterAll(async () => {
    await proc?.dispose();
    delete process.env['DLGRADE_SANDBOX'];
    resetIsolationForTests();
  });

  it('is Node, in its own PID namespace (pid 2 inside), answering over fd 3', async () => {
    expect(readlinkSync(`/proc/${pid}/exe`)).toBe(readlinkSync('/proc/self/exe'));
    const nspid = status(pid, 'NSpid').split(/\s+/);
    expect(nspid.length).toBeGreaterThan(1);
    const answer = await proc.call('f', []);
    expect(answer).toMatchObject({ kind: 'ok', value: Number(nspid.at(-1)) });
  });

  it('has namespaces of its own: user, PID, network, mount, IPC, UTS', () => {
    for (const ns of ['user', 'pid', 'net', 'mnt', 'ipc', 'uts']) {
      expect(readlinkSync(`/proc/${pid}/ns/${ns}`), ns).not.toBe(readlinkSync(`/proc/self/ns/${ns}`));
    }
  });

  it('has no capability, and is unprivileged outside (nobody, no supplementary group, where the grader is root)', () => {
    expect(status(pid, 'CapEff')).toBe('0000000000000000');
    expect(status(pid, 'CapPrm')).toBe('0000000000000000');
    expect(status(pid, 'NoNewPrivs')).toBe('1');
    if (process.getuid?.() === 0) {
      expect(status(pid, 'Uid').split(/\s+/)).toEqual(['65534', '65534', '65534', '65534']);
      expect(status(pid, 'Gid').split(/\s+/)).toEqual(['65534', '65534', '65534', '65534']);
      expect(status(pid, 'Groups')).toBe('');
    } else {
      expect(status(pid, 'Uid').split(/\s+/)[0]).toBe(String(process.getuid?.()));
    }
  });

  it('the probe is made once per grader process', () => {
    expect(probeIsolation()).toBe(probeIsolation());
    expect(probeIsolation().mechanism).toBe('bubblewrap');
    expect(probeIsolation().unavailable).toEqual([]);
  });
});

describe('DLGRADE_SANDBOX', () => {
  afterAll(() => {
    delete process.env['DLGRADE_SANDBOX'];
    resetIsolationForTests();
  });

  it('an unknown mechanism is a clear error, not a silent downgrade', () => {
    process.env['DLGRADE_SANDBOX'] = 'firejail';
    resetIsolationForTests();
    expect(() => probeIsolation()).toThrow(SandboxUnavailableError);
    // in the process's language: Spanish unless DLGRADE_LANG says otherwise
    expect(() => probeIsolation()).toThrow(/DLGRADE_SANDBOX=firejail no es un sandbox/);
    try {
      probeIsolation();
    } catch (error) {
      expect((error as SandboxUnavailableError).code).toBe('E_SANDBOX');
      expect((error as SandboxUnavailableError).fix).toMatch(/bubblewrap, unshare o process/);
    }
  });

  it('dlgrade grade stops with that message and a non-zero exit, grading nothing', () => {
    for (const [lang, words] of [['es', /E_SANDBOX: DLGRADE_SANDBOX=firejail no es un sandbox/], ['en', /E_SANDBOX: DLGRADE_SANDBOX=firejail is not a sandbox/]] as const) {
      const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', '--exercise', 'ch15-losses/dice-loss', '--lang', lang], { cwd: INSTALL_ROOT, env: { ...process.env, DLGRADE_SANDBOX: 'firejail' }, encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      // CI=true turns colours on: read the words, not the escapes
      const stderr = stripVTControlCharacters(r.stderr);
      expect(stderr).toMatch(words);
      expect(stderr).not.toMatch(/fallo de dlgrade|dlgrade failure|at probeIsolation/);
      expect(r.stdout).not.toMatch(/dice/i);
    }
  }, 60_000);
});

/** the student's Node under a fallback, seen from outside */
async function startUnder(mechanism: 'unshare' | 'process'): Promise<{ proc: StudentProcess; pid: number }> {
  process.env['DLGRADE_SANDBOX'] = mechanism;
  resetIsolationForTests();
  const started = await StudentProcess.start({ moduleCode: 'export function f() { return 1 }', limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });
  if (started.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(started)}`);
  return { proc: started.process, pid: leaf((started.process as unknown as { child: { pid: number } }).child.pid) };
}

const stat = (pid: number): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');

describe.skipIf(unavailable('unshare') !== undefined)('the student process under unshare, seen from outside', () => {
  afterAll(() => {
    delete process.env['DLGRADE_SANDBOX'];
    resetIsolationForTests();
  });

  it('has its own user, PID, mount and network namespaces, no capability, and is nobody outside where the grader is root', async () => {
    const { proc, pid } = await startUnder('unshare');
    try {
      expect(readlinkSync(`/proc/${pid}/exe`)).toBe(readlinkSync('/proc/self/exe'));
      for (const ns of ['user', 'pid', 'net', 'mnt']) expect(readlinkSync(`/proc/${pid}/ns/${ns}`), ns).not.toBe(readlinkSync(`/proc/self/ns/${ns}`));
      expect(status(pid, 'CapEff')).toBe('0000000000000000');
      expect(status(pid, 'CapBnd')).toBe('0000000000000000');
      if (process.getuid?.() === 0) {
        expect(status(pid, 'Uid').split(/\s+/)).toEqual(['65534', '65534', '65534', '65534']);
        expect(status(pid, 'Groups')).toBe('');
      }
      // its own session and process group (stat fields 4 and 5: pgrp, session)
      expect(Number(stat(pid)[2])).not.toBe(process.pid);
      expect(Number(stat(pid)[3])).not.toBe(Number(readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ')[3]));
    } finally {
      await proc.dispose();
    }
  }, 60_000);
});

describe('the student process as a plain process, seen from outside', () => {
  afterAll(() => {
    delete process.env['DLGRADE_SANDBOX'];
    resetIsolationForTests();
  });

  it.runIf(process.platform === 'linux')('leads its own session and process group, and is nobody where the grader is root', async () => {
    const { proc, pid } = await startUnder('process');
    try {
      expect(Number(stat(pid)[2])).toBe(pid);
      expect(Number(stat(pid)[3])).toBe(pid);
      if (process.getuid?.() === 0) {
        expect(status(pid, 'Uid').split(/\s+/)).toEqual(['65534', '65534', '65534', '65534']);
        expect(status(pid, 'Groups')).toBe('');
      }
    } finally {
      await proc.dispose();
    }
  }, 60_000);
});
