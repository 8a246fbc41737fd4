import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { RegradeMessages } from '../i18n/es/regrade.ts';

/** What `dlgrade regrade` says about the sandbox of the score of record and its inputs: the catalog's `regrade` area (grader/i18n). */
export function regradeMessages(lang: Lang): RegradeMessages {
  return t(lang).regrade;
}
