import type { Lang } from '../engine/result.ts';
import { currentLang, setLang, text, type Catalog } from '../i18n/index.ts';

/** The language of this command line, set once by main() from --lang / DLGRADE_LANG before parsing (grader/i18n currentLang). */
export function setCliLang(lang: Lang): void {
  setLang(lang);
}

export function cliLang(): Lang {
  return currentLang();
}

/** The catalog in the command line's language. */
export function cliText(): Catalog {
  return text();
}
