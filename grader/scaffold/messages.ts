import type { Lang } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import type { SignatureProblem } from './signature.ts';

/** The words of `dlgrade new` (grader/i18n/<lang>/author.ts). */
export function newWords(lang: Lang) {
  return t(lang).author;
}

/** Why a signature cannot be used, in the author's language. */
export function signatureProblem(lang: Lang, p: SignatureProblem): string {
  const words = t(lang).author.problem;
  switch (p.reason) {
    case 'syntax':
      return words.syntax(p.detail);
    case 'not-one-function':
      return words.notOneFunction;
    case 'no-return-type':
      return words.noReturnType;
    case 'untyped-param':
      return words.untypedParam(p.param);
    case 'pattern-param':
      return words.patternParam(p.index + 1);
    case 'rest-param':
      return words.restParam(p.param);
  }
}
