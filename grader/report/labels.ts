import { formatNumber } from '../compare/format.ts';
import type { GradeResult, Lang, NumericDiff } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { ReportMessages } from '../i18n/es/report.ts';

/** Fixed student-facing words of the reports: the `report` area of the message catalog (grader/i18n). */
export type Labels = ReportMessages;

export function labels(lang: Lang): Labels {
  return t(lang).report;
}

/** Fills a label's `{name}` placeholders. A placeholder without a value stays visible (a test catches it). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const WALLS = ['processes', 'filesystem', 'network', 'sockets'] as const;

/**
 * "bubblewrap (procesos aislados, ficheros aislados, sin red, sin sockets del sistema)": the mechanism and
 * each wall it gave, stated separately, so that a missing wall is never hidden behind a word.
 */
export function sandboxSummary(result: GradeResult, L: Labels): string {
  const { mechanism, walls } = result.sandbox;
  // a result file written before the walls were reported has none: every wall counts as missing
  const parts = WALLS.map((wall) => L[`${wall}_${walls?.[wall] === 'isolated' ? 'isolated' : 'not-isolated'}`]);
  const name = mechanism === 'bubblewrap' || mechanism === 'unshare' ? L[`mechanism_${mechanism}`] : L.mechanism_process;
  return `${name} (${parts.join(', ')})`;
}

/** The absolute and relative error and the tolerance of a numeric difference, as short phrases. */
export function diffNotes(diff: NumericDiff, L: Labels): string[] {
  return [
    diff.absError != null ? `${L.absError} ${formatNumber(diff.absError, 3)}` : '',
    diff.relError != null ? `${L.relError} ${formatNumber(diff.relError, 3)}` : '',
    diff.atol !== undefined ? `${L.tolerance} atol=${formatNumber(diff.atol, 3)}, rtol=${formatNumber(diff.rtol ?? 0, 3)}` : '',
  ].filter(Boolean);
}
