import type { PropertyStatus } from '../../engine/result.ts';

/** What `dlgrade verify` (and `verify --mutation`) print for an author: the checks, their reasons. */
export const verify = {
  check: {
    catalog: 'catálogo',
    statements: 'enunciados',
    solution: (backend: string): string => `solución (${backend})`,
    stub: 'la plantilla saca 0',
    placeholders: 'marcadores',
    fixtures: 'fixtures',
    examples: 'ejemplos resueltos',
    constant: 'las respuestas constantes sacan 0',
    bug: (name: string): string => `fallo ${name}`,
    variant: (name: string): string => `variante ${name}`,
  },
  status: { pass: 'superada', fail: 'falla', error: 'error', timeout: 'tiempo agotado', skipped: 'omitida' } satisfies Record<PropertyStatus, string>,
  noIssues: 'sin problemas',
  notLoaded: (issues: string): string => `no se ha cargado: ${issues}`,
  statementsOk: 'README.es.md y README.en.md',
  statementsMissing: (files: readonly string[]): string => `faltan o están vacíos: ${files.join(', ')}`,
  missingFile: (path: string): string => `falta ${path}`,
  couldNotGrade: (why: string): string => `no se ha podido corregir: ${why}`,
  stubOtherReason: ' (alguna propiedad falla por otro motivo que «sin implementar»)',
  passing: (score: string, names: readonly string[]): string => `${score}: superan: ${names.join(', ')}`,
  noPlaceholders: 'no queda ningún TODO(dlgrade new)',
  fillPlaceholders: (where: readonly string[]): string => `rellena los TODO(dlgrade new) de ${where.join(', ')}`,
  fixtureCount: (bugs: number, minBugs: number, variants: number, dir: string): string =>
    `${bugs} con fallos (al menos ${minBugs}), ${variants} ${variants === 1 ? 'variante' : 'variantes'} (al menos 1) en ${dir}`,
  examplesOk: (n: number): string => `${n} ${n === 1 ? 'ejemplo' : 'ejemplos'}: la solución los devuelve y los dos enunciados los muestran`,
  constantEarns: (value: string, score: string, names: readonly string[]): string =>
    `return ${value} saca ${score} (${names.join(', ')}): haz secundarias esas propiedades o compara con la referencia`,
  constantOk: (values: readonly string[]): string => `${values.map((v) => `return ${v}`).join(', ')}: 0`,
  noHeader: 'la primera línea tiene que ser // expect-fail: <propiedad>[, ...]',
  unknownProperties: (names: readonly string[]): string => `expect-fail nombra propiedades que no existen: ${names.join(', ')}`,
  caught: (names: readonly string[], score: string): string => `lo detecta ${names.join(', ')} (${score})`,
  notCaught: (score: string, escaped: readonly string[], failed: readonly string[]): string =>
    `${score}; no lo detecta: ${escaped.join(', ') || '(la nota es la máxima)'}${failed.length > 0 ? `; fallan: ${failed.join(', ')}` : ''}`,
  graderError: (faults: readonly string[]): string => `error del corrector (no es un resultado): ${faults.join('; ')}`,
  examples: {
    none: 'no hay `examples:` en exercise.yaml (un ejemplo resuelto que muestran los dos enunciados; docs/authoring.md)',
    cannotLoad: (path: string, why: string): string => `no se puede cargar la solución ${path}: ${why}`,
    tooLong: (i: number, max: number): string => `ejemplo ${i}: pasa de ${max} caracteres, demasiado largo para comprobarlo a mano`,
    callNotShown: (i: number, path: string, call: string): string => `ejemplo ${i}: ${path} no muestra ${call}`,
    resultNotShown: (i: number, path: string, result: string): string => `ejemplo ${i}: ${path} no muestra el resultado ${result}`,
    noExport: (i: number, fn: string): string => `ejemplo ${i}: la solución no exporta ${fn}`,
    differs: (i: number, call: string, received: string, stated: string): string => `ejemplo ${i}: ${call} devuelve ${received}, los enunciados dicen ${stated}`,
    threw: (i: number, why: string): string => `ejemplo ${i}: la solución lanzó una excepción: ${why}`,
  },
  mutation: {
    survived: 'SOBREVIVE',
    couldNotGrade: (detail: string): string => `no se ha podido corregir: ${detail}`,
    score: (id: string, pct: string, killed: number, survived: number, equivalent: number, notCompiling: number): string =>
      `${id}: puntuación de mutación ${pct}% (${killed} eliminados, ${survived} supervivientes, ${equivalent} equivalentes, ${notCompiling} no compilan)`,
  },
};
export type VerifyMessages = typeof verify;
