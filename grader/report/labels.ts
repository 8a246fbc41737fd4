import { formatNumber } from '../compare/format.ts';
import type { GradeResult, Lang, NumericDiff } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { ReportMessages } from '../i18n/es/report.ts';

/** Fixed student-facing words of the reports: the `report` area of the message catalog (grader/i18n). */
export type Labels = ReportMessages;

export function labels(lang: Lang): Labels {
  return t(lang).report;
}

/** "separate process, no network, read-only access to its folder": what the sandbox guaranteed. */
export function sandboxSummary(result: GradeResult, L: Labels): string {
  return [
    L.separateProcess,
    result.sandbox.network === 'isolated' ? L.networkIsolated : L.networkOpen,
    result.sandbox.filesystem === 'permission-model' ? L.fsRestricted : L.fsOpen,
  ].join(', ');
}

/** The absolute and relative error and the tolerance of a numeric difference, as short phrases. */
export function diffNotes(diff: NumericDiff, L: Labels): string[] {
  return [
    diff.absError != null ? `${L.absError} ${formatNumber(diff.absError, 3)}` : '',
    diff.relError != null ? `${L.relError} ${formatNumber(diff.relError, 3)}` : '',
    diff.atol !== undefined ? `${L.tolerance} atol=${formatNumber(diff.atol, 3)}, rtol=${formatNumber(diff.rtol ?? 0, 3)}` : '',
  ].filter(Boolean);
}
