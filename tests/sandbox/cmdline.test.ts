/**
 * Under bubblewrap the student's process reads no host path in a command line: bwrap's arguments
 * (its bind mounts name the grader's temp folder, Node's libraries) reach it through `--args 0`,
 * so /proc/1/cmdline, bubblewrap's init inside the sandbox, shows only `bwrap --args 0 --` and
 * the command (Node, at the path it also has inside, and its arguments as seen inside).
 * Node's permission model, the wall inside, already refuses the student's fs reads of /proc; these
 * are checked from outside too, as the bubblewrap wall alone leaves them: the command line of
 * every process of the sandbox (bwrap, its init, the student's Node) read from the host, which
 * is what the student would read inside if that inner wall gave way.
 * tests/fixtures/hostile/proc-cmdline.ts reads them from inside (the hostile suite checks it for
 * every mechanism with the processes wall, too).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { resetIsolationForTests } from '../../grader/sandbox/isolation.ts';
import { DEFAULT_LIMITS, StudentProcess } from '../../grader/sandbox/student-process.ts';
import { cmdlinesSeen, HOSTILE_DIR, hostTraces, unavailable } from './hostile-suite.ts';

const missing = unavailable('bubblewrap');

const cmdline = (pid: number): string[] => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
/** pid and its descendants, first children first (bwrap → its init → the student's Node) */
function chain(pid: number): number[] {
  const pids = [pid];
  for (let depth = 0; depth < 4; depth++) {
    const children = readFileSync(`/proc/${pids.at(-1)}/task/${pids.at(-1)}/children`, 'utf8').trim();
    if (!children) break;
    pids.push(Number(children.split(/\s+/)[0]));
  }
  return pids;
}

describe.skipIf(missing !== undefined && process.env['CI'] !== 'true')('command lines of a bubblewrap sandbox, read from outside', () => {
  let proc: StudentProcess;
  let pids: number[];
  beforeAll(async () => {
    if (missing) throw new Error(`bubblewrap must start on CI: ${missing}`);
    process.env['DLGRADE_SANDBOX'] = 'bubblewrap';
    resetIsolationForTests();
    const started = await StudentProcess.start({ moduleCode: 'export function f() { return 1 }', limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });
    if (started.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(started)}`);
    proc = started.process;
    pids = chain((proc as unknown as { child: { pid: number } }).child.pid);
  }, 60_000);
  afterAll(async () => {
    await proc?.dispose();
    delete process.env['DLGRADE_SANDBOX'];
    resetIsolationForTests();
  });

  it('bwrap and its init (PID 1 inside) show only bwrap --args 0 -- and the command; the student Node shows paths as seen inside', async () => {
    expect(pids.length, pids.join(' → ')).toBe(3);
    const [bwrap, init, node] = pids.map(cmdline);
    for (const args of [bwrap!, init!]) {
      expect(args.slice(1, 4)).toEqual(['--args', '0', '--']);
      expect(args[0]).toMatch(/bwrap$/);
      expect(args.slice(4)).toEqual(node);
    }
    expect(node!.some((a) => a.startsWith('/sandbox/'))).toBe(true);
    for (const args of [bwrap!, init!, node!]) expect(hostTraces(args), args.join(' ')).toEqual([]);
    // and it still answers: the arguments arrived
    expect(await proc.call('f', [])).toMatchObject({ kind: 'ok', value: 1 });
  });
});

describe.skipIf(missing !== undefined && process.env['CI'] !== 'true')('command lines read from inside bubblewrap', () => {
  let said = '';
  beforeAll(async () => {
    if (missing) throw new Error(missing);
    process.env['DLGRADE_SANDBOX'] = 'bubblewrap';
    resetIsolationForTests();
    const catalog = loadCatalog();
    const dice = catalog.exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-cmdline-'));
    try {
      mkdirSync(join(dir, dice.chapter, dice.name), { recursive: true });
      writeFileSync(join(dir, dice.chapter, dice.name, dice.file), readFileSync(join(HOSTILE_DIR, 'proc-cmdline.ts'), 'utf8'));
      const result = await gradeSubmission({ submissionDir: dir, exercises: [dice.id], catalog, audience: 'instructor', runs: 1, typecheck: false });
      const e = result.exercises[0]!;
      said = [e.message ?? '', ...e.properties.map((p) => p.message ?? '')].join('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      delete process.env['DLGRADE_SANDBOX'];
      resetIsolationForTests();
    }
  }, 120_000);
  afterAll(() => resetIsolationForTests());

  it('no command line it can read names a host path', () => {
    const seen = cmdlinesSeen(said);
    // its own, from process.argv and execArgv: node, its flags, the runner in /sandbox
    const own = seen.get('argv');
    expect(own, said).toBeDefined();
    expect(own!.some((a) => a.startsWith('/sandbox/'))).toBe(true);
    // /proc/1/cmdline and /proc/self/cmdline: refused by the permission model, or free of host paths
    for (const path of ['/proc/1/cmdline', '/proc/self/cmdline']) expect(seen.has(path) || said.includes(`${path}: ERR_ACCESS_DENIED`), said).toBe(true);
    for (const [path, args] of seen) expect(hostTraces(args), `${path}: ${args.join(' ')}`).toEqual([]);
  });
});
