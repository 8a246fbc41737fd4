import type { GitHubTarget } from '../../github/explain.ts';

/** what a failed GitHub call means, and the fix */
type Pair = [reason: string, fix: string];

/** A failed GitHub call explained for an instructor (grader/github/explain.ts picks the case). */
export const github = {
  network: (url: string): Pair => [`no se puede contactar con la API de GitHub (${url})`, 'comprueba la conexión a internet, o --api-url si usas GitHub Enterprise Server'],
  unauthorized: ['GitHub no acepta el token (caducado, revocado o mal copiado)', 'crea un token nuevo y pásalo con GITHUB_TOKEN o --token-file'] as Pair,
  forbiddenWorkflow: ['el token no puede modificar ficheros de .github/workflows', 'da al token el permiso «workflow» (token clásico) o «Workflows: write» (token de grano fino)'] as Pair,
  forbidden: ['el token no tiene permiso para esta operación en la organización', 'usa un token de un propietario de la organización con permisos «repo» y «admin:org» (o, de grano fino, «Administration», «Contents» y «Pull requests: write»)'] as Pair,
  rateLimited: ['GitHub ha limitado el número de peticiones', 'espera unos minutos y vuelve a ejecutarlo (lo ya hecho no se repite)'] as Pair,
  notFound: (t: GitHubTarget): Pair =>
    t.kind === 'user'
      ? [`no existe ningún usuario de GitHub «${t.username}»`, 'corrige github_username en el roster (sin @, tal como aparece en github.com/<usuario>)']
      : t.kind === 'template'
        ? [`la plantilla ${t.repo} no existe o el token no puede leerla`, 'comprueba --template (créala con dlgrade assign --github-org) y que el token tenga acceso a la organización']
        : t.kind === 'repo'
          ? [`el repositorio ${t.repo} no existe o el token no puede leerlo`, 'comprueba --org y --assignment, y que el token tenga acceso a la organización']
          : ['GitHub no encuentra el recurso', 'comprueba --org, --api-url y los permisos del token'],
  conflict: ['otro proceso ha cambiado el repositorio a la vez', 'vuelve a ejecutarlo (lo ya hecho no se repite)'] as Pair,
  invalid: (d: string): Pair => [`GitHub rechaza la petición${d ? `: ${d}` : ''}`, 'revisa el mensaje; si el repositorio quedó a medias, vuelve a ejecutarlo'],
  server: ['GitHub tiene un error interno o está caído', 'espera unos minutos y vuelve a ejecutarlo (githubstatus.com)'] as Pair,
  other: ['la llamada a GitHub ha fallado', 'vuelve a ejecutarlo; si se repite, comprueba el token y --api-url'] as Pair,
};
export type GitHubMessages = typeof github;
