import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { ClassReportLabels } from '../i18n/es/class-report.ts';

/** Every fixed word of the class report (HTML and Markdown): the catalog's `classReport` area (grader/i18n). */
export type ReportLabels = ClassReportLabels;

export function reportLabels(lang: Lang): ReportLabels {
  return t(lang).classReport;
}
