import { NO_SUBMISSION } from '../collect/no-submission.ts';
import type { RegradeFile } from '../regrade/result-file.ts';

export const GRADEBOOK_KIND = 'dlgrade-gradebook';
export const GRADEBOOK_VERSION = 1;

export interface GradebookExercise {
  id: string;
  title: string;
  maxScore: number;
}

export interface GradebookRow {
  username: string;
  studentId: string | null;
  repo: string | null;
  sha: string | null;
  pushedAt: string | null;
  gradedAt: string;
  /** per exercise id: the score, or null when that exercise was not graded */
  scores: Record<string, number | null>;
  total: number;
  max: number;
  /** 0–100, one decimal */
  percentage: number;
  late: boolean;
  latePushes: number;
  tampered: boolean;
  /** `path (kind)` of each protected file that differs; null when tampering was not checked */
  tamperFiles: string[] | null;
  errors: string[];
  /**
   * graded: it has a score; no-submission: «sin entrega» (nothing pushed on time but provision's
   * commits: not a 0 and not an error); error: it could not be graded (counted apart, never as 0)
   */
  status: 'graded' | 'no-submission' | 'error';
  /** the grading, or an exercise of it, failed for the grader's reasons (rerun regrade) */
  graderError: boolean;
  /** graded under --allow-weak-sandbox: the walls the sandbox lacked; null with a complete sandbox */
  weakSandbox: string[] | null;
}

/** The gradebook's JSON (`--json`), and what the CSV and the HTML report are rendered from. */
export interface Gradebook {
  kind: typeof GRADEBOOK_KIND;
  version: typeof GRADEBOOK_VERSION;
  exercises: GradebookExercise[];
  students: GradebookRow[];
  duplicates: { username: string; kept: string; dropped: string[] }[];
  invalid: { file: string; message: string }[];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Pure: the gradebook of a set of regrade results (one per student). */
export function buildGradebook(files: readonly RegradeFile[], extra: Pick<Gradebook, 'duplicates' | 'invalid'> = { duplicates: [], invalid: [] }): Gradebook {
  const exercises = new Map<string, GradebookExercise>();
  for (const f of files) for (const e of f.result?.exercises ?? []) if (!exercises.has(e.id)) exercises.set(e.id, { id: e.id, title: e.title, maxScore: e.maxScore });
  for (const f of files) for (const id of f.settings?.exercises ?? []) if (!exercises.has(id)) exercises.set(id, { id, title: id, maxScore: 0 });
  const columns = [...exercises.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const classMax = round(columns.reduce((s, e) => s + e.maxScore, 0), 6);
  const students = [...files]
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
    .map((f): GradebookRow => {
      const scores: Record<string, number | null> = {};
      for (const c of columns) scores[c.id] = f.result?.exercises.find((e) => e.id === c.id)?.score ?? null;
      const total = round(f.result?.score ?? 0, 6);
      const max = f.result?.maxScore ?? classMax;
      return {
        username: f.username,
        studentId: f.studentId ?? null,
        repo: f.repo ?? null,
        sha: f.sha ?? null,
        pushedAt: f.pushedAt ?? null,
        gradedAt: f.gradedAt,
        scores,
        total,
        max,
        percentage: max > 0 ? round((100 * total) / max, 1) : 0,
        late: f.late,
        latePushes: f.latePushes,
        tampered: (f.tamper ?? []).length > 0,
        tamperFiles: f.tamper === null ? null : f.tamper.map((t) => `${t.path} (${t.kind})`),
        errors: f.errors.filter((e) => e !== NO_SUBMISSION),
        // regrade records «sin entrega» as its status; older results only as collect's marker among the errors
        status: f.status === 'graded' ? 'graded' : f.status === 'no-submission' || (f.errors.includes(NO_SUBMISSION) && f.result === undefined) ? 'no-submission' : 'error',
        graderError: f.graderError === true || (f.result?.exercises ?? []).some((e) => e.reason === 'grader-error'),
        weakSandbox: f.weakSandbox?.missing ?? null,
      };
    });
  return { kind: GRADEBOOK_KIND, version: GRADEBOOK_VERSION, exercises: columns, students, duplicates: extra.duplicates, invalid: extra.invalid };
}
