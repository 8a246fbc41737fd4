import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { ProvisionMessages } from '../i18n/es/provision.ts';

export type { ActionParams, ProvisionAction, ProvisionProblem } from '../i18n/es/provision.ts';

/** Every word `dlgrade provision` shows an instructor: the catalog's `provision` area (grader/i18n). */
export function provisionWords(lang: Lang): ProvisionMessages {
  return t(lang).provision;
}
