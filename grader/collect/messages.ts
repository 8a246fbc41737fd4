import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { CollectMessages } from '../i18n/es/collect.ts';

/** Every word `dlgrade collect` shows an instructor: the catalog's `collect` area (grader/i18n). */
export function collectWords(lang: Lang): CollectMessages {
  return t(lang).collect;
}
