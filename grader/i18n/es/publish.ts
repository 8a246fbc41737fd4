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
};
