import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { SandboxInfo } from '../engine/result.ts';

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

/** How the student process is started on this machine: what the OS and Node let us remove. */
export interface Isolation {
  info: SandboxInfo;
  /** argv prefix that drops the network (e.g. ['/usr/bin/unshare', '-rn']), or [] */
  networkPrefix: string[];
  /** Node's permission-model flag on this Node version, or undefined */
  permissionFlag: '--permission' | '--experimental-permission' | undefined;
}

let cached: Isolation | undefined;

/**
 * Probes once per grader process. Network: a fresh network namespace via unshare(1), first as an
 * unprivileged user namespace (-r), then plainly (root); where neither works (e.g. runners that
 * forbid unprivileged user namespaces) the student process keeps the network and the report says so.
 * Filesystem: Node's permission model (read only the sandbox folder, write nowhere, no child
 * processes, no workers, no native addons).
 * DLGRADE_SANDBOX_NETWORK=off skips the namespace (for debugging only).
 */
export function probeIsolation(): Isolation {
  if (cached) return cached;
  const networkPrefix = process.env['DLGRADE_SANDBOX_NETWORK'] === 'off' ? [] : probeUnshare();
  const flags = process.allowedNodeEnvironmentFlags;
  const permissionFlag = flags.has('--permission') ? '--permission' : flags.has('--experimental-permission') ? '--experimental-permission' : undefined;
  cached = {
    networkPrefix,
    permissionFlag,
    info: {
      process: 'separate',
      mechanism: networkPrefix.length > 0 ? 'unshare' : 'process',
      walls: {
        processes: 'not-isolated',
        // Node's permission model alone does not hide the host's files (existence oracle)
        filesystem: 'not-isolated',
        network: networkPrefix.length > 0 ? 'isolated' : 'not-isolated',
        sockets: 'not-isolated',
      },
    },
  };
  return cached;
}

function probeUnshare(): string[] {
  if (process.platform !== 'linux') return [];
  const unshare = ['/usr/bin/unshare', '/bin/unshare'].find((candidate) => existsSync(candidate));
  if (!unshare) return [];
  for (const flags of [['--user', '--map-root-user', '--net'], ['--net']]) {
    const probe = spawnSync(unshare, [...flags, process.execPath, '-e', '0'], { stdio: 'ignore', timeout: 5000, env: {} });
    if (probe.status === 0) return [unshare, ...flags];
  }
  return [];
}
