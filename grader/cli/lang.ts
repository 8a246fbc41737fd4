import type { Lang } from '../engine/result.ts';
import { t, type Catalog } from '../i18n/index.ts';

/** The language of this command line, set once by main() from --lang / DLGRADE_LANG before parsing. */
let current: Lang = 'es';

export function setCliLang(lang: Lang): void {
  current = lang;
}

export function cliLang(): Lang {
  return current;
}

/** The catalog in the command line's language. */
export function cliText(): Catalog {
  return t(current);
}
