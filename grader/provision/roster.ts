import { readFileSync } from 'node:fs';
import { DlgradeError } from '../errors.ts';
import { text as text_ } from '../i18n/index.ts';

export interface RosterEntry {
  /** the 1-based line of the CSV where the row starts */
  line: number;
  githubUsername: string;
  studentId: string;
  name: string;
  email: string;
}

export interface RosterIssue {
  line: number;
  field: string;
  value: string;
  message: string;
}

export interface Roster {
  file: string;
  students: RosterEntry[];
  issues: RosterIssue[];
}

export const ROSTER_HEADER = ['github_username', 'student_id', 'name', 'email'] as const;
/** GitHub's rule: 1-39 alphanumerics or single hyphens, not at either end. */
export const GITHUB_USERNAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** RFC 4180 fields (quotes, doubled quotes, CRLF); returns each row with the line it starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') (fields.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
}

/**
 * Parses and validates a roster (`github_username,student_id,name,email`). A bad row becomes an
 * issue naming its line and field; the good rows are returned all the same. A missing or wrong
 * header is an error (nothing could be trusted).
 */
export function parseRoster(text: string, file = 'roster.csv'): Roster {
  const m = text_().provision.roster;
  const rows = parseCsv(text);
  const header = rows.shift();
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = ROSTER_HEADER.filter((h) => h !== 'email' && h !== 'name' && !names.includes(h));
  if (header === undefined || missing.length > 0) {
    throw new DlgradeError({ code: 'E_ROSTER', file, message: m.badHeader(ROSTER_HEADER.join(','), missing), fix: m.badHeaderFix(ROSTER_HEADER.join(',')) });
  }
  const col = (name: string): number => names.indexOf(name);
  const students: RosterEntry[] = [];
  const issues: RosterIssue[] = [];
  const byUser = new Map<string, number>();
  const byId = new Map<string, number>();
  for (const row of rows) {
    const get = (name: string): string => (col(name) >= 0 ? (row.fields[col(name)] ?? '').trim() : '');
    const entry: RosterEntry = { line: row.line, githubUsername: get('github_username'), studentId: get('student_id'), name: get('name'), email: get('email') };
    const rowIssues: RosterIssue[] = [];
    const issue = (field: string, value: string, message: string) => rowIssues.push({ line: row.line, field, value, message });
    if (row.fields.length !== names.length) issue('(row)', row.fields.join(','), m.fieldCount(row.fields.length, names.length));
    if (!GITHUB_USERNAME.test(entry.githubUsername)) issue('github_username', entry.githubUsername, entry.githubUsername === '' ? m.empty : m.badUsername);
    if (entry.studentId === '') issue('student_id', '', m.empty);
    if (entry.email !== '' && !EMAIL.test(entry.email)) issue('email', entry.email, m.badEmail);
    const user = entry.githubUsername.toLowerCase();
    if (user !== '' && byUser.has(user)) issue('github_username', entry.githubUsername, m.duplicateOf(byUser.get(user)!));
    if (entry.studentId !== '' && byId.has(entry.studentId)) issue('student_id', entry.studentId, m.duplicateOf(byId.get(entry.studentId)!));
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    byUser.set(user, row.line);
    byId.set(entry.studentId, row.line);
    students.push(entry);
  }
  return { file, students, issues };
}

export function readRoster(file: string): Roster {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause: unknown) {
    const m = text_().provision.roster;
    throw new DlgradeError({ code: 'E_IO', file, message: m.unreadable, fix: m.unreadableFix(ROSTER_HEADER.join(',')), cause });
  }
  return parseRoster(text, file);
}

export function formatRosterIssue(file: string, issue: RosterIssue): string {
  return `${file}:${issue.line}: ${issue.field}${issue.value !== '' ? ` "${issue.value}"` : ''} ${issue.message}`;
}

/** Deterministic shard `index` (1-based) of `count`: the roster sorted by username, every count-th from index. */
export function shardRoster<T extends { githubUsername: string }>(students: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (shard === undefined) return [...students];
  const sorted = [...students].sort((a, b) => (a.githubUsername.toLowerCase() < b.githubUsername.toLowerCase() ? -1 : a.githubUsername.toLowerCase() > b.githubUsername.toLowerCase() ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** `i/n` with 1 ≤ i ≤ n. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    const m = text_().provision.roster;
    throw new DlgradeError({ code: 'E_OPTION', message: m.badShard(value), fix: m.badShardFix });
  }
  return { index, count };
}
