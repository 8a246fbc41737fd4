import type { ExerciseReason, Lang, PropertyStatus } from '../engine/result.ts';

/** Student-facing words of the comment and the summary (Spanish first; English for `--lang en`). */
export interface Messages {
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
}

const es: Messages = {
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
};

const en: Messages = {
  heading: 'dlgrade result',
  points: 'points',
  exercise: 'Exercise',
  status: 'Status',
  score: 'Points',
  status_: { pass: '✅ passed', fail: '❌ failed', error: '⚠️ error', timeout: '⏱️ timed out', skipped: '⏭️ skipped' },
  reason: {
    'not-submitted': 'not submitted',
    'compile-error': 'does not compile',
    'missing-export': 'an export is missing',
    crash: 'the code threw',
    'out-of-memory': 'out of memory',
    timeout: 'timed out',
    'output-too-large': 'output too large',
    'grader-error': 'grader error (not your fault)',
    tampered: 'protected files modified',
  },
  failures: 'Details by exercise',
  details: 'Details',
  failingOf: (f, t) => `${f} of ${t} properties not met`,
  passedCount: (n) => `${n} properties met`,
  func: 'Function',
  location: 'Where',
  message: 'Message',
  counterexample: (s) => (s === undefined ? 'Counterexample' : `Counterexample (shrunk ${s} times)`),
  expected: 'Expected',
  received: 'Received',
  firstDiff: 'First difference',
  tolerance: 'tolerance',
  reproduce: 'To reproduce it on your machine',
  hint: 'Hint',
  output: 'Your code printed',
  hidden: 'hidden property',
  commit: 'Commit',
  run: 'run',
  seed: 'seed',
  formative: 'Formative score: the grade of record is computed at the deadline.',
  truncated: 'Part of this comment was left out for size; the full summary is in the run.',
  detailsOmitted: (n) => `${n} details left out for size.`,
  allPassed: 'Everything passes!',
  publishWarnings: 'Publishing warnings',
};

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : es;
}
