/** Student-facing text in both course languages. */
export interface Text {
  es: string;
  en: string;
}
