import type { Lang } from './result.ts';
import { t } from '../i18n/index.ts';
import type { EngineMessages as Catalog } from '../i18n/es/engine.ts';

/** The engine's own sentences about a submission's files and the grader's faults: the catalog's `engine.files` area (grader/i18n). */
export type EngineMessages = Catalog['files'];

export function engineMessages(lang: Lang): EngineMessages {
  return t(lang).engine.files;
}
