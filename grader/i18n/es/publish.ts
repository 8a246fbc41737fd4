import type { ExerciseReason, PropertyStatus } from '../../engine/result.ts';

/** Student-facing words of the comment and the summary (Spanish first; English for `--lang en`). */
export interface PublishMessages {
  heading: string;
  points: string;
  exercise: string;
  status: string;
  score: string;
  status_: Record<PropertyStatus, string>;
  reason: Record<ExerciseReason, string>;
  failures: string;
  details: string;
  failingOf: (failing: number, total: number) => string;
  passedCount: (n: number) => string;
  func: string;
  location: string;
  message: string;
  counterexample: (shrinks: number | undefined) => string;
  expected: string;
  received: string;
  firstDiff: string;
  tolerance: string;
  reproduce: string;
  hint: string;
  output: string;
  hidden: string;
  commit: string;
  run: string;
  seed: string;
  formative: string;
  truncated: string;
  detailsOmitted: (n: number) => string;
  allPassed: string;
  publishWarnings: string;
  /** what could not be published, for the job summary's warnings (GitHub's own words quoted) */
  warn: {
    findPull: string;
    comment: (pull: number) => string;
    createCheck: string;
    updateCheck: string;
    failed: (step: string, status: string, message: string) => string;
    noResponse: string;
    forbidden: (permission: string) => string;
    notFound: string;
    unauthorized: string;
    rateLimited: string;
    unreachable: string;
    other: string;
    nothingPublished: (missing: readonly string[]) => string;
    refusedBranch: (branch: string, sha: string, starter: string) => string;
    classroom50NotWritten: (detail: string) => string;
    fixLabel: string;
  };
  /** publish's own log lines (GitHub Actions log; workflow commands keep their syntax, only these words change) */
  log: {
    /** prefix of a warning outside Actions */
    warningPrefix: string;
    noPull: string;
    commentShortened: (level: number) => string;
    comment: (action: 'created' | 'updated' | 'unchanged', pull: number, id: number, via: string) => string;
    via: Record<'feedback' | 'event' | 'commit' | 'none', string>;
    duplicates: (pull: number, count: number, kept: number, left: string) => string;
    checkRun: (id: number, created: boolean, annotations: number, requests: number) => string;
    classroomShortened: (level: number) => string;
    noClassroom50: (problems: string) => string;
    wrote: (files: string, outputs: boolean, summary: boolean) => string;
    dryRun: string;
    summaryWarningsFailed: string;
    published: (degraded: boolean, score: number, max: number) => string;
    noStarter: string;
    noFeedbackBranch: (branch: string) => string;
    noFeedbackPull: (branch: string) => string;
    noCommitPull: string;
    rateLimit: (kind: 'primary' | 'secondary', request: string, retryAfter: number | undefined) => string;
    /** a warning octokit itself logged (its own English words, quoted) */
    octokitSays: (message: string) => string;
    wroteClassroom50: (file: string) => string;
  };
  /** why Classroom 50's result.json cannot be written (its runner's variables) */
  classroom50: {
    notSet: (names: readonly string[]) => string;
    badTag: (tag: string) => string;
    noOwner: string;
    noCommitUrl: string;
    noReleaseUrl: string;
    noDate: string;
  };
}

export const publish: PublishMessages = {
  heading: 'Resultado de dlgrade',
  points: 'puntos',
  exercise: 'Ejercicio',
  status: 'Estado',
  score: 'Puntos',
  status_: { pass: '✅ superado', fail: '❌ falla', error: '⚠️ error', timeout: '⏱️ tiempo agotado', skipped: '⏭️ omitido' },
  reason: {
    'not-submitted': 'no entregado',
    'compile-error': 'no compila',
    'missing-export': 'falta una exportación',
    crash: 'el código lanzó una excepción',
    'out-of-memory': 'sin memoria',
    timeout: 'tiempo agotado',
    'output-too-large': 'salida demasiado grande',
    'grader-error': 'error del corrector (no es culpa tuya)',
    tampered: 'archivos protegidos modificados',
  },
  failures: 'Detalle por ejercicio',
  details: 'Detalles',
  failingOf: (f, t) => `${f} de ${t} propiedades no superadas`,
  passedCount: (n) => `${n} propiedades superadas`,
  func: 'Función',
  location: 'Dónde',
  message: 'Mensaje',
  counterexample: (s) => (s === undefined ? 'Contraejemplo' : `Contraejemplo (reducido ${s} veces)`),
  expected: 'Esperado',
  received: 'Recibido',
  firstDiff: 'Primera diferencia',
  tolerance: 'tolerancia',
  reproduce: 'Para reproducirlo en tu equipo',
  hint: 'Pista',
  output: 'Salida de tu código',
  hidden: 'propiedad oculta',
  commit: 'Commit',
  run: 'ejecución',
  seed: 'semilla',
  formative: 'Nota orientativa: la calificación oficial se calcula en la fecha de entrega.',
  truncated: 'Parte de este comentario se ha omitido por tamaño; el resumen completo está en la ejecución.',
  detailsOmitted: (n) => `${n} detalles omitidos por tamaño.`,
  allPassed: '¡Todo superado!',
  publishWarnings: 'Avisos de publicación',
  warn: {
    findPull: 'Buscar el pull request',
    comment: (pull) => `Comentar en #${pull}`,
    createCheck: 'Crear el check run',
    updateCheck: 'Actualizar el check run',
    failed: (step, status, message) => `${step} falló (${status}: «${message}»)`,
    noResponse: 'sin respuesta',
    forbidden: (permission) => `al token le falta \`${permission}\` (el workflow necesita \`permissions: ${permission}\`; un pull request desde un fork solo recibe un token de lectura). El feedback está en el resumen del job.`,
    notFound: 'no se encuentra (¿es correcto GITHUB_REPOSITORY y lo ve el token?). El feedback está en el resumen del job.',
    unauthorized: 'GitHub no aceptó el token (GITHUB_TOKEN). El feedback está en el resumen del job.',
    rateLimited: 'GitHub sigue limitando las peticiones tras los reintentos. El feedback está en el resumen del job.',
    unreachable: 'GitHub no respondía o fallaba tras los reintentos. El feedback está en el resumen del job.',
    other: 'El feedback está en el resumen del job.',
    nothingPublished: (missing) => `No se ha publicado nada en GitHub: faltan ${missing.join(', ')}. El feedback está en el resumen del job y en los archivos.`,
    refusedBranch: (branch, sha, starter) => `se descarta la rama \`${branch}\`: apunta a ${sha}, no al commit inicial ${starter}`,
    classroom50NotWritten: (detail) => `no se ha escrito el result.json de Classroom 50: ${detail}`,
    fixLabel: 'solución',
  },
  log: {
    warningPrefix: 'aviso',
    noPull: 'no hay pull request en el que comentar: el feedback está en el resumen del job y en el check run',
    commentShortened: (level) => `comentario acortado para caber en el límite de GitHub (nivel de detalle ${level})`,
    comment: (action, pull, id, via) => `comentario ${action === 'created' ? 'creado' : action === 'updated' ? 'actualizado' : 'sin cambios'} en #${pull} (id ${id}, encontrado ${via})`,
    via: { feedback: 'por la rama feedback', event: 'por el evento', commit: 'por el commit', none: 'sin pull request' },
    duplicates: (pull, count, kept, left) => `#${pull} tenía ${count} comentarios de dlgrade (dos ejecuciones a la vez): se conserva y actualiza el más antiguo (${kept}); no se tocan ${left}`,
    checkRun: (id, created, annotations, requests) => `check run ${id} ${created ? 'creado' : 'actualizado'}: ${annotations} anotaciones en ${requests} ${requests === 1 ? 'petición' : 'peticiones'}`,
    classroomShortened: (level) =>
      `la salida \`result\` para el informe de Classroom se ha acortado para no pasar el límite de las variables de entorno (nivel ${level}: ${['', 'sin mensajes', 'sin mensajes ni nombres de archivo', 'una prueba por ejercicio', 'solo el total'][level] ?? ''})`,
    noClassroom50: (problems) => `sin result.json de Classroom 50: ${problems} (no es una ejecución de Classroom 50)`,
    wrote: (files, outputs, summary) => `escrito: ${files}${outputs ? ', salidas del paso' : ''}${summary ? ', resumen del job' : ''}`,
    dryRun: '--dry-run: no se envía nada a GitHub',
    summaryWarningsFailed: 'no se pudieron añadir los avisos al resumen del job',
    published: (degraded, score, max) => `${degraded ? 'publicado con avisos' : 'publicado'}: ${score} / ${max}`,
    noStarter: 'no consta el commit inicial (--starter-sha o starterCommit en .dlgrade/manifest.json): no se busca el Feedback PR',
    noFeedbackBranch: (branch) => `el repositorio no tiene rama \`${branch}\``,
    noFeedbackPull: (branch) => `no hay ningún pull request abierto hacia \`${branch}\``,
    noCommitPull: 'ningún pull request abierto tiene como cabeza el commit enviado',
    rateLimit: (kind, request, retryAfter) =>
      `GitHub limita las peticiones (${kind === 'primary' ? 'límite principal' : 'límite secundario'}) en ${request}: ${retryAfter === undefined ? 'se abandona' : `se reintenta dentro de ${retryAfter} s`}`,
    octokitSays: (message) => `octokit avisa: «${message}»`,
    wroteClassroom50: (file) => `dlgrade: escrito ${file} (Classroom 50)`,
  },
  classroom50: {
    notSet: (names) => `${names.length === 1 ? 'falta' : 'faltan'} ${names.join(', ')}`,
    badTag: (tag) => `SUBMISSION_TAG ${tag} no es una etiqueta submit/…`,
    noOwner: 'falta OWNER (ni USERNAME ni GITHUB_ACTOR)',
    noCommitUrl: 'falta COMMIT_URL (ni GITHUB_REPOSITORY y GITHUB_SHA)',
    noReleaseUrl: 'falta RELEASE_URL (ni GITHUB_REPOSITORY)',
    noDate: 'no se sabe la fecha del commit corregido (define DLGRADE_COMMIT_DATE, o ejecútalo en la copia del repositorio con git)',
  },
};
