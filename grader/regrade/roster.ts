import { readFileSync } from 'node:fs';
import { DlgradeError } from '../errors.ts';

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
    throw new DlgradeError({ code: 'E_ROSTER', file, message: `cannot read the roster ${file}`, fix: 'give the roster CSV used by dlgrade collect', cause });
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitLine(lines.shift() ?? '').map((h) => h.toLowerCase());
  const user = header.indexOf('github_username');
  const id = header.indexOf('student_id');
  if (user < 0) throw new DlgradeError({ code: 'E_ROSTER', file, message: 'the roster has no github_username column', fix: 'start the file with: github_username,student_id,name,email' });
  return lines
    .map(splitLine)
    .filter((f) => SAFE_NAME.test(f[user] ?? ''))
    .map((f) => ({ username: f[user]!, ...(id >= 0 && (f[id] ?? '') !== '' ? { studentId: f[id]! } : {}) }));
}
