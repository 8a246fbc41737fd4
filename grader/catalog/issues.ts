import type { Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';
import type { CatalogIssueMessages } from '../i18n/es/catalog-issues.ts';
import type { CatalogIssue, CatalogIssueCode } from './types.ts';

/**
 * One problem of the catalog, as data: a message code of the `catalogIssues` area (grader/i18n)
 * and its arguments. The catalog is cached on disk as JSON (cache.ts), so it holds no sentence in
 * any language: each reader renders the issue in theirs (issueMessage).
 */
export function catalogIssue<K extends CatalogIssueCode>(file: string, field: string, code: K, ...params: Parameters<CatalogIssueMessages[K]>): CatalogIssue {
  return { file, field, code, params: params as CatalogIssue['params'] };
}

/** The issue's message in `lang` (this process's language by default). */
export function issueMessage(issue: CatalogIssue, lang: Lang = currentLang()): string {
  const render = t(lang).catalogIssues[issue.code] as ((...args: unknown[]) => string) | undefined;
  // an entry cached by another version names a code this one lacks: the cache key includes the
  // loader's source, so this is a guard, never the usual path
  return render ? render(...issue.params) : `${issue.code} ${JSON.stringify(issue.params)}`;
}

/** «file field: message», the way lists of issues are shown. */
export function formatIssue(issue: CatalogIssue, lang: Lang = currentLang()): string {
  return `${issue.file} [${issue.field}]: ${issueMessage(issue, lang)}`;
}
