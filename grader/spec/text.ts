import type { Lang } from '../engine/result.ts';

/** Student-facing text in both course languages. */
export interface Text {
  es: string;
  en: string;
}

export function t(text: Text, lang: Lang): string {
  return text[lang];
}
