/**
 * The hostile corpus (tests/fixtures/hostile/*.ts, each posing as the student's dice-loss.ts), run
 * against one sandbox mechanism: every submission is graded as a result (never an exception),
 * earns no point, leaks no secret, and does not stop its classmate (the next exercise, graded in
 * the same run) from getting full marks. Each wall the mechanism reports as isolated is then
 * checked against the attacks on it: the test's own TCP listener and host Unix sockets see no
 * connection, no file appears outside, no host path is seen. A wall the mechanism reports as
 * not isolated is expected as such in the result, and only its containment check is left out.
 *
 * The fixtures are ordinary exercise files: placeholders such as '__DLGRADE_HOSTILE_PORT__' are
 * filled in here with this run's listener; left as they are, the attacks aim at well-known paths.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { url as inspectorUrl } from 'node:inspector';
import { createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../grader/catalog/cache.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { DISK_FOLDER as REFERENCE_CACHE_FOLDER } from '../../grader/reference-cache/runtime.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import type { ExerciseResult, GradeResult, SandboxMechanism } from '../../grader/engine/result.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { missingWalls, probeIsolation, resetIsolationForTests, type WallName } from '../../grader/sandbox/isolation.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';
import { SparePool } from '../../grader/sandbox/spare-pool.ts';
import { sandboxLimitsOf } from '../../grader/engine/steps/run-exercise.ts';

export const HOSTILE_DIR = join(FIXTURES_DIR, 'hostile');
export const SECRET = 'ghs_dlgradeFakeToken0123456789abcdefXYZ';

/** the command lines a result's messages carry (proc-cmdline.ts), decoded: path → its arguments */
export function cmdlinesSeen(text: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const m of text.matchAll(/CMDLINE (\S+?)=([A-Za-z0-9+/=]*);/g)) seen.set(m[1]!, Buffer.from(m[2]!, 'base64').toString('utf8').split('\0').filter((a) => a !== ''));
  return seen;
}

/** what a host path in a command line would look like: the grader's temp folders, its install, bwrap's options */
export function hostTraces(args: readonly string[]): string[] {
  return args.filter((a) => a.includes('dlgrade-sandbox-') || a.includes(`${tmpdir()}/dlgrade-`) || a.startsWith(INSTALL_ROOT) || /^--(ro-)?bind$|^--setenv$|^--tmpfs$|^--chdir$/.test(a));
}

/** the wall each attack aims at; an attack on a wall the mechanism lacks is not checked for containment */
const ATTACKS: Record<string, WallName> = {
  'signal-parent-kill': 'processes',
  'signal-parent-term': 'processes',
  'signal-parent-stop': 'processes',
  'signal-parent-usr1': 'processes',
  'signal-group': 'processes',
  'signal-every-pid': 'processes',
  'proc-escape': 'processes',
  'proc-cmdline': 'processes',
  'host-sockets': 'sockets',
  'bind-sockets': 'sockets',
  'tcp-localhost': 'network',
  'fs-and-network': 'network',
  'existence-oracle': 'filesystem',
  'read-host': 'filesystem',
};

/**
 * Attacks that, on a mechanism without the processes wall, would reach the test runner itself or
 * other users' sandboxes on this machine: not run there (the result says the wall is missing).
 * Where the grader runs as root the student process runs as nobody, and the signals to the
 * grader fail: those are run.
 */
const UNSAFE_WITHOUT_PROCESS_WALL = process.getuid?.() === 0 ? ['signal-every-pid'] : ['signal-parent-kill', 'signal-parent-term', 'signal-parent-stop', 'signal-parent-usr1', 'signal-group', 'signal-every-pid'];

const EXPECTED_WALLS: Record<SandboxMechanism, WallName[]> = {
  bubblewrap: [],
  unshare: ['filesystem', 'sockets'],
  process: ['processes', 'filesystem', 'network', 'sockets'],
};

/** Why the mechanism cannot be tested here, or undefined. */
export function unavailable(mechanism: SandboxMechanism): string | undefined {
  const before = process.env['DLGRADE_SANDBOX'];
  process.env['DLGRADE_SANDBOX'] = mechanism;
  resetIsolationForTests();
  try {
    probeIsolation();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    if (before === undefined) delete process.env['DLGRADE_SANDBOX'];
    else process.env['DLGRADE_SANDBOX'] = before;
    resetIsolationForTests();
  }
}

/**
 * `spare`: every hostile file is loaded by a student process started ahead (a SparePool kept
 * across gradings, as check --watch and the regrade worker keep theirs): the same walls must hold. The hostile exercise is then graded on its own
 * (so it, not the neighbour, takes the spare), the neighbour right after.
 */
export function hostileSuite(mechanism: SandboxMechanism, options: { spare?: boolean; shared?: boolean } = {}): void {
  const catalog = loadCatalog();
  const dice = catalog.exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
  const neighbour = catalog.exercises.find((e) => e.id !== dice.id && existsSync(e.solutionPath));
  // `shared`: a correct exercise graded after the hostile one, in the same grading
  const after = options.shared ? catalog.exercises.find((e) => e.chapter > dice.chapter && existsSync(e.solutionPath)) : undefined;
  /** processes that served a second exercise, over the whole corpus (`shared`) */
  let reused = 0;
  const packageJson = readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8');
  // the reference cache's folder exists (as after any grading) and is a target of write-outside
  const refCache = join(cacheDir() ?? join(INSTALL_ROOT, 'node_modules', '.cache', 'dlgrade'), REFERENCE_CACHE_FOLDER);
  mkdirSync(refCache, { recursive: true });
  const lacking = new Set(EXPECTED_WALLS[mechanism]);
  const all = readdirSync(HOSTILE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const unsafe = lacking.has('processes') ? UNSAFE_WITHOUT_PROCESS_WALL : [];
  const fixtures = all.filter((name) => !unsafe.includes(name));
  const contained = (name: string): boolean => !lacking.has(ATTACKS[name] ?? ('none' as WallName));

  const results = new Map<string, GradeResult>();
  // what the attacks could reach from outside: a TCP listener, host Unix sockets (filesystem and
  // abstract), a folder with a secret in it
  const connections: string[] = [];
  const servers: Server[] = [];
  let root: string;
  let outside: string;
  let port = 0;
  const abstractName = `\0dlgrade-hostile-abstract-${process.pid}-${mechanism}`;
  const unixPaths: string[] = [];
  const outsideBind = (): string => join(outside, 'bound.sock');
  const hostFiles = ['/tmp/dlgrade-hostile-was-here', '/dev/shm/dlgrade-hostile-was-here', '/var/tmp/dlgrade-hostile-was-here', '/tmp/dlgrade-hostile-dir'];
  // listen(path) is not checked by Node's permission model: only the sockets wall stops these
  // per suite (the fixture's names carry this tag): the process fallback's suite, which lacks the
  // sockets wall, may run beside another and must not leave its socket in that one's way
  const tag = (): string => basename(outside);
  const hostSockets = (): string[] => [`/tmp/dlgrade-hostile-bind-${tag()}.sock`, `/dev/shm/dlgrade-hostile-bind-${tag()}.sock`];

  const listen = (server: Server, where: string | number, host?: string): Promise<void> =>
    new Promise((resolve, reject) => {
      server.on('error', reject);
      if (typeof where === 'number') server.listen(where, host, () => resolve());
      else server.listen(where, () => resolve());
    });

  beforeAll(async () => {
    process.env['DLGRADE_SANDBOX'] = mechanism;
    process.env['GITHUB_TOKEN'] = SECRET;
    process.env['DLGRADE_TEST_SECRET'] = SECRET;
    resetIsolationForTests();
    root = mkdtempSync(join(tmpdir(), 'dlgrade-hostile-'));
    // a folder outside every sandbox, readable and writable by anyone: only the sandbox stops access
    outside = mkdtempSync(join(INSTALL_ROOT, '.hostile-outside-'));
    for (const file of [...hostFiles, ...hostSockets()]) rmSync(file, { recursive: true, force: true });
    chmodSync(outside, 0o777);
    writeFileSync(join(outside, 'secret.txt'), `GITHUB_TOKEN=${SECRET}\n`);
    chmodSync(join(outside, 'secret.txt'), 0o666);
    const record = (what: string) => (socket: { destroy: () => void }) => {
      connections.push(what);
      socket.destroy();
    };
    const tcp = createServer(record('tcp'));
    await listen(tcp, 0, '127.0.0.1');
    port = (tcp.address() as { port: number }).port;
    servers.push(tcp);
    for (const path of [join(tmpdir(), `dlgrade-hostile-${process.pid}-${mechanism}.sock`), join(outside, 'host.sock')]) {
      rmSync(path, { force: true });
      const unix = createServer(record(path));
      await listen(unix, path);
      chmodSync(path, 0o777);
      servers.push(unix);
      unixPaths.push(path);
    }
    const abstract = createServer(record('abstract'));
    await listen(abstract, abstractName);
    servers.push(abstract);

    const fill = (source: string): string =>
      source
        .split('__DLGRADE_HOSTILE_PORT__').join(String(port))
        .split('__DLGRADE_HOSTILE_SOCKETS__').join(JSON.stringify([...unixPaths, abstractName]).replace(/\\/g, '\\\\').replace(/'/g, "\\'"))
        .split('__DLGRADE_HOSTILE_BIND__').join(outsideBind())
        .split('__DLGRADE_HOSTILE_OUTSIDE__').join(outside)
        .split('__DLGRADE_HOSTILE_REFCACHE__').join(refCache)
        .split('__DLGRADE_HOSTILE_TAG__').join(tag());
    // grade them two at a time: each runs in its own sandboxed processes
    const queue = [...fixtures];
    const worker = async (): Promise<void> => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const dir = join(root, name);
        mkdirSync(join(dir, dice.chapter, dice.name), { recursive: true });
        writeFileSync(join(dir, dice.chapter, dice.name, dice.file), fill(readFileSync(join(HOSTILE_DIR, `${name}.ts`), 'utf8')));
        if (neighbour) {
          mkdirSync(join(dir, neighbour.chapter, neighbour.name), { recursive: true });
          cpSync(neighbour.solutionPath, join(dir, neighbour.chapter, neighbour.name, neighbour.file));
        }
        if (after) {
          mkdirSync(join(dir, after.chapter, after.name), { recursive: true });
          cpSync(after.solutionPath, join(dir, after.chapter, after.name, after.file));
        }
        const exercises = [dice.id, ...(neighbour ? [neighbour.id] : []), ...(after ? [after.id] : [])];
        if (options.shared) {
          // one at a time, in the catalog's order: the classmate's exercise first, its process then
          // recycled for the hostile file, and what the hostile file leaves recycled for the next
          const spares = new SparePool();
          results.set(name, await gradeSubmission({ submissionDir: dir, exercises, catalog, audience: 'instructor', concurrency: 1, spares }));
          reused += spares.reused;
          await spares.dispose();
          continue;
        }
        if (options.spare) {
          // a pool kept across gradings (as check --watch and the regrade worker keep theirs): its
          // spare is started before the grading and taken by the hostile file's first start
          const spares = new SparePool();
          spares.plan(() => [sandboxLimitsOf(dice)]);
          expect(spares.size, `${name}: a spare is waiting`).toBe(1);
          const hostile = await gradeSubmission({ submissionDir: dir, exercises: [dice.id], catalog, audience: 'instructor', concurrency: 1, spares });
          // taken, unless no process was started at all (a file that does not compile)
          if (hostile.exercises[0]?.reason !== 'compile-error') expect(spares.taken, `${name}: the spare was taken, once`).toBe(1);
          await spares.dispose();
          const rest = neighbour ? await gradeSubmission({ submissionDir: dir, exercises: [neighbour.id], catalog, audience: 'instructor' }) : undefined;
          results.set(name, { ...hostile, exercises: [...hostile.exercises, ...(rest?.exercises ?? [])] });
          continue;
        }
        results.set(name, await gradeSubmission({ submissionDir: dir, exercises, catalog, audience: 'instructor' }));
      }
    };
    // with a spare: one at a time (there is one spare, and each hostile file must get it)
    await Promise.all(options.spare || options.shared ? [worker()] : [worker(), worker()]);
  }, 600_000);

  afterAll(async () => {
    delete process.env['GITHUB_TOKEN'];
    delete process.env['DLGRADE_TEST_SECRET'];
    delete process.env['DLGRADE_SANDBOX'];
    resetIsolationForTests();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    for (const file of [...hostFiles, ...hostSockets()]) rmSync(file, { recursive: true, force: true });
  });

  const dicePart = (name: string): ExerciseResult => results.get(name)!.exercises.find((x) => x.id === dice.id)!;
  /** every message, counterexample and output of the student's exercise, as one text */
  const said = (name: string): string => {
    const e = dicePart(name);
    return [e.message ?? '', e.output ?? '', ...e.properties.map((p) => `${p.message ?? ''} ${p.received ?? ''}`)].join('\n');
  };

  it(`the result names the mechanism (${mechanism}) and each wall it lacks`, () => {
    for (const result of results.values()) {
      expect(result.sandbox.mechanism).toBe(mechanism);
      expect(missingWalls(result.sandbox)).toEqual(EXPECTED_WALLS[mechanism]);
    }
  });

  for (const name of all.filter((n) => unsafe.includes(n))) {
    it.skip(`${name}: not run on ${mechanism}, which reports processes not isolated (it would reach the test runner or other sandboxes)`, () => undefined);
  }

  it.each(fixtures.map((f) => [f]))('%s is graded, earns nothing, leaks no secret and spares its classmate', (name) => {
    const result = results.get(name)!;
    const e = dicePart(name);
    expect(e.score).toBe(0);
    expect(e.properties.every((p) => p.status !== 'pass')).toBe(true);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain('ghs_');
    for (const d of [neighbour, after]) {
      if (!d) continue;
      const other = result.exercises.find((x) => x.id === d.id)!;
      const why = other.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}: ${p.status} ${p.message ?? ''}`);
      expect(other.score, `${d.id} still graded after ${name}: ${other.status} ${other.reason ?? ''} ${why.join('; ')}`).toBe(other.maxScore);
    }
  });

  if (options.shared) {
    it('processes were shared: the hostile files were loaded into a process a correct exercise had used', () => {
      expect(reused).toBeGreaterThan(0);
    });
  }

  it('the grader survived every signal and opened no inspector', () => {
    // this very process is the grader: it is still here, and never started listening for a debugger
    expect(inspectorUrl()).toBeUndefined();
    if (fixtures.includes('signal-parent-usr1')) expect(said('signal-parent-usr1')).not.toContain('INSPECTOR REACHED');
  });

  it('nothing was written outside the sandbox', () => {
    // the grader's reference cache (grader/reference-cache): the folder a poisoned entry would go to
    for (const file of ['00/hostile.json', 'hostile.tmp', 'zz']) expect(existsSync(join(refCache, file)), file).toBe(false);
    expect(said('write-outside')).toContain(`${refCache}/00/hostile.json`);
    for (const file of hostFiles) expect(existsSync(file), file).toBe(false);
    expect(readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8')).toBe(packageJson);
    expect(readdirSync(outside).filter((f) => f !== 'bound.sock').sort()).toEqual(['host.sock', 'secret.txt']);
    expect(said('write-outside')).not.toContain('WROTE');
    expect(said('proc-escape')).not.toContain('WROTE');
  });

  it('no program was started and no thread', () => {
    expect(said('fork-exec')).not.toContain('RAN ');
  });

  it.runIf(contained('signal-every-pid') && fixtures.includes('signal-every-pid'))('the student sees no other process (processes)', () => {
    // its own PID namespace, numbered from 1: bubblewrap's init, itself and its own threads (a
    // thread id answers kill(tid, 0)); the host's processes and the grader's are not there
    const visible = /visible pids: ([\d,]+);/.exec(said('signal-every-pid'));
    expect(visible, said('signal-every-pid')).not.toBeNull();
    const pids = visible![1]!.split(',').map(Number);
    expect(pids).toContain(1);
    expect(pids.every((pid) => pid < 64), pids.join(',')).toBe(true);
    expect(pids).not.toContain(process.pid);
    // bubblewrap also gives it a hostname of its own
    if (mechanism === 'bubblewrap') expect(said('proc-escape')).not.toContain(`hostname: ${hostname()}`);
    expect(said('proc-escape')).not.toContain(INSTALL_ROOT);
  });

  it.runIf(contained('proc-cmdline'))('no command line the student can read names a host path (processes)', () => {
    const seen = cmdlinesSeen(said('proc-cmdline'));
    expect(seen.has('argv'), said('proc-cmdline')).toBe(true);
    for (const [path, args] of seen) expect(hostTraces(args), `${path}: ${args.join(' ')}`).toEqual([]);
  });

  it.runIf(contained('host-sockets'))('no host Unix socket was reached or created (sockets)', () => {
    expect(connections.filter((c) => c !== 'tcp')).toEqual([]);
    expect(said('host-sockets')).not.toContain('REACHED');
    expect(existsSync(outsideBind())).toBe(false);
    for (const file of hostSockets()) expect(existsSync(file), file).toBe(false);
    expect(said('bind-sockets')).not.toContain(`BOUND "${outsideBind()}"`);
  });

  it.runIf(contained('tcp-localhost'))('the host’s network was not reached (network)', () => {
    expect(connections.filter((c) => c === 'tcp')).toEqual([]);
    expect(said('tcp-localhost')).not.toContain('REACHED');
    // the attempt was made, and failed: nothing listens on its own loopback (or it has none)
    expect(said('tcp-localhost')).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}: (ECONNREFUSED|ENETUNREACH)`));
    expect(said('fs-and-network')).not.toContain('NETWORK REACHABLE');
  });

  it.runIf(contained('existence-oracle'))('no host path is seen, read or listed (filesystem)', () => {
    const oracle = said('existence-oracle');
    // (the grader's own folder is written out of messages: the outside folder is found by its name)
    for (const path of ['/etc/passwd', '/root', '/home', '/work', '/var/run/docker.sock', '/proc/1/root/etc/passwd', '/bin/sh', basename(outside)]) {
      expect(oracle).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: absent`));
    }
    const read = said('read-host');
    expect(read).not.toMatch(/root:x?:0:0/);
    expect(read).not.toMatch(new RegExp(`(READ|LISTED) [^|]*${basename(outside)}`));
    expect(read).not.toMatch(/LISTED \/: .*\b(etc|home|root|work|var|run)\b/);
    expect(said('proc-escape')).not.toContain(basename(outside));
  });

  it('the student process sees no variable of the grader’s environment', () => {
    const message = dicePart('env-secrets').properties[0]!.message ?? '';
    expect(message).toContain('"LANG":"C.UTF-8"');
    expect(message).not.toContain('DLGRADE_TEST_SECRET');
    expect(message).not.toContain('GITHUB_TOKEN');
    expect(message).not.toContain('PATH');
    expect(message).not.toContain('/tmp/dlgrade-sandbox-');
  });

  it('the usual failures are reported as such', () => {
    const e = (name: string): ExerciseResult => dicePart(name);
    expect([e('infinite-loop').status, e('infinite-loop').reason]).toEqual(['timeout', 'timeout']);
    expect(e('infinite-loop-at-load').status).toBe('timeout');
    // on a loaded machine the call limit may strike before the memory limit: either contains it
    expect(['out-of-memory', 'timeout']).toContain(e('heap-bomb').reason);
    expect(['out-of-memory', 'timeout']).toContain(e('buffer-bomb').reason);
    expect(e('process-exit').reason).toBe('crash');
    expect([e('exit-at-load').status, e('exit-at-load').reason]).toEqual(['error', 'crash']);
    expect(e('throw-string').properties[0]!.message).toMatch(/no es un Error/);
    expect(e('throw-undefined').properties[0]!.message).toMatch(/undefined/);
    expect(e('returns-promise').properties[0]!.message).toMatch(/Promise/);
    expect([e('syntax-error').status, e('syntax-error').reason]).toEqual(['error', 'compile-error']);
    expect(e('syntax-error').location).toEqual({ file: 'exercises/ch15-losses/dice-loss/dice-loss.ts', line: 3, column: 26, frame: [{ line: 2, text: '  let total = 0' }, { line: 3, text: '  for (const row of pred {' }, { line: 4, text: '    total += row.length;' }] });
    expect(e('syntax-error').message).toContain('dice-loss.ts:3:26');
    expect(e('imports-library').message).toMatch(/no se permite importar "@tensorflow\/tfjs"/);
    expect(e('missing-export').reason).toBe('missing-export');
    expect(e('missing-export').properties[0]!.message).toMatch(/no exporta la función diceLoss/);
    expect(e('throws-at-load').message).toMatch(/falló al cargarse/);
    expect(e('huge-output').output?.length ?? 0).toBeLessThanOrEqual(4000);
  });
}



/**
 * The hostile corpus under bubblewrap, the sandbox of record, as the suite `title` names it. Where
 * bubblewrap cannot start, a CI run fails (the real sandbox must be tested there: .ci/run installs
 * it); elsewhere the suite is skipped, saying why.
 */
export function bubblewrapHostileSuite(title: string, options: { spare?: boolean; shared?: boolean } = {}): void {
  const missing = unavailable('bubblewrap');
  if (missing && process.env['CI'] !== 'true') {
    describe.skip(`${title} (cannot start here: ${missing})`, () => {
      it('is skipped', () => undefined);
    });
    return;
  }
  describe(title, () => {
    if (missing) {
      it('bubblewrap starts on CI (install it: apt-get install bubblewrap)', () => {
        throw new Error(missing);
      });
      return;
    }
    hostileSuite('bubblewrap', options);
  });
}
