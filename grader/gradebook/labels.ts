import type { Lang } from '../engine/result.ts';

/** Every fixed word of the class report (HTML and Markdown), in both languages. */
export interface ReportLabels {
  htmlLang: string;
  title: string;
  subtitle: string;
  students: string;
  graded: string;
  ungraded: string;
  noSubmission: string;
  errorsCard: string;
  passed: (threshold: number) => string;
  mean: string;
  median: string;
  overGraded: string;
  late: string;
  tampered: string;
  distribution: (maxPoints: number) => string;
  histogramAria: string;
  exercisesHeading: string;
  exercise: string;
  titleCol: string;
  meanCol: string;
  passRate: (threshold: number) => string;
  complete: string;
  timeouts: string;
  errors: string;
  propertiesHeading: string;
  property: string;
  failureRate: string;
  commonCounterexample: string;
  hidden: string;
  times: (n: number) => string;
  topFailureHeading: string;
  topFailure: (failures: number, total: number) => string;
  example: string;
  counterexample: string;
  expected: string;
  received: string;
  noFailure: string;
  lateHeading: string;
  lateLine: (pushes: number) => string;
  none: string;
  noneM: string;
  tamperedHeading: string;
  errorsHeading: string;
  studentsHeading: string;
  username: string;
  id: string;
  points: string;
  percent: string;
  status: string;
  commit: string;
  lateCol: string;
  tamperedCol: string;
  yes: string;
  statusGraded: string;
  statusPassed: string;
  statusFailed: string;
  statusNoSubmission: string;
  statusError: string;
  detailHeading: string;
  detail: string;
  repository: string;
  pushedAt: string;
  failing: string;
  allPassed: string;
  exerciseStatus: Record<'pass' | 'fail' | 'error' | 'timeout', string>;
  duplicates: string;
  sortHint: string;
  ungradedNote: (n: number) => string;
}

const ES: ReportLabels = {
  htmlLang: 'es',
  title: 'Informe de la clase · dlgrade',
  subtitle: 'Nota de registro: recorrección del lado del profesor, con las propiedades ocultas y semilla fija.',
  students: 'estudiantes',
  graded: 'corregidos',
  ungraded: 'sin corregir',
  noSubmission: 'sin entrega',
  errorsCard: 'con errores',
  passed: (t) => `aprobados (≥ ${t} %)`,
  mean: 'media',
  median: 'mediana',
  overGraded: 'de los corregidos',
  late: 'con entregas tardías',
  tampered: 'con archivos protegidos alterados',
  distribution: (m) => `Distribución de notas de los corregidos (% de ${m} puntos)`,
  histogramAria: 'Histograma de notas',
  exercisesHeading: 'Por ejercicio',
  exercise: 'ejercicio',
  titleCol: 'título',
  meanCol: 'media',
  passRate: (t) => `aprobados (≥ ${t} %)`,
  complete: 'completos',
  timeouts: 'tiempo agotado',
  errors: 'errores',
  propertiesHeading: 'Por propiedad',
  property: 'propiedad',
  failureRate: 'fallos',
  commonCounterexample: 'contraejemplo más común (reducido)',
  hidden: 'oculta',
  times: (n) => `${n} vez/veces`,
  topFailureHeading: 'La propiedad que más falla',
  topFailure: (f, t) => `falla en ${f} de ${t}`,
  example: 'Ejemplo',
  counterexample: 'Contraejemplo',
  expected: 'Esperado',
  received: 'Recibido',
  noFailure: 'Ninguna propiedad falla.',
  lateHeading: 'Entregas tardías',
  lateLine: (n) => `${n} push(es) después del plazo; se corrige el último anterior`,
  none: 'Ninguna.',
  noneM: 'Ninguno.',
  tamperedHeading: 'Archivos protegidos alterados',
  errorsHeading: 'Errores',
  studentsHeading: 'Estudiantes',
  username: 'usuario',
  id: 'id',
  points: 'puntos',
  percent: '%',
  status: 'estado',
  commit: 'commit',
  lateCol: 'tarde',
  tamperedCol: 'alterado',
  yes: 'sí',
  statusGraded: 'corregido',
  statusPassed: 'aprobado',
  statusFailed: 'suspenso',
  statusNoSubmission: 'sin entrega',
  statusError: 'error',
  detailHeading: 'Detalle por estudiante',
  detail: 'detalle',
  repository: 'repositorio',
  pushedAt: 'push',
  failing: 'propiedades que fallan',
  allPassed: 'todas las propiedades pasan',
  exerciseStatus: { pass: 'aprobado', fail: 'falla', error: 'error', timeout: 'tiempo agotado' },
  duplicates: 'Duplicados resueltos por la corrección más reciente',
  sortHint: 'Pulsa la cabecera de una columna para ordenar.',
  ungradedNote: (n) => `${n} sin corregir (sin entrega o con errores): fuera de la media, la mediana y el histograma.`,
};

const EN: ReportLabels = {
  htmlLang: 'en',
  title: 'Class report · dlgrade',
  subtitle: 'Marks of record: the instructor’s regrade, hidden properties included, fixed seed.',
  students: 'students',
  graded: 'graded',
  ungraded: 'not graded',
  noSubmission: 'no submission',
  errorsCard: 'with errors',
  passed: (t) => `passed (≥ ${t} %)`,
  mean: 'mean',
  median: 'median',
  overGraded: 'of those graded',
  late: 'with late pushes',
  tampered: 'with protected files changed',
  distribution: (m) => `Distribution of the graded students’ marks (% of ${m} points)`,
  histogramAria: 'Histogram of marks',
  exercisesHeading: 'By exercise',
  exercise: 'exercise',
  titleCol: 'title',
  meanCol: 'mean',
  passRate: (t) => `passed (≥ ${t} %)`,
  complete: 'full marks',
  timeouts: 'timeouts',
  errors: 'errors',
  propertiesHeading: 'By property',
  property: 'property',
  failureRate: 'failures',
  commonCounterexample: 'most common counterexample (shrunk)',
  hidden: 'hidden',
  times: (n) => `${n} time(s)`,
  topFailureHeading: 'The most failed property',
  topFailure: (f, t) => `fails for ${f} of ${t}`,
  example: 'Example',
  counterexample: 'Counterexample',
  expected: 'Expected',
  received: 'Received',
  noFailure: 'No property fails.',
  lateHeading: 'Late pushes',
  lateLine: (n) => `${n} push(es) after the deadline; the last one before it is graded`,
  none: 'None.',
  noneM: 'None.',
  tamperedHeading: 'Protected files changed',
  errorsHeading: 'Errors',
  studentsHeading: 'Students',
  username: 'user',
  id: 'id',
  points: 'points',
  percent: '%',
  status: 'status',
  commit: 'commit',
  lateCol: 'late',
  tamperedCol: 'tampered',
  yes: 'yes',
  statusGraded: 'graded',
  statusPassed: 'passed',
  statusFailed: 'failed',
  statusNoSubmission: 'no submission',
  statusError: 'error',
  detailHeading: 'Per student',
  detail: 'detail',
  repository: 'repository',
  pushedAt: 'push',
  failing: 'failing properties',
  allPassed: 'every property passes',
  exerciseStatus: { pass: 'passed', fail: 'fails', error: 'error', timeout: 'timeout' },
  duplicates: 'Duplicates resolved by the most recent regrade',
  sortHint: 'Click a column header to sort.',
  ungradedNote: (n) => `${n} not graded (no submission or errors): left out of the mean, the median and the histogram.`,
};

export function reportLabels(lang: Lang): ReportLabels {
  return lang === 'en' ? EN : ES;
}
