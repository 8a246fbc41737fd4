import type { Lang } from '../engine/result.ts';
import { httpStatus } from './client.ts';

/**
 * A failed GitHub call explained for an instructor: what it means and how to fix it, in their
 * language, with GitHub's own status and message kept apart (never the bare
 * `HTTP 404: Not Found - https://docs.github.com/rest`). Never contains the token: octokit's
 * messages do not carry it.
 */
export interface GitHubExplanation {
  /** what it means, in the instructor's words */
  reason: string;
  /** what to do about it */
  fix: string;
  /** GitHub's status and first line of its message, e.g. `HTTP 403 "Resource not accessible by integration"` */
  github: string;
}

/** Where the call was made (what a 404 or a 422 means depends on it). */
export type GitHubTarget = { kind: 'repo'; repo: string } | { kind: 'template'; repo: string } | { kind: 'user'; username: string } | { kind: 'api' };

interface Words {
  network: (url: string) => [string, string];
  unauthorized: [string, string];
  forbiddenWorkflow: [string, string];
  forbidden: [string, string];
  rateLimited: [string, string];
  notFound: (target: GitHubTarget) => [string, string];
  conflict: [string, string];
  invalid: (detail: string) => [string, string];
  server: [string, string];
  other: [string, string];
}

const WORDS: Record<Lang, Words> = {
  es: {
    network: (url) => [`no se puede contactar con la API de GitHub (${url})`, 'comprueba la conexión a internet, o --api-url si usas GitHub Enterprise Server'],
    unauthorized: ['GitHub no acepta el token (caducado, revocado o mal copiado)', 'crea un token nuevo y pásalo con GITHUB_TOKEN o --token-file'],
    forbiddenWorkflow: ['el token no puede modificar ficheros de .github/workflows', 'da al token el permiso «workflow» (token clásico) o «Workflows: write» (token de grano fino)'],
    forbidden: ['el token no tiene permiso para esta operación en la organización', 'usa un token de un propietario de la organización con permisos «repo» y «admin:org» (o, de grano fino, Administration, Contents y Pull requests: write)'],
    rateLimited: ['GitHub ha limitado el número de peticiones', 'espera unos minutos y vuelve a ejecutarlo (lo ya hecho no se repite)'],
    notFound: (t) =>
      t.kind === 'user'
        ? [`no existe ningún usuario de GitHub «${t.username}»`, 'corrige github_username en el roster (sin @, tal como aparece en github.com/<usuario>)']
        : t.kind === 'template'
          ? [`la plantilla ${t.repo} no existe o el token no puede leerla`, 'comprueba --template (créala con dlgrade assign --github-org) y que el token tenga acceso a la organización']
          : t.kind === 'repo'
            ? [`el repositorio ${t.repo} no existe o el token no puede leerlo`, 'comprueba --org y --assignment, y que el token tenga acceso a la organización']
            : ['GitHub no encuentra el recurso', 'comprueba --org, --api-url y los permisos del token'],
    conflict: ['otro proceso ha cambiado el repositorio a la vez', 'vuelve a ejecutarlo (lo ya hecho no se repite)'],
    invalid: (d) => [`GitHub rechaza la petición${d ? `: ${d}` : ''}`, 'revisa el mensaje; si el repositorio quedó a medias, vuelve a ejecutarlo'],
    server: ['GitHub tiene un error interno o está caído', 'espera unos minutos y vuelve a ejecutarlo (githubstatus.com)'],
    other: ['la llamada a GitHub ha fallado', 'vuelve a ejecutarlo; si se repite, comprueba el token y --api-url'],
  },
  en: {
    network: (url) => [`cannot reach the GitHub API (${url})`, 'check the internet connection, or --api-url for GitHub Enterprise Server'],
    unauthorized: ['GitHub does not accept the token (expired, revoked or mistyped)', 'create a new token and pass it with GITHUB_TOKEN or --token-file'],
    forbiddenWorkflow: ['the token cannot change files under .github/workflows', 'give the token the "workflow" scope (classic) or "Workflows: write" (fine-grained)'],
    forbidden: ['the token is not allowed to do this in the organisation', 'use a token of an organisation owner with the "repo" and "admin:org" scopes (fine-grained: Administration, Contents and Pull requests: write)'],
    rateLimited: ['GitHub is rate-limiting the requests', 'wait a few minutes and run it again (what is done is not redone)'],
    notFound: (t) =>
      t.kind === 'user'
        ? [`there is no GitHub user "${t.username}"`, 'fix github_username in the roster (no @, as in github.com/<user>)']
        : t.kind === 'template'
          ? [`the template ${t.repo} does not exist or the token cannot read it`, 'check --template (make it with dlgrade assign --github-org) and the token’s access to the organisation']
          : t.kind === 'repo'
            ? [`the repository ${t.repo} does not exist or the token cannot read it`, 'check --org and --assignment, and the token’s access to the organisation']
            : ['GitHub cannot find the resource', 'check --org, --api-url and the token’s permissions'],
    conflict: ['something else changed the repository at the same time', 'run it again (what is done is not redone)'],
    invalid: (d) => [`GitHub refuses the request${d ? `: ${d}` : ''}`, 'read the message; if the repository was left half-done, run it again'],
    server: ['GitHub has an internal error or is down', 'wait a few minutes and run it again (githubstatus.com)'],
    other: ['the GitHub call failed', 'run it again; if it persists, check the token and --api-url'],
  },
};

function isNetworkError(error: unknown): boolean {
  const text = [String((error as Error | undefined)?.message ?? ''), String(((error as { cause?: { code?: unknown; message?: unknown } })?.cause)?.code ?? ''), String(((error as { cause?: { message?: unknown } })?.cause)?.message ?? '')].join(' ');
  return /ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|fetch failed|getaddrinfo/i.test(text);
}

/** GitHub's validation details (`errors[].message`), when it gave any. */
function validationDetail(error: unknown): string {
  const data = (error as { response?: { data?: { errors?: unknown } } }).response?.data;
  const errors = Array.isArray(data?.errors) ? data.errors : [];
  return errors
    .map((e) => (typeof e === 'string' ? e : typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : ''))
    .filter(Boolean)
    .join('; ');
}

/** GitHub's status and message, without the "- https://docs.github.com/rest" tail octokit appends. */
export function githubSummary(error: unknown): string {
  const status = httpStatus(error);
  const message = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '').trim();
  return status !== undefined ? `HTTP ${status}${message ? ` «${message}»` : ''}` : message;
}

export function explainGitHubError(error: unknown, lang: Lang, target: GitHubTarget = { kind: 'api' }, apiUrl = 'https://api.github.com'): GitHubExplanation {
  const w = WORDS[lang];
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  let pair: [string, string];
  if (isNetworkError(error)) pair = w.network(apiUrl);
  else if (status === 401) pair = w.unauthorized;
  else if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))) pair = w.rateLimited;
  else if (status === 403 && /workflow/i.test(message)) pair = w.forbiddenWorkflow;
  else if (status === 403) pair = w.forbidden;
  else if (status === 404) pair = w.notFound(target);
  else if (status === 409) pair = w.conflict;
  else if (status === 422) pair = w.invalid(validationDetail(error));
  else if (status !== undefined && status >= 500) pair = w.server;
  else pair = w.other;
  return { reason: pair[0], fix: pair[1], github: githubSummary(error) };
}
