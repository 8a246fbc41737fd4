import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { PublishMessages } from '../i18n/es/publish.ts';

/** Student-facing words of the comment and the summary: the `publish` area of the message catalog. */
export type Messages = PublishMessages;

export function messages(lang: Lang): Messages {
  return t(lang).publish;
}
