import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../grader/sandbox/student-process.ts';
import { isolationFromCache, probeIsolation, resetIsolationForTests, SandboxUnavailableError } from '../../grader/sandbox/isolation.ts';
import { readCachedRunner, resetRunnerForTests, runnerCacheFile, runnerSource } from '../../grader/sandbox/runner-bundle.ts';
import { StudentProcess } from '../../grader/sandbox/student-process.ts';
import { unavailable } from './hostile-suite.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-probe-cache-'));
const saved = { dir: process.env['DLGRADE_CACHE_DIR'], sandbox: process.env['DLGRADE_SANDBOX'], off: process.env['DLGRADE_PRECOMPILE'] };
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(scratch, String(n++));
  process.env['DLGRADE_CACHE_DIR'] = dir;
  delete process.env['DLGRADE_SANDBOX'];
  delete process.env['DLGRADE_PRECOMPILE'];
  resetIsolationForTests();
  resetRunnerForTests();
});
afterEach(() => {
  for (const [name, value] of [['DLGRADE_CACHE_DIR', saved.dir], ['DLGRADE_SANDBOX', saved.sandbox], ['DLGRADE_PRECOMPILE', saved.off]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetIsolationForTests();
  resetRunnerForTests();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const probeFile = (): string => join(dir, `isolation-${process.getuid?.() ?? 'u'}.json`);
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
/** rewrites the entry with `change` applied and a checksum that matches (a forged but well-formed entry) */
function forge(change: (entry: Record<string, unknown>) => void): void {
  const { sha256: _old, ...rest } = JSON.parse(readFileSync(probeFile(), 'utf8')) as Record<string, unknown>;
  change(rest);
  writeFileSync(probeFile(), JSON.stringify({ ...rest, sha256: sha256(JSON.stringify(rest)) }));
}
const again = (): ReturnType<typeof probeIsolation> => {
  resetIsolationForTests();
  return probeIsolation();
};
const startTiny = () => StudentProcess.start({ moduleCode: 'export function f() { return 41 + 1 }', limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });

describe.skipIf(unavailable('bubblewrap') !== undefined)('the isolation probe kept across runs', () => {
  it('is probed once, then taken from the cache, and the cached sandbox really runs the student', async () => {
    expect(probeIsolation().mechanism).toBe('bubblewrap');
    expect(isolationFromCache()).toBe(false);
    expect(existsSync(probeFile())).toBe(true);
    const cached = again();
    expect(isolationFromCache()).toBe(true);
    expect(cached.mechanism).toBe('bubblewrap');
    expect(cached.info.walls).toEqual({ processes: 'isolated', filesystem: 'isolated', network: 'isolated', sockets: 'isolated' });
    const started = await startTiny();
    expect(started.kind).toBe('ready');
    if (started.kind === 'ready') {
      expect(await started.process.call('f', [])).toMatchObject({ kind: 'ok', value: 42 });
      await started.process.dispose();
    }
  }, 60_000);

  it('refuses a corrupt entry, another key, or a weaker mechanism than the first candidate: it probes again', () => {
    probeIsolation();
    const good = readFileSync(probeFile(), 'utf8');
    const cases: (() => void)[] = [
      () => writeFileSync(probeFile(), good.slice(0, -20)),
      () => writeFileSync(probeFile(), good.replace(/"mechanism":"bubblewrap"/, '"mechanism":"unshare"')), // checksum no longer matches
      () => forge((e) => (e['key'] = '0'.repeat(64))),
      // a well-formed entry saying only a weaker sandbox works is never taken: it could be stale
      () => forge((e) => (e['mechanism'] = 'unshare')),
      () => forge((e) => (e['mechanism'] = 'process')),
      // a library of Node that changed since (here: its recorded identity no longer matches)
      () => forge((e) => ((e['libraryIds'] as string[])[0] = 'another file')),
    ];
    for (const spoil of cases) {
      writeFileSync(probeFile(), good);
      spoil();
      const isolation = again();
      expect(isolationFromCache()).toBe(false);
      expect(isolation.mechanism).toBe('bubblewrap');
    }
  }, 120_000);

  it('is keyed by the forced mechanism: DLGRADE_SANDBOX=process never takes the unforced answer, and has its own', () => {
    probeIsolation();
    process.env['DLGRADE_SANDBOX'] = 'process';
    expect(again().mechanism).toBe('process');
    expect(isolationFromCache()).toBe(false);
    expect(again().mechanism).toBe('process');
    expect(isolationFromCache()).toBe(true);
  }, 60_000);

  it('a cached bubblewrap that no longer starts: re-probed at the first failed start, a grader fault, never a weaker sandbox', async () => {
    probeIsolation();
    // bubblewrap now fails at launch (a bind whose source is gone), though the entry is well-formed
    forge((e) => {
      (e['libraries'] as string[]).push('--ro-bind', '/nonexistent-dlgrade-lib.so', '/nonexistent-dlgrade-lib.so');
      (e['libraryIds'] as string[]).push('/nonexistent-dlgrade-lib.so absent');
    });
    expect(again().mechanism).toBe('bubblewrap');
    expect(isolationFromCache()).toBe(true);
    await expect(startTiny()).rejects.toThrow(SandboxUnavailableError);
    expect(existsSync(probeFile())).toBe(false);
    // nothing more is launched in this process, under any sandbox
    expect(() => probeIsolation()).toThrow(/bubblewrap/);
    // the next run probes afresh
    expect(again().mechanism).toBe('bubblewrap');
    expect(isolationFromCache()).toBe(false);
  }, 60_000);

  it('a student process that dies while loading under a still-good cached answer is just the student (confirmed once)', async () => {
    probeIsolation();
    again();
    expect(isolationFromCache()).toBe(true);
    const died = await StudentProcess.start({ moduleCode: 'process.exit(3);', limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });
    expect(died.kind).toBe('dead');
    expect(isolationFromCache()).toBe(false); // probed now, and it still starts
    expect(probeIsolation().mechanism).toBe('bubblewrap');
  }, 60_000);

  it('DLGRADE_PRECOMPILE=0: probed at every start, nothing stored', () => {
    process.env['DLGRADE_PRECOMPILE'] = '0';
    probeIsolation();
    again();
    expect(isolationFromCache()).toBe(false);
    expect(existsSync(probeFile())).toBe(false);
  }, 60_000);
});

describe('the runner bundle kept across runs', () => {
  it('is bundled once, then read from the cache (a forged entry with matching hashes is what runs)', () => {
    const built = runnerSource();
    const file = runnerCacheFile()!;
    expect(existsSync(file)).toBe(true);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { text: string; sha256: string; inputs: [string, string][] };
    expect(entry.inputs.map(([p]) => p)).toContain(join(process.cwd(), 'grader', 'sandbox', 'runner.ts'));
    const marked = `${built}\n// marker from the cache\n`;
    writeFileSync(file, JSON.stringify({ ...entry, text: marked, sha256: sha256(marked) }));
    resetRunnerForTests();
    expect(runnerSource()).toBe(marked);
  });

  it('is never used once one of its inputs changes by a byte, or when corrupt; it is bundled again', () => {
    const built = runnerSource();
    const file = runnerCacheFile()!;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key: string; text: string; inputs: [string, string][] };
    // an entry whose inputs include a file of ours: readCachedRunner checks every input's bytes
    const input = join(dir, 'input.ts');
    writeFileSync(input, 'export const a = 1;\n');
    const withInput = { ...entry, inputs: [...entry.inputs, [input, sha256('export const a = 1;\n')]] };
    writeFileSync(file, JSON.stringify(withInput));
    expect(readCachedRunner(file, entry.key)).toBe(built);
    writeFileSync(input, 'export const a = 2;\n');
    expect(readCachedRunner(file, entry.key)).toBeUndefined();
    rmSync(input);
    expect(readCachedRunner(file, entry.key)).toBeUndefined();
    expect(readCachedRunner(file, 'another key')).toBeUndefined();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    expect(readCachedRunner(file, entry.key)).toBeUndefined();
    resetRunnerForTests();
    expect(runnerSource()).toBe(built);
    expect(readCachedRunner(file, entry.key)).toBe(built); // rewritten
  });

  it('works with the cache unwritable or off', () => {
    const built = runnerSource();
    const notADir = join(scratch, `file-${n}`);
    writeFileSync(notADir, '');
    process.env['DLGRADE_CACHE_DIR'] = join(notADir, 'cache');
    resetRunnerForTests();
    expect(runnerSource()).toBe(built);
    process.env['DLGRADE_PRECOMPILE'] = '0';
    resetRunnerForTests();
    expect(runnerCacheFile()).toBeUndefined();
    expect(runnerSource()).toBe(built);
  });
});
