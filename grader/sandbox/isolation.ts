import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { SandboxInfo } from '../engine/result.ts';

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
      network: networkPrefix.length > 0 ? 'isolated' : 'not-isolated',
      filesystem: permissionFlag ? 'permission-model' : 'not-restricted',
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
