import type { RegradeFile } from '../regrade/result-file.ts';
import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { GradebookMessages } from '../i18n/es/gradebook.ts';
import type { Gradebook } from './model.ts';

/** Everything templates/gradebook/report.html.hbs shows, precomputed (strings raw: the template escapes). */
export interface ClassReportModel {
  title: string;
  /** the report's fixed words, in its language */
  t: GradebookMessages;
  /** «% de 12 puntos» */
  ofPoints: string;
  summary: { students: number; graded: number; errors: number; mean: string; median: string; maxPoints: number; late: number; tampered: number };
  histogram: { width: number; height: number; baseline: number; bins: HistogramBin[] };
  exercises: RateRow[];
  /** height of the per-exercise chart: 22 px a row */
  exerciseChartHeight: number;
  properties: (RateRow & { exercise: string; hidden: boolean })[];
  topFailure: TopFailure | null;
  late: { username: string; pushedAt: string; latePushes: number; text: string }[];
  tampered: { username: string; files: string[] }[];
  errors: { username: string; errors: string[] }[];
  students: { username: string; studentId: string; total: number; max: number; percentage: string; late: boolean; tampered: boolean; errors: number }[];
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

export interface TopFailure {
  exercise: string;
  property: string;
  title: string;
  failures: number;
  total: number;
  example: { username: string; message: string; counterexample: string; expected: string; received: string } | null;
}

const BINS = 10;
const pct = (passed: number, total: number): number => (total > 0 ? Math.round((100 * passed) / total) : 0);
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function rateRow(id: string, title: string, passed: number, total: number): RateRow {
  const rate = pct(passed, total);
  return { id, title, passed, total, rate, label: `${rate}%`, bar: Math.round(rate * 3) };
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

/** Pure: the class report's view-model from the gradebook and the results it was built from. */
export function classReportModel(book: Gradebook, files: readonly RegradeFile[], lang: Lang = 'es', title?: string): ClassReportModel {
  const words = t(lang).gradebook;
  const graded = files.filter((f) => f.result !== undefined);
  const sorted = book.students.map((s) => s.percentage).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;

  const exercises = book.exercises.map((e) => {
    const statuses = graded.map((f) => f.result!.exercises.find((x) => x.id === e.id)).filter((x) => x !== undefined);
    return rateRow(e.id, e.title, statuses.filter((x) => x.status === 'pass').length, statuses.length);
  });

  const props = new Map<string, { exercise: string; name: string; title: string; hidden: boolean; passed: number; failed: number; total: number }>();
  for (const f of graded) {
    for (const e of f.result!.exercises) {
      for (const p of e.properties) {
        const key = `${e.id} › ${p.name}`;
        const entry = props.get(key) ?? { exercise: e.id, name: p.name, title: p.title, hidden: p.hidden === true, passed: 0, failed: 0, total: 0 };
        entry.total++;
        if (p.status === 'pass') entry.passed++;
        else if (p.status !== 'skipped') entry.failed++;
        props.set(key, entry);
      }
    }
  }
  const properties = [...props.entries()].map(([key, p]) => ({ ...rateRow(key, p.title, p.passed, p.total), exercise: p.exercise, hidden: p.hidden }));

  let topFailure: TopFailure | null = null;
  const worst = [...props.values()].filter((p) => p.failed > 0).sort((a, b) => b.failed - a.failed || (a.exercise + a.name < b.exercise + b.name ? -1 : 1))[0];
  if (worst !== undefined) {
    let example: TopFailure['example'] = null;
    for (const f of [...graded].sort((a, b) => (a.username < b.username ? -1 : 1))) {
      const p = f.result!.exercises.find((e) => e.id === worst.exercise)?.properties.find((x) => x.name === worst.name);
      if (p !== undefined && p.status !== 'pass' && p.status !== 'skipped') {
        example = { username: f.username, message: p.message ?? '', counterexample: p.counterexample ?? '', expected: p.expected ?? '', received: p.received ?? '' };
        if (p.counterexample !== undefined) break;
      }
    }
    topFailure = { exercise: worst.exercise, property: worst.name, title: worst.title, failures: worst.failed, total: worst.total, example };
  }

  return {
    title: title ?? words.title,
    t: words,
    ofPoints: words.ofPoints(book.exercises.reduce((s, e) => s + e.maxScore, 0)),
    summary: {
      students: book.students.length,
      graded: book.students.filter((s) => s.status === 'graded').length,
      errors: book.students.filter((s) => s.errors.length > 0).length,
      mean: fmt(Math.round(mean * 10) / 10),
      median: fmt(Math.round(median * 10) / 10),
      maxPoints: book.exercises.reduce((s, e) => s + e.maxScore, 0),
      late: book.students.filter((s) => s.late).length,
      tampered: book.students.filter((s) => s.tampered).length,
    },
    histogram: histogram(book.students.map((s) => s.percentage)),
    exercises,
    exerciseChartHeight: Math.max(20, 8 + 22 * exercises.length),
    properties,
    topFailure,
    late: book.students.filter((s) => s.late).map((s) => ({ username: s.username, pushedAt: s.pushedAt ?? '', latePushes: s.latePushes, text: words.latePushes(s.latePushes) })),
    tampered: book.students.filter((s) => s.tampered).map((s) => ({ username: s.username, files: s.tamperFiles ?? [] })),
    errors: book.students.filter((s) => s.errors.length > 0).map((s) => ({ username: s.username, errors: s.errors })),
    students: book.students.map((s) => ({ username: s.username, studentId: s.studentId ?? '', total: s.total, max: s.max, percentage: fmt(s.percentage), late: s.late, tampered: s.tampered, errors: s.errors.length })),
    duplicates: book.duplicates.map((d) => words.dropped(d.username, d.dropped.length)),
  };
}
