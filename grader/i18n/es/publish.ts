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
};
