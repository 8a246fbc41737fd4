import { readFileSync } from 'node:fs';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';

const m = () => text().regrade;

/** GitHub usernames (1-39 alphanumerics or hyphens): never a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;

/** Splits one CSV line (RFC 4180 quotes; a roster has no multi-line fields). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') (out.push(field), (field = ''));
    else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** The usernames and student ids of a roster CSV (`github_username,student_id,...`). */
export function readRosterStudents(file: string): { username: string; studentId?: string }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (cause: unknown) {
    throw new DlgradeError({ code: 'E_ROSTER', file, message: m().rosterUnreadable(file), fix: m().rosterUnreadableFix, cause });
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitLine(lines.shift() ?? '').map((h) => h.toLowerCase());
  const user = header.indexOf('github_username');
  const id = header.indexOf('student_id');
  if (user < 0) throw new DlgradeError({ code: 'E_ROSTER', file, message: m().rosterNoUser, fix: m().rosterNoUserFix });
  return lines
    .map(splitLine)
    .filter((f) => SAFE_NAME.test(f[user] ?? ''))
    .map((f) => ({ username: f[user]!, ...(id >= 0 && (f[id] ?? '') !== '' ? { studentId: f[id]! } : {}) }));
}
