import type { Lang, PropertyResult } from '../engine/result.ts';
import type { RegradeFile } from '../regrade/result-file.ts';
import { reportLabels, type ReportLabels } from './labels.ts';
import type { Gradebook, GradebookRow } from './model.ts';

/** The report's fixed words with their numbers filled in (templates cannot call functions). */
export type ResolvedLabels = { [K in keyof ReportLabels]: ReportLabels[K] extends string ? string : ReportLabels[K] extends Record<string, string> ? Record<string, string> : string };

/** Everything templates/gradebook/report.html.hbs and the Markdown rendering show, precomputed (strings raw: the renderers escape). */
export interface ClassReportModel {
  lang: Lang;
  t: ResolvedLabels;
  title: string;
  /** a student passes with at least this percentage («aprobado») */
  passThreshold: number;
  summary: {
    students: number;
    graded: number;
    /** not graded: no submission plus errors (never counted as 0) */
    ungraded: number;
    noSubmission: number;
    errors: number;
    passed: number;
    /** "71%": passed of graded */
    passRate: string;
    mean: string;
    median: string;
    maxPoints: number;
    late: number;
    tampered: number;
  };
  /** graded students only */
  histogram: { width: number; height: number; baseline: number; bins: HistogramBin[] };
  exercises: ExerciseRow[];
  /** height of the per-exercise chart: 22 px a row */
  exerciseChartHeight: number;
  properties: PropertyRow[];
  topFailure: TopFailure | null;
  late: { username: string; pushedAt: string; latePushes: number; line: string }[];
  tampered: { username: string; files: string[] }[];
  errors: { username: string; errors: string[] }[];
  students: StudentRow[];
  duplicates: string[];
}

export interface HistogramBin {
  label: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  labelX: number;
  countY: number;
}

export interface RateRow {
  id: string;
  title: string;
  passed: number;
  total: number;
  /** "83%" (what the page shows) */
  label: string;
  rate: number;
  /** bar width in pixels (of 300) */
  bar: number;
}

export interface ExerciseRow extends RateRow {
  maxScore: number;
  /** mean points over the graded students, "1.5" */
  mean: string;
  meanPercent: number;
  /** students with full marks */
  complete: number;
  /** students whose exercise (or one of its properties) ran out of time */
  timeouts: number;
  /** students whose exercise (or one of its properties) ended in an error */
  errors: number;
}

export interface PropertyRow extends RateRow {
  exercise: string;
  name: string;
  hidden: boolean;
  failures: number;
  /** "44%" of the graded students */
  failureLabel: string;
  failureRate: number;
  /** the most common shrunk counterexample among the failures, and how many had it */
  counterexample: string | null;
  counterexampleCount: number;
}

export interface TopFailure {
  exercise: string;
  property: string;
  title: string;
  failures: number;
  total: number;
  /** "falla en 4 de 9" */
  line: string;
  example: { username: string; message: string; counterexample: string; expected: string; received: string } | null;
}

export interface StudentDetailExercise {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  status: string;
  message: string;
  failing: { name: string; title: string; status: string; counterexample: string }[];
}

export interface StudentRow {
  /** the anchor of the detail view */
  anchor: string;
  username: string;
  studentId: string;
  repo: string;
  repoUrl: string;
  sha: string;
  shortSha: string;
  commitUrl: string;
  pushedAt: string;
  /** graded | no-submission | error */
  statusKey: string;
  /** aprobado / suspenso / sin entrega / error */
  status: string;
  graded: boolean;
  passed: boolean;
  total: number;
  max: number;
  /** "" when not graded */
  percentage: string;
  /** sort key: -1 when not graded */
  sortPercentage: number;
  late: boolean;
  tampered: boolean;
  errors: number;
  detail: { exercises: StudentDetailExercise[]; errors: string[]; tamperFiles: string[] };
}

export interface ClassReportOptions {
  lang?: Lang;
  /** percentage a student needs to pass (default 50: «aprobado») */
  passThreshold?: number;
  title?: string;
  /** where repositories live on the web (default https://github.com; GHES: its host) */
  webUrl?: string;
}

export const DEFAULT_PASS_THRESHOLD = 50;
const BINS = 10;
const pct = (passed: number, total: number): number => (total > 0 ? Math.round((100 * passed) / total) : 0);
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const round1 = (x: number): number => Math.round(x * 10) / 10;

function rateRow(id: string, title: string, passed: number, total: number): RateRow {
  const rate = pct(passed, total);
  return { id, title, passed, total, rate, label: `${rate}%`, bar: Math.round(rate * 3) };
}

function resolveLabels(t: ReportLabels, threshold: number, maxPoints: number, ungraded: number): ResolvedLabels {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) out[k] = v;
  out['passed'] = t.passed(threshold);
  out['passRate'] = t.passRate(threshold);
  out['distribution'] = t.distribution(maxPoints);
  out['ungradedNote'] = ungraded > 0 ? t.ungradedNote(ungraded) : '';
  out['times'] = '';
  out['topFailure'] = '';
  out['lateLine'] = '';
  return out as ResolvedLabels;
}

/** Score distribution: ten bins of the percentage, [0,10) … [90,100]. */
function histogram(percentages: number[]): ClassReportModel['histogram'] {
  const counts = Array.from({ length: BINS }, () => 0);
  for (const p of percentages) counts[Math.min(BINS - 1, Math.max(0, Math.floor(p / (100 / BINS))))]! += 1;
  const width = 600;
  const height = 220;
  const baseline = 190;
  const top = Math.max(1, ...counts);
  const slot = (width - 40) / BINS;
  const bins = counts.map((count, i): HistogramBin => {
    const h = Math.round((count / top) * 160);
    const x = Math.round(30 + i * slot + 4);
    return { label: `${i * 10}–${i === BINS - 1 ? 100 : i * 10 + 10}`, count, x, y: baseline - h, width: Math.round(slot - 8), height: h, labelX: Math.round(x + (slot - 8) / 2), countY: baseline - h - 4 };
  });
  return { width, height, baseline, bins };
}

const failed = (p: PropertyResult): boolean => p.status !== 'pass' && p.status !== 'skipped';

/** `owner/name` → its web address; anything else (a hostile or odd value) → no link. */
function repoLink(webUrl: string, repo: string | null): string {
  return repo !== null && /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo) ? `${webUrl}/${repo}` : '';
}

/** Pure: the class report's view-model from the gradebook and the results it was built from. */
export function classReportModel(book: Gradebook, files: readonly RegradeFile[], options: ClassReportOptions | string = {}): ClassReportModel {
  const opts: ClassReportOptions = typeof options === 'string' ? { title: options } : options;
  const lang = opts.lang ?? 'es';
  const t = reportLabels(lang);
  const threshold = opts.passThreshold ?? DEFAULT_PASS_THRESHOLD;
  const webUrl = (opts.webUrl ?? 'https://github.com').replace(/\/+$/, '');
  const fileOf = new Map(files.map((f) => [f.username, f]));
  const gradedRows = book.students.filter((s) => s.status === 'graded');
  const graded = files.filter((f) => f.result !== undefined && f.status === 'graded');
  const sorted = gradedRows.map((s) => s.percentage).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const passes = (row: GradebookRow): boolean => row.status === 'graded' && row.percentage >= threshold;

  const exercises = book.exercises.map((e): ExerciseRow => {
    const results = graded.map((f) => f.result!.exercises.find((x) => x.id === e.id)).filter((x) => x !== undefined);
    const passedN = results.filter((x) => (x.maxScore > 0 ? (100 * x.score) / x.maxScore >= threshold : x.status === 'pass')).length;
    const total = results.reduce((s, x) => s + x.score, 0);
    const meanPoints = results.length > 0 ? total / results.length : 0;
    return {
      ...rateRow(e.id, e.title, passedN, results.length),
      maxScore: e.maxScore,
      mean: fmt(round1(meanPoints)),
      meanPercent: e.maxScore > 0 ? round1((100 * meanPoints) / e.maxScore) : 0,
      complete: results.filter((x) => x.status === 'pass').length,
      timeouts: results.filter((x) => x.status === 'timeout' || x.properties.some((p) => p.status === 'timeout')).length,
      errors: results.filter((x) => x.status === 'error' || x.properties.some((p) => p.status === 'error')).length,
    };
  });

  interface Acc { exercise: string; name: string; title: string; hidden: boolean; passed: number; failed: number; total: number; examples: Map<string, number> }
  const props = new Map<string, Acc>();
  for (const f of graded) {
    for (const e of f.result!.exercises) {
      for (const p of e.properties) {
        const key = `${e.id} › ${p.name}`;
        const entry = props.get(key) ?? { exercise: e.id, name: p.name, title: p.title, hidden: p.hidden === true, passed: 0, failed: 0, total: 0, examples: new Map<string, number>() };
        entry.total++;
        if (p.status === 'pass') entry.passed++;
        else if (failed(p)) {
          entry.failed++;
          // only a property that failed on a value has a (shrunk) counterexample; timeouts and errors have none
          if (p.status === 'fail' && p.counterexample !== undefined && p.counterexample !== '') entry.examples.set(p.counterexample, (entry.examples.get(p.counterexample) ?? 0) + 1);
        }
        props.set(key, entry);
      }
    }
  }
  const properties = [...props.entries()].map(([key, p]): PropertyRow => {
    const [counterexample, counterexampleCount] = [...p.examples.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [null, 0];
    const failureRate = pct(p.failed, p.total);
    return { ...rateRow(key, p.title, p.passed, p.total), exercise: p.exercise, name: p.name, hidden: p.hidden, failures: p.failed, failureRate, failureLabel: `${failureRate}%`, counterexample, counterexampleCount };
  });

  let topFailure: TopFailure | null = null;
  const worst = [...props.values()].filter((p) => p.failed > 0).sort((a, b) => b.failed - a.failed || (a.exercise + a.name < b.exercise + b.name ? -1 : 1))[0];
  if (worst !== undefined) {
    // the featured example: a failure on a value with its shrunk counterexample (the most common one), else any
    const row = properties.find((p) => p.exercise === worst.exercise && p.name === worst.name);
    const candidates = [...graded]
      .sort((a, b) => (a.username < b.username ? -1 : 1))
      .map((f) => ({ f, p: f.result!.exercises.find((e) => e.id === worst.exercise)?.properties.find((x) => x.name === worst.name) }))
      .filter((c): c is { f: RegradeFile; p: PropertyResult } => c.p !== undefined && failed(c.p));
    const best = candidates.find((c) => c.p.status === 'fail' && row?.counterexample != null && c.p.counterexample === row.counterexample) ?? candidates.find((c) => c.p.status === 'fail' && c.p.counterexample !== undefined) ?? candidates[0];
    const example = best === undefined ? null : { username: best.f.username, message: best.p.message ?? '', counterexample: best.p.counterexample ?? '', expected: best.p.expected ?? '', received: best.p.received ?? '' };
    topFailure = { exercise: worst.exercise, property: worst.name, title: worst.title, failures: worst.failed, total: worst.total, line: t.topFailure(worst.failed, worst.total), example };
  }

  const students = book.students.map((s, i): StudentRow => {
    const result = fileOf.get(s.username)?.result;
    const isGraded = s.status === 'graded';
    const repoUrl = repoLink(webUrl, s.repo);
    const sha = s.sha !== null && /^[0-9a-f]{7,64}$/i.test(s.sha) ? s.sha : '';
    return {
      anchor: `s${i + 1}`,
      username: s.username,
      studentId: s.studentId ?? '',
      repo: s.repo ?? '',
      repoUrl,
      sha,
      shortSha: sha.slice(0, 7),
      commitUrl: repoUrl !== '' && sha !== '' ? `${repoUrl}/commit/${sha}` : '',
      pushedAt: s.pushedAt ?? '',
      statusKey: s.status,
      status: s.status === 'no-submission' ? t.statusNoSubmission : s.status === 'error' ? t.statusError : passes(s) ? t.statusPassed : t.statusFailed,
      graded: isGraded,
      passed: passes(s),
      total: s.total,
      max: s.max,
      percentage: isGraded ? fmt(s.percentage) : '',
      sortPercentage: isGraded ? s.percentage : -1,
      late: s.late,
      tampered: s.tampered,
      errors: s.errors.length,
      detail: {
        exercises: (result?.exercises ?? []).map((e) => ({
          id: e.id, title: e.title, score: e.score, maxScore: e.maxScore, status: t.exerciseStatus[e.status], message: e.status === 'pass' ? '' : e.message ?? '',
          failing: e.properties.filter(failed).map((p) => ({ name: p.name, title: p.title, status: t.exerciseStatus[p.status as 'fail'] ?? p.status, counterexample: p.counterexample ?? '' })),
        })),
        errors: s.errors,
        tamperFiles: s.tamperFiles ?? [],
      },
    };
  });

  const noSubmission = book.students.filter((s) => s.status === 'no-submission').length;
  const errorsN = book.students.filter((s) => s.status === 'error').length;
  const maxPoints = book.exercises.reduce((s, e) => s + e.maxScore, 0);
  const passedN = gradedRows.filter(passes).length;
  return {
    lang,
    t: resolveLabels(t, threshold, maxPoints, noSubmission + errorsN),
    title: opts.title ?? t.title,
    passThreshold: threshold,
    summary: {
      students: book.students.length,
      graded: gradedRows.length,
      ungraded: noSubmission + errorsN,
      noSubmission,
      errors: errorsN,
      passed: passedN,
      passRate: `${pct(passedN, gradedRows.length)}%`,
      mean: fmt(round1(mean)),
      median: fmt(round1(median)),
      maxPoints,
      late: book.students.filter((s) => s.late).length,
      tampered: book.students.filter((s) => s.tampered).length,
    },
    histogram: histogram(gradedRows.map((s) => s.percentage)),
    exercises,
    exerciseChartHeight: Math.max(20, 8 + 22 * exercises.length),
    properties,
    topFailure,
    late: book.students.filter((s) => s.late).map((s) => ({ username: s.username, pushedAt: s.pushedAt ?? '', latePushes: s.latePushes, line: t.lateLine(s.latePushes) })),
    tampered: book.students.filter((s) => s.tampered).map((s) => ({ username: s.username, files: s.tamperFiles ?? [] })),
    errors: book.students.filter((s) => s.errors.length > 0).map((s) => ({ username: s.username, errors: s.errors })),
    students,
    duplicates: book.duplicates.map((d) => `${d.username}: ${d.dropped.length}`),
  };
}
