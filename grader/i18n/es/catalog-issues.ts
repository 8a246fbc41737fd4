const list = (names: readonly string[]): string => names.map((n) => `«${n}»`).join(', ');

/**
 * What the exercise catalog's loader says about a chapter.yaml, an exercise.yaml or a missing
 * file. The loader records a code and its arguments (grader/catalog/issues.ts): the catalog is
 * cached on disk as JSON, and each reader sees the message in their own language.
 */
export const catalogIssues = {
  noExercisesFolder: (): string => 'la carpeta de ejercicios no existe',
  chapterFolderName: (name: string): string => `las carpetas de capítulo se llaman chNN-nombre (p. ej. ch07-convolution), no «${name}»`,
  chapterYamlMissing: (): string => 'falta chapter.yaml (número y título en es/en)',
  bookSectionUnknown: (section: string): string => `«${section}» no es una sección del índice del libro (grader/catalog/book-sections.ts)`,
  chapterSectionWrong: (section: string, chapter: number): string => `«${section}» no es una sección del capítulo ${chapter} (escríbela como ${chapter}.N)`,
  orderUnknown: (name: string, folders: readonly string[]): string => `«${name}» no es una carpeta de ejercicio de este capítulo (sus carpetas: ${folders.join(', ')})`,
  orderMissing: (missing: readonly string[]): string => `no incluye ${list(missing)}: añade cada carpeta de ejercicio del capítulo una vez, de simple a complejo`,
  exerciseFolderName: (name: string): string => `las carpetas de ejercicio van en minúsculas-con-guiones, no «${name}»`,
  exerciseYamlMissing: (): string => 'falta exercise.yaml',
  yamlInvalid: (detail: string): string => `no es YAML válido: «${detail}»`,
  schemaUnknownField: (field: string): string => `campo desconocido «${field}»`,
  schemaMissingField: (field: string): string => `falta el campo «${field}»`,
  schemaEnum: (allowed: readonly string[]): string => `tiene que ser uno de los valores permitidos (${allowed.join(', ')})`,
  schemaType: (type: string): string => `tiene que ser de tipo ${type}`,
  schemaOther: (keyword: string, detail: string): string => `no cumple el esquema (${keyword}: «${detail}»)`,
  duplicateProperty: (name: string): string => `la propiedad «${name}» está repetida`,
  notAnExport: (fn: string, exports: readonly string[]): string => `«${fn}» no es una de las funciones exportadas (${exports.join(', ')})`,
  duplicateEdgeCase: (id: string): string => `el caso límite «${id}» está repetido`,
  allSecondary: (): string => 'todas las propiedades son secundarias: al menos una tiene que comprobar el resultado en sí',
  fileName: (expected: string, actual: string): string => `tiene que ser «${expected}» (el nombre de la carpeta del ejercicio), no «${actual}»`,
  missingStub: (): string => 'falta: el esqueleto que edita el estudiante',
  missingSpec: (): string => 'falta: las propiedades (spec.ts)',
  missingStatementEs: (): string => 'falta: el enunciado en español',
  missingStatementEn: (): string => 'falta: el enunciado en inglés',
  missingReference: (): string => 'falta: la referencia en TensorFlow.js',
  forwardUnknown: (name: string, names: readonly string[]): string => `«${name}» no es una propiedad de este ejercicio (${names.join(', ')})`,
  pointsMissingField: (field: string): string =>
    `falta el campo «${field}»: un ejercicio declara su dificultad y su total (bookkeeping 10, standard 20, core 30, hard-core 40), justo antes de file:`,
  pointsWrong: (difficulty: string, expected: number, points: number): string => `un ejercicio ${difficulty} vale ${expected} puntos, no ${points} (cambia points o la dificultad)`,
  pointsIndivisible: (points: number, count: number): string =>
    `${points} puntos no dan un punto entero por papel a cada una de las ${count} propiedades: menos propiedades, o una dificultad mayor`,
  requiresUnknown: (name: string, names: readonly string[]): string => `«${name}» no es una propiedad de este ejercicio (sus propiedades: ${names.join(', ')})`,
  requiresSelf: (name: string): string => `«${name}» no puede requerirse a sí misma`,
  requiresHidden: (name: string): string => `«${name}» es oculta: una propiedad visible no puede esperar a una oculta (el estudiante no vería por qué)`,
  requiresCycle: (cycle: readonly string[]): string => `los requisitos forman un ciclo: ${cycle.join(' → ')}; quita uno de ellos`,
};
export type CatalogIssueMessages = typeof catalogIssues;
