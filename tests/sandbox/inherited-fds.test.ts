/**
 * A descriptor the grader inherited (a shell's or an Actions runner's pipe or file, open without
 * close-on-exec) must not reach the student's process: spawn, bubblewrap and unshare all pass such
 * descriptors on, so the runner closes them before the student's module is loaded. The grader is
 * started here by a shell with a file open for appending at descriptors 4 and 200 (as
 * `dlgrade grade … 200>>log` would); the hostile file writes a forged result into every descriptor
 * it holds that is that file. (Node marks descriptors 0–15 close-on-exec at start-up, and the ones
 * after them up to the first gap, so 4 never reached a child; 200 did.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SandboxMechanism } from '../../grader/engine/result.ts';
import { unavailable } from './hostile-suite.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/hostile-fds/inherited-fds.ts');
const dir = mkdtempSync(join(tmpdir(), 'dlgrade-fds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `bash -c 'exec node <args> 4>>leak 200>>leak'` (dash cannot open a descriptor above 9): answers the exit code, the output and what reached the file */
function withInheritedFile(name: string, args: string[], env: NodeJS.ProcessEnv, file: (inode: number) => void): Promise<{ code: number | null; out: string; leaked: string }> {
  const leak = join(dir, `${name}.leak`);
  writeFileSync(leak, '');
  file(statSync(leak).ino);
  const child = spawn(BASH, ['-c', 'leak=$1; shift; exec "$@" 4>>"$leak" 200>>"$leak"', 'bash', leak, process.execPath, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, leaked: readFileSync(leak, 'utf8') })));
}

const BASH = ['/bin/bash', '/usr/bin/bash'].find((p) => existsSync(p)) ?? 'bash';
const hostile = (inode: number): string => readFileSync(FIXTURE, 'utf8').replace('__DLGRADE_FDS_INODE__', String(inode));

describe('descriptors inherited by the grader', () => {
  it('the hostile file does reach them when nothing closes them (control)', async () => {
    // the same file run by a plain Node started the same way: what the sandbox must prevent
    const script = join(dir, 'control.mts');
    const { leaked, out } = await withInheritedFile('control', ['--import', 'tsx', script], { ...process.env }, (inode) => writeFileSync(script, hostile(inode)));
    expect(out).toContain('WROTE [4,200]');
    expect(leaked).toContain('FORGED');
  }, 60_000);

  for (const mechanism of ['bubblewrap', 'unshare', 'process'] as SandboxMechanism[]) {
    const missing = unavailable(mechanism);
    // bubblewrap is the sandbox of record: on CI it must run (.ci/run installs it)
    const required = mechanism === 'bubblewrap' && process.env['CI'] === 'true';
    it.skipIf(missing !== undefined && !required)(`under ${mechanism}, the student's process holds none of them${missing ? ` (cannot start here: ${missing})` : ''}`, async () => {
      const sub = join(dir, mechanism);
      const target = join(sub, 'ch15-losses', 'dice-loss', 'dice-loss.ts');
      mkdirSync(join(target, '..'), { recursive: true });
      const json = join(sub, 'result.json');
      const args = [join(ROOT, 'bin/dlgrade.js'), 'grade', sub, '-e', 'ch15-losses/dice-loss', '--json', json, '--runs', '3', '--no-typecheck', '-v'];
      const env = { ...process.env, DLGRADE_SANDBOX: mechanism, DLGRADE_LANG: 'en', NO_COLOR: '1' };
      const { out, leaked } = await withInheritedFile(mechanism, args, env, (inode) => writeFileSync(target, hostile(inode)));
      expect(leaked, out).toBe('');
      expect(existsSync(json), out).toBe(true);
      const result = JSON.parse(readFileSync(json, 'utf8')) as { exercises: { id: string; output?: string }[] };
      // it ran, and found none of them
      expect(result.exercises.find((e) => e.id === 'ch15-losses/dice-loss')?.output ?? '', out).toContain('WROTE []');
    }, 120_000);
  }
});
