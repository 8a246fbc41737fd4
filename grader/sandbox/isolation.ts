import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, homedir, release, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../catalog/cache.ts';
import type { SandboxInfo, SandboxMechanism, SandboxWalls } from '../engine/result.ts';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';
import { toolVersion } from '../paths.ts';
import { writeFileAtomic } from '../boot/atomic-write.mjs';

/** The walls of the sandbox, each reported separately in every result. */
export type WallName = 'processes' | 'filesystem' | 'network' | 'sockets';
export const WALL_NAMES: readonly WallName[] = ['processes', 'filesystem', 'network', 'sockets'];

/**
 * The walls a sandbox did not build, in a fixed order ([] when every wall holds). An info without
 * walls (a result file written before they were reported, or a malformed one) misses all of them.
 */
export function missingWalls(info: SandboxInfo): WallName[] {
  const walls = (info as Partial<SandboxInfo> | undefined)?.walls;
  return WALL_NAMES.filter((wall) => walls?.[wall] !== 'isolated');
}

/** How to start one student process: the command, and who it runs as. */
export interface Launch {
  file: string;
  args: string[];
  /** set where the grader runs as root: the student process runs as nobody, with no supplementary group */
  uid?: number;
  gid?: number;
  /** its own session and process group (signals to "the group" reach only itself) */
  detached: boolean;
  /**
   * Written to the launcher's stdin, which is then closed (stdin is otherwise not given). Bubblewrap
   * reads its arguments there (`--args 0`), NUL-separated: its command line, which the student
   * reads as /proc/1/cmdline inside the sandbox, is then `bwrap --args 0 -- node <its arguments>`
   * (paths as seen inside), not the host paths of its bind mounts.
   */
  input?: string;
}

/** How the student process is started on this machine: what the OS and Node let us remove. */
export interface Isolation {
  info: SandboxInfo;
  mechanism: SandboxMechanism;
  /** why each stronger mechanism could not start here ("bubblewrap: bwrap is not installed …"), for messages */
  unavailable: string[];
  /** Node's permission-model flag on this Node version, or undefined (the second wall, inside) */
  permissionFlag: '--permission' | '--experimental-permission' | undefined;
  /** flags every student Node gets on this Node version (e.g. --disable-sigusr1 where it exists) */
  hardeningFlags: string[];
  /** where the sandbox folder `dir` appears inside the sandbox */
  insideDir(dir: string): string;
  /** the command that runs `node <nodeArgs>` (paths in nodeArgs as seen inside) with `dir` as its folder */
  launch(dir: string, nodeArgs: string[]): Launch;
  /**
   * Makes a freshly created sandbox folder and its files readable by the student process's user
   * (where it is not the grader's). Call after writing the files.
   */
  prepare(dir: string, files: string[]): void;
}

/** A mechanism that was forced (DLGRADE_SANDBOX) or required but cannot start on this machine. */
export class SandboxUnavailableError extends DlgradeError {
  constructor(message: string, fix: string) {
    super({ code: 'E_SANDBOX', message, fix });
    this.name = 'SandboxUnavailableError';
  }
}

const MECHANISMS: readonly SandboxMechanism[] = ['bubblewrap', 'unshare', 'process'];
/** nobody/nogroup: the uid and gid the student process gets where the grader runs as root */
const NOBODY = 65534;
/** the sandbox folder inside bubblewrap's empty root */
const BWRAP_DIR = '/sandbox';
/** the sandbox folder inside the unshare fallback (a fresh tmpfs over /tmp, the folder bound into it) */
const UNSHARE_DIR = '/tmp/sandbox';
const MINIMAL_ENV = { LANG: 'C.UTF-8', TZ: 'UTC' };

const WALLS: Record<SandboxMechanism, SandboxWalls> = {
  bubblewrap: { processes: 'isolated', filesystem: 'isolated', network: 'isolated', sockets: 'isolated' },
  // the host's tree stays mounted (only Node's permission model stops reads), and a host socket
  // outside the folders covered by a tmpfs stays reachable by path
  unshare: { processes: 'isolated', filesystem: 'not-isolated', network: 'isolated', sockets: 'not-isolated' },
  process: { processes: 'not-isolated', filesystem: 'not-isolated', network: 'not-isolated', sockets: 'not-isolated' },
};

let cached: Isolation | undefined;
let cachedFailure: SandboxUnavailableError | undefined;
/** the answer came from the probe cache of an earlier run (not probed in this process) */
let fromProbeCache = false;

/**
 * Probes once per grader process and caches the answer: bubblewrap where it can start Node, then
 * unshare(1), then a plain process. DLGRADE_SANDBOX=bubblewrap|unshare|process forces one (a forced
 * mechanism that cannot start throws SandboxUnavailableError: never a silent downgrade).
 *
 * Across runs, the answer is kept in the trusted cache folder (see "The probe's cache" below) only
 * when the first candidate started (bubblewrap, or the forced mechanism): a cached answer can
 * never pick a weaker sandbox than probing would. A student process that dies before it is ready
 * under a cached answer makes `recheckIsolation` probe again.
 */
export function probeIsolation(): Isolation {
  if (cached) return cached;
  if (cachedFailure) throw cachedFailure;
  const forced = process.env['DLGRADE_SANDBOX']?.trim();
  if (forced && !MECHANISMS.includes(forced as SandboxMechanism)) {
    cachedFailure = new SandboxUnavailableError(text().errors.sandbox.unknownForced(forced), text().errors.sandbox.unknownForcedFix);
    throw cachedFailure;
  }
  const candidates = forced ? [forced as SandboxMechanism] : MECHANISMS;
  const strongest = candidates[0]!;
  const file = probeCacheFile();
  const key = file !== undefined ? probeKeySafe(forced ?? '') : undefined;
  if (file !== undefined && key !== undefined) {
    const hit = readProbeCache(file, key, strongest);
    if (hit) {
      libraryBinds = hit.libraries;
      const isolation = build(strongest);
      if (typeof isolation !== 'string') {
        cached = { ...isolation, unavailable: [] };
        fromProbeCache = true;
        return cached;
      }
      libraryBinds = undefined;
    }
  }
  const reasons: string[] = [];
  for (const mechanism of candidates) {
    const isolation = build(mechanism);
    const problem = typeof isolation === 'string' ? isolation : tryStart(isolation);
    if (problem === undefined && typeof isolation !== 'string') {
      cached = { ...isolation, unavailable: reasons };
      if (file !== undefined && key !== undefined && mechanism === strongest) writeProbeCache(file, key, mechanism);
      return cached;
    }
    reasons.push(`${mechanism}: ${problem}`);
  }
  const w = text().errors.sandbox;
  cachedFailure = new SandboxUnavailableError(
    forced ? w.forcedCannotStart(forced, reasons) : w.noneCanStart(reasons),
    forced === 'bubblewrap'
      ? w.bubblewrapFix
      : forced
        ? w.unsetForcedFix
        : process.getuid?.() === 0
          ? w.rootFix(NOBODY, realpathSync(process.execPath), tmpdir())
          : w.checkNodeFix(process.execPath, tmpdir()),
  );
  throw cachedFailure;
}

/** Only for tests: forget the cached probe (e.g. after changing DLGRADE_SANDBOX). */
export function resetIsolationForTests(): void {
  cached = undefined;
  cachedFailure = undefined;
  libraryBinds = undefined;
  fromProbeCache = false;
}

/** Whether the answer in use came from an earlier run's probe cache (for tests and the profile). */
export function isolationFromCache(): boolean {
  return cached !== undefined && fromProbeCache;
}

/**
 * Called when a student process died before it was ready. Under an answer probed in this process
 * nothing is done (the process's own failure). Under a cached one, the mechanism is probed now,
 * once: if it still starts Node, the failure was the process's own and it is now confirmed; if it
 * does not, the cache entry is removed and this throws SandboxUnavailableError, as every later
 * probeIsolation() of this process does: nothing more is launched, and never under a weaker
 * sandbox; the next run probes afresh (and its report names what it found).
 */
export function recheckIsolation(): void {
  if (!cached || !fromProbeCache) return;
  fromProbeCache = false;
  const problem = tryStart(cached);
  if (problem === undefined) return;
  const file = probeCacheFile();
  if (file !== undefined) rmSync(file, { force: true });
  cachedFailure = new SandboxUnavailableError(text().errors.sandbox.staleProbe(cached.mechanism, problem), text().errors.sandbox.staleProbeFix);
  cached = undefined;
  libraryBinds = undefined;
  throw cachedFailure;
}

// ——— The probe's cache ———
// What the probe's answer depends on, all in its key: this file's source and the tool's version;
// the platform, architecture, kernel release and boot id (a reboot, a new kernel); the uid, gid
// and groups; the namespaces this process lives in (another container); the sysctls that allow or
// forbid unprivileged user namespaces (Debian's unprivileged_userns_clone, max_user_namespaces and
// the other max_*_namespaces, Ubuntu's AppArmor restriction); DLGRADE_SANDBOX; the identity (device,
// inode, size, mtime, ctime, mode, owner) of Node's real binary, of every bubblewrap, unshare, sh,
// setpriv and ldd the probe may use; the temporary folder (which one, its mode and owner); Node's version and its
// permission and hardening flags. Node's libraries (ldd's answer) are stored with the entry, each
// with its identity, and checked at every hit. A change outside all of that (an AppArmor profile
// loaded, a seccomp policy) is caught at launch: recheckIsolation.

const PROBE_FORMAT = 1;
const BINARIES = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap', '/usr/bin/unshare', '/bin/unshare', '/bin/sh', '/usr/bin/sh', '/usr/bin/setpriv', '/bin/setpriv', '/usr/bin/prlimit', '/bin/prlimit', '/usr/bin/ldd', '/bin/ldd'];
const SYSCTLS = [
  '/proc/sys/kernel/unprivileged_userns_clone',
  '/proc/sys/kernel/apparmor_restrict_unprivileged_userns',
  '/proc/sys/kernel/apparmor_restrict_unprivileged_unconfined',
  '/proc/sys/user/max_user_namespaces',
  '/proc/sys/user/max_pid_namespaces',
  '/proc/sys/user/max_mnt_namespaces',
  '/proc/sys/user/max_net_namespaces',
  '/proc/sys/user/max_ipc_namespaces',
  '/proc/sys/user/max_uts_namespaces',
  '/proc/sys/kernel/random/boot_id',
];

interface ProbeEntry {
  format: number;
  key: string;
  mechanism: SandboxMechanism;
  /** bubblewrap's binds of Node's libraries, and each real file's identity then */
  libraries?: string[];
  libraryIds?: string[];
  sha256: string;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function identity(path: string): string {
  try {
    const s = statSync(path);
    return `${path} ${s.dev}:${s.ino} ${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.mode} ${s.uid}:${s.gid}`;
  } catch {
    return `${path} absent`;
  }
}

function readOr(path: string, read: (p: string) => string): string {
  try {
    return read(path);
  } catch {
    return 'absent';
  }
}

function probeCacheFile(): string | undefined {
  if (process.env['DLGRADE_PRECOMPILE'] === '0') return undefined;
  const dir = cacheDir();
  return dir === undefined ? undefined : join(dir, `isolation-${process.getuid?.() ?? 'u'}.json`);
}

/** The hash of everything the probe's answer depends on (above). */
export function probeKey(forced: string): string {
  const ns = ['user', 'mnt', 'pid', 'net', 'ipc', 'uts', 'cgroup'].map((n) => readOr(`/proc/self/ns/${n}`, (p) => readlinkSync(p)));
  return sha256(
    JSON.stringify({
      format: PROBE_FORMAT,
      tool: toolVersion(),
      source: readOr(fileURLToPath(import.meta.url), (p) => sha256(readFileSync(p))),
      platform: process.platform,
      arch: arch(),
      release: release(),
      ids: [process.getuid?.(), process.getgid?.(), process.getgroups?.()],
      ns,
      sysctls: SYSCTLS.map((p) => readOr(p, (q) => readFileSync(q, 'utf8').trim())),
      forced,
      node: [process.version, identity(nodeBinary()), permissionFlag(), hardeningFlags()],
      binaries: BINARIES.map(identity),
      // a folder's mtime changes with every file made in it: only which folder, its mode and owner
      tmp: readOr(tmpdir(), (p) => {
        const t = statSync(p);
        return `${p} ${t.dev}:${t.ino} ${t.mode} ${t.uid}`;
      }),
      home: homedir(),
    }),
  );
}

function probeKeySafe(forced: string): string | undefined {
  try {
    return probeKey(forced);
  } catch {
    return undefined;
  }
}

/** The cached answer for this key, when it is the strongest candidate and every library is unchanged. */
function readProbeCache(file: string, key: string, strongest: SandboxMechanism): { libraries: string[] | undefined } | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<ProbeEntry>;
    const { sha256: sum, ...rest } = entry;
    if (entry.format !== PROBE_FORMAT || entry.key !== key || entry.mechanism !== strongest || sum !== sha256(JSON.stringify(rest))) return undefined;
    if (strongest !== 'bubblewrap') return { libraries: undefined };
    const { libraries, libraryIds } = entry;
    if (!Array.isArray(libraries) || !Array.isArray(libraryIds) || libraries.length !== libraryIds.length * 3) return undefined;
    for (let i = 0; i < libraryIds.length; i++) if (identity(String(libraries[i * 3 + 1])) !== libraryIds[i]) return undefined;
    return { libraries: libraries.map(String) };
  } catch {
    return undefined;
  }
}

function writeProbeCache(file: string, key: string, mechanism: SandboxMechanism): void {
  const rest: Omit<ProbeEntry, 'sha256'> = { format: PROBE_FORMAT, key, mechanism };
  if (mechanism === 'bubblewrap') {
    if (!libraryBinds) return;
    rest.libraries = libraryBinds;
    rest.libraryIds = [];
    for (let i = 0; i < libraryBinds.length; i += 3) rest.libraryIds.push(identity(libraryBinds[i + 1]!));
  }
  writeFileAtomic(file, JSON.stringify({ ...rest, sha256: sha256(JSON.stringify(rest)) }));
}

function permissionFlag(): Isolation['permissionFlag'] {
  const flags = process.allowedNodeEnvironmentFlags;
  return flags.has('--permission') ? '--permission' : flags.has('--experimental-permission') ? '--experimental-permission' : undefined;
}

function hardeningFlags(): string[] {
  return process.allowedNodeEnvironmentFlags.has('--disable-sigusr1') ? ['--disable-sigusr1'] : [];
}

/** as root, the student process runs as nobody/nogroup; libuv drops every supplementary group */
function dropTo(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
}

function makeReadable(dir: string, files: string[]): void {
  if (process.getuid?.() !== 0) return;
  chmodSync(dir, 0o755);
  for (const file of files) chmodSync(join(dir, file), 0o644);
}

function nodeBinary(): string {
  return realpathSync(process.execPath);
}

function build(mechanism: SandboxMechanism): Isolation | string {
  const base = { mechanism, unavailable: [], permissionFlag: permissionFlag(), hardeningFlags: hardeningFlags(), info: { process: 'separate' as const, mechanism, walls: { ...WALLS[mechanism] } } };
  if (mechanism === 'process') {
    const node = nodeBinary();
    return {
      ...base,
      insideDir: (dir) => dir,
      // its own process group (on Windows, detached would open a console instead)
      launch: (_dir, nodeArgs) => ({ ...withBackstop(node, nodeArgs), detached: process.platform !== 'win32', ...dropTo() }),
      prepare: makeReadable,
    };
  }
  if (process.platform !== 'linux') return 'only on Linux';
  if (mechanism === 'bubblewrap') return buildBubblewrap(base);
  return buildUnshare(base);
}

/** CPU seconds after which a student process of the fallbacks is ended by the kernel (see withBackstop) */
export const CPU_BACKSTOP_S = 1200;

/**
 * The fallbacks' backstop for a grader that dies without ending its student process (SIGKILL, the
 * OOM killer, a crash): bubblewrap has --die-with-parent; a plain process and unshare (whose
 * --kill-child only acts when unshare itself dies) would otherwise outlive the grader, and a
 * student's `while (true)` never reads the channel's end to exit by itself. The launcher is started
 * through util-linux's `setpriv --pdeathsig KILL` (the kernel sends SIGKILL when the grader's
 * thread that started it exits; under unshare, unshare dies and takes its namespace with it) and
 * `prlimit --cpu` (an RLIMIT_CPU of CPU_BACKSTOP_S seconds, far beyond any exercise's budget,
 * which the grader's own clock enforces: CPU time, so a loaded machine never reaches it). Where
 * either tool is missing, the launch is the same without it.
 */
function withBackstop(file: string, args: string[]): { file: string; args: string[] } {
  if (process.platform !== 'linux') return { file, args };
  const chain: string[] = [];
  const prlimit = findBinary(['/usr/bin/prlimit', '/bin/prlimit']);
  if (prlimit) chain.push(prlimit, `--cpu=${CPU_BACKSTOP_S}:${CPU_BACKSTOP_S + 5}`, '--');
  const setpriv = findBinary(['/usr/bin/setpriv', '/bin/setpriv']);
  if (setpriv) chain.push(setpriv, '--pdeathsig', 'KILL', '--');
  if (chain.length === 0) return { file, args };
  return { file: chain[0]!, args: [...chain.slice(1), file, ...args] };
}

function findBinary(names: string[]): string | undefined {
  return names.find((candidate) => existsSync(candidate));
}

let libraryBinds: string[] | undefined;

/**
 * `--ro-bind <real file> <path the loader asks for>` for Node's interpreter and every shared
 * library `ldd` names: found once per grader process.
 */
function nodeLibraries(node: string): string[] | string {
  if (libraryBinds) return libraryBinds;
  let listing: string;
  try {
    listing = execFileSync(findBinary(['/usr/bin/ldd', '/bin/ldd']) ?? 'ldd', [node], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' }, timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // a statically linked Node has no libraries: ldd says so and exits non-zero
    const out = String((error as { stdout?: unknown }).stdout ?? '');
    if (/not a dynamic executable|statically linked/.test(out)) listing = '';
    else return text().errors.sandbox.lddFailed((error as Error).message.split('\n')[0] ?? '');
  }
  const binds: string[] = [];
  const seen = new Set<string>();
  for (const line of listing.split('\n')) {
    // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (!match) {
      if (/not found/.test(line)) return text().errors.sandbox.libraryMissing(line.trim());
      continue;
    }
    const path = match[1]!;
    if (!isAbsolute(path) || seen.has(path)) continue;
    seen.add(path);
    binds.push('--ro-bind', realpathSync(path), path);
  }
  libraryBinds = binds;
  return binds;
}

function buildBubblewrap(base: Omit<Isolation, 'insideDir' | 'launch' | 'prepare'>): Isolation | string {
  const bwrap = findBinary(['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap']);
  if (!bwrap) return text().errors.sandbox.noBwrap;
  const node = nodeBinary();
  const libraries = nodeLibraries(node);
  if (typeof libraries === 'string') return libraries;
  // the argument list is built once; only the sandbox folder changes per student process
  const prefix = [
    '--unshare-all', // user, PID, network, IPC, UTS, cgroup and mount namespaces
    '--die-with-parent',
    '--new-session',
    '--clearenv',
    '--setenv', 'LANG', MINIMAL_ENV.LANG,
    '--setenv', 'TZ', MINIMAL_ENV.TZ,
    '--setenv', 'HOME', BWRAP_DIR,
    '--cap-drop', 'ALL',
    // the host's name is nobody's business (its own UTS namespace)
    '--hostname', 'sandbox',
    // an empty root: a tmpfs with only Node, its libraries and the sandbox folder, all read-only
    '--tmpfs', '/',
    '--ro-bind', node, node,
    ...libraries,
    '--proc', '/proc',
    '--dev', '/dev',
  ];
  // nothing writable anywhere: not even /dev (its tmpfs would hold /dev/shm, memory outside the
  // process's resident set); writing to /dev/null still works
  const suffix = ['--chdir', BWRAP_DIR, '--remount-ro', '/dev', '--remount-ro', '/'];
  return {
    ...base,
    insideDir: () => BWRAP_DIR,
    launch: (dir, nodeArgs) => {
      // bwrap's options, with every host path, go through stdin; only the command stays on its
      // command line (bwrap wants it there): Node, at the path it has inside too, and its arguments,
      // paths as seen inside
      const options = [...prefix, '--ro-bind', dir, BWRAP_DIR, ...suffix];
      // an argument cannot hold a NUL (the OS would refuse it too): it would split one in two
      if (options.some((a) => a.includes('\0'))) throw new Error('a sandbox argument holds a NUL byte');
      return { file: bwrap, args: ['--args', '0', '--', node, ...nodeArgs], input: options.map((a) => `${a}\0`).join(''), detached: false, ...dropTo() };
    },
    prepare: makeReadable,
  };
}

/**
 * The unshare fallback: new user, PID, mount, network, IPC and UTS namespaces; a fresh /proc; a
 * tmpfs (64 KiB: no memory outside the process) over /tmp (the sandbox folder bound read-only
 * into it), /run, /var/run, /var/tmp, /dev/shm, /home, /root and the grader's $HOME; no
 * capability (setpriv). The host's other files stay mounted: only Node's permission model keeps
 * them from being read.
 */
const UNSHARE_SCRIPT = [
  'set -e',
  'PATH=/usr/sbin:/usr/bin:/sbin:/bin',
  'd=$1; h=$2; shift 2',
  'mount -n -t tmpfs -o mode=755,size=64k tmpfs /dev/shm',
  'mkdir /dev/shm/s',
  'mount -n --bind "$d" /dev/shm/s',
  'mount -n -t tmpfs -o mode=755,size=64k tmpfs /tmp',
  `mkdir ${UNSHARE_DIR}`,
  `mount -n --move /dev/shm/s ${UNSHARE_DIR}`,
  `mount -n -o remount,bind,ro ${UNSHARE_DIR}`,
  'mount -n -t tmpfs -o mode=755,size=64k tmpfs /dev/shm',
  'for p in /run /var/run /var/tmp /home /root "$h"; do if [ -n "$p" ] && [ -d "$p" ] && [ ! -L "$p" ]; then mount -n -t tmpfs -o mode=755,size=64k tmpfs "$p"; fi; done',
  `cd ${UNSHARE_DIR}`,
  'unset PATH OLDPWD d h p',
  `export HOME=${UNSHARE_DIR}`,
  // no capability left, even inside its own user namespace, where setpriv exists (util-linux)
  'for s in /usr/bin/setpriv /bin/setpriv; do if [ -x "$s" ]; then exec "$s" --no-new-privs --bounding-set=-all --inh-caps=-all -- "$@"; fi; done',
  'exec "$@"',
].join('\n');

function buildUnshare(base: Omit<Isolation, 'insideDir' | 'launch' | 'prepare'>): Isolation | string {
  const unshare = findBinary(['/usr/bin/unshare', '/bin/unshare']);
  if (!unshare) return text().errors.sandbox.noUnshare;
  const sh = findBinary(['/bin/sh', '/usr/bin/sh']);
  if (!sh) return text().errors.sandbox.noShell;
  const node = nodeBinary();
  const hostHome = (() => {
    try {
      return statSync(homedir()).isDirectory() ? homedir() : '';
    } catch {
      return '';
    }
  })();
  const prefix = ['--user', '--map-root-user', '--pid', '--fork', '--kill-child', '--mount-proc', '--mount', '--propagation', 'private', '--net', '--ipc', '--uts', '--', sh, '-c', UNSHARE_SCRIPT, 'sh'];
  return {
    ...base,
    insideDir: () => UNSHARE_DIR,
    launch: (dir, nodeArgs) => ({ ...withBackstop(unshare, [...prefix, dir, hostHome, node, ...nodeArgs]), detached: true, ...dropTo() }),
    prepare: makeReadable,
  };
}

/** Starts Node once through the mechanism, as a student process would be: undefined when it works. */
function tryStart(isolation: Isolation): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-probe-'));
  try {
    writeFileSync(join(dir, 'probe.mjs'), "process.stdout.write('dlgrade-probe-ok')\n");
    isolation.prepare(dir, ['probe.mjs']);
    const inside = isolation.insideDir(dir);
    const nodeArgs = [...isolation.hardeningFlags];
    if (isolation.permissionFlag) nodeArgs.push(isolation.permissionFlag, `--allow-fs-read=${inside}`);
    nodeArgs.push(join(inside, 'probe.mjs'));
    const launch = isolation.launch(dir, nodeArgs);
    const probe = spawnSync(launch.file, launch.args, {
      cwd: dir,
      env: launchEnv(dir),
      encoding: 'utf8',
      timeout: 15_000,
      stdio: [launch.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      ...(launch.input !== undefined ? { input: launch.input } : {}),
      ...(launch.uid !== undefined ? { uid: launch.uid, gid: launch.gid } : {}),
    });
    if (probe.stdout === 'dlgrade-probe-ok') return undefined;
    const why = (probe.error?.message ?? probe.stderr ?? '').trim().split('\n')[0] ?? '';
    return text().errors.sandbox.nodeFailed(why ? why.slice(0, 200) : `exit ${probe.status ?? probe.signal}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The environment of the launcher process: nothing of the grader's (no token, no NODE_OPTIONS).
 * HOME is the folder as seen inside (the launcher's environment is readable there, in /proc/1).
 */
export function launchEnv(dir: string): Record<string, string> {
  return { ...MINIMAL_ENV, HOME: cached ? cached.insideDir(dir) : dir };
}
