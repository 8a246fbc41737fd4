import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_SUBMISSION } from '../collect/no-submission.ts';
import { text } from '../i18n/index.ts';

/**
 * What `dlgrade collect` recorded about one student (grader/collect/collect.ts, `CollectRecord`:
 * `<collected>/<username>/collect.json`). Read leniently (`<collected>/<username>.collect.json`,
 * camelCase fields and older shapes are accepted too); anything missing stays undefined.
 */
export interface CollectInfo {
  repo?: string;
  sha?: string;
  pushedAt?: string;
  studentId?: string;
  /** pushes after the deadline (their count; the graded commit is the last one before it) */
  latePushes: number;
  late: boolean;
  /** the starter commit of this student's repository (to recognise the provisioned workflow) */
  starterCommit?: string;
  /** the shard `i/n` collect was run for, when it says so */
  shard?: string;
  /** the GitHub username as the roster spells it (the folder is lower-case) */
  username?: string;
  /** collect's verdict: only `collected` has a checkout to grade */
  status?: 'collected' | 'no-submission' | 'failed';
  /** why collect found nothing to grade (status `no-submission`): no push on time, or only provision's */
  noSubmission?: 'no-push' | 'only-provisioning';
  errors: string[];
}

export interface StudentEntry {
  username: string;
  /** the checkout, when it exists */
  dir?: string;
  collect: CollectInfo;
  /** where collect.json was read from, if anywhere */
  collectFile?: string;
}

const MAX_COLLECT_BYTES = 1024 * 1024;
const RESERVED = new Set(['collect.json', '.dlgrade', '.git']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e !== null && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const parts = [str(o['step']) ?? str(o['code']), str(o['message']) ?? JSON.stringify(e)].filter((p) => p !== undefined);
    return parts.join(': ');
  }
  return String(e);
}

/** Normalises a parsed collect.json (any shape) into CollectInfo. */
export function normaliseCollect(data: unknown): CollectInfo {
  const o = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const pick = (...names: string[]): unknown => names.map((n) => o[n]).find((v) => v !== undefined);
  const latePushesRaw = pick('late_pushes', 'latePushes');
  const latePushes = Array.isArray(latePushesRaw)
    ? latePushesRaw.length
    : typeof latePushesRaw === 'number'
      ? latePushesRaw
      : latePushesRaw !== null && typeof latePushesRaw === 'object' && typeof (latePushesRaw as { count?: unknown }).count === 'number'
        ? (latePushesRaw as { count: number }).count
        : 0;
  const lateRaw = pick('late');
  const errorsRaw = pick('errors', 'error');
  const errors = Array.isArray(errorsRaw) ? errorsRaw.map(errorText) : errorsRaw !== undefined && errorsRaw !== null && errorsRaw !== '' ? [errorText(errorsRaw)] : [];
  const info: CollectInfo = { latePushes, late: typeof lateRaw === 'boolean' ? lateRaw : latePushes > 0, errors };
  const set = <K extends keyof CollectInfo>(key: K, value: CollectInfo[K] | undefined): void => {
    if (value !== undefined) info[key] = value;
  };
  set('repo', str(pick('repo', 'repository', 'full_name')));
  set('sha', str(pick('sha', 'commit')));
  set('pushedAt', str(pick('pushed_at', 'pushedAt')));
  set('studentId', str(pick('student_id', 'studentId')));
  set('starterCommit', str(pick('starter_commit', 'starterCommit')));
  set('shard', str(pick('shard')));
  set('username', str(pick('username', 'github_username')));
  const status = pick('status');
  if (status === 'collected' || status === 'no-submission' || status === 'failed') info.status = status;
  // a record without a status, but with collect's «sin entrega» marker
  else if (status === undefined && errors.includes(NO_SUBMISSION)) info.status = 'no-submission';
  const why = pick('no_submission', 'noSubmission');
  if (info.status === 'no-submission' && (why === 'no-push' || why === 'only-provisioning')) info.noSubmission = why;
  return info;
}

function readCollect(file: string): { info: CollectInfo } | { error: string } {
  try {
    const stat = lstatSync(file);
    if (!stat.isFile()) return { error: text().regrade.student.collectNotAFile(file) };
    if (stat.size > MAX_COLLECT_BYTES) return { error: text().regrade.student.collectTooLarge(file, stat.size, MAX_COLLECT_BYTES) };
    return { info: normaliseCollect(JSON.parse(readFileSync(file, 'utf8'))) };
  } catch (error: unknown) {
    return { error: text().regrade.student.unreadable(file, (error as Error).message) };
  }
}

/**
 * The students of a collected folder: every sub-folder (a checkout) and every
 * `<username>.collect.json` (a student collect could not check out still has a record), plus the
 * usernames given explicitly (a roster). Sorted; nothing is graded here.
 */
export function discoverStudents(collectedDir: string, extra: readonly string[] = []): StudentEntry[] {
  const names = new Set<string>();
  const entries = existsSync(collectedDir) ? readdirSync(collectedDir, { withFileTypes: true }) : [];
  for (const e of entries) {
    if (e.isDirectory() && !RESERVED.has(e.name) && !e.name.startsWith('.')) names.add(e.name);
    else if (e.isFile() && e.name.endsWith('.collect.json')) names.add(e.name.slice(0, -'.collect.json'.length));
  }
  // collect names folders in lower case; a roster spells usernames as GitHub does
  const known = new Set([...names].map((n) => n.toLowerCase()));
  for (const u of extra) if (!known.has(u.toLowerCase())) names.add(u.toLowerCase());
  return [...names].sort().map((username) => describeStudent(collectedDir, username));
}

export function describeStudent(collectedDir: string, username: string): StudentEntry {
  const dir = join(collectedDir, username);
  const hasDir = existsSync(dir) && lstatSync(dir).isDirectory();
  const candidates = [join(dir, 'collect.json'), join(collectedDir, `${username}.collect.json`)];
  const collectFile = candidates.find((f) => existsSync(f));
  let collect: CollectInfo = { latePushes: 0, late: false, errors: [] };
  if (collectFile !== undefined) {
    const read = readCollect(collectFile);
    collect = 'info' in read ? read.info : { ...collect, errors: [read.error] };
  }
  return { username, ...(hasDir ? { dir } : {}), collect, ...(collectFile !== undefined ? { collectFile } : {}) };
}
