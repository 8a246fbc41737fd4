import { readFile, stat } from 'node:fs/promises';

/** What publish takes from the Actions event payload: only numbers and SHAs, type-checked. */
export interface EventInfo {
  /** the pull request of a `pull_request` / `pull_request_target` event */
  pullNumber?: number;
  pullHeadSha?: string;
}

const MAX_EVENT_BYTES = 25 * 1024 * 1024;
const SHA = /^[0-9a-f]{40,64}$/i;

async function readSmallJson(file: string, maxBytes: number): Promise<unknown> {
  const info = await stat(file);
  if (!info.isFile() || info.size > maxBytes) return undefined;
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Extracts the pull request from an event payload (pure). */
export function eventInfoFrom(payload: unknown): EventInfo {
  const pull = field(payload, 'pull_request');
  const number = field(pull, 'number');
  const headSha = field(field(pull, 'head'), 'sha');
  const info: EventInfo = {};
  if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) info.pullNumber = number;
  if (typeof headSha === 'string' && SHA.test(headSha)) info.pullHeadSha = headSha.toLowerCase();
  return info;
}

/** Reads `GITHUB_EVENT_PATH`; a missing or unreadable payload is simply no information. */
export async function readEventInfo(file: string | undefined): Promise<EventInfo> {
  if (file === undefined) return {};
  try {
    return eventInfoFrom(await readSmallJson(file, MAX_EVENT_BYTES));
  } catch {
    return {};
  }
}

/** Reads `starterCommit` from an assignment manifest (`.dlgrade/manifest.json`), if there is one. */
export async function readStarterCommit(file: string): Promise<string | undefined> {
  try {
    const value = field(await readSmallJson(file, 1024 * 1024), 'starterCommit');
    return typeof value === 'string' && /^[0-9a-f]{7,64}$/i.test(value) ? value.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
