/** Every word `dlgrade new` shows an author (grader/scaffold/). */
export const author = {
  badId: (id: string): [string, string] => [
    `«${id}» no es un identificador de ejercicio`,
    'escríbelo como <capítulo>/<ejercicio>, en minúsculas con guiones: p. ej. ch15-losses/tversky-loss',
  ],
  noChapter: (chapter: string, chapters: string[]): [string, string] => [`el capítulo «${chapter}» no existe en exercises/`, `usa uno de estos: ${chapters.join(', ')}`],
  exists: (id: string, where: string): [string, string] => [`el ejercicio ${id} ya existe (${where})`, 'elige otro nombre, o edita el que ya hay'],
  nameTaken: (name: string, other: string): [string, string] => [
    `ya hay un ejercicio llamado «${name}» (${other})`,
    'los nombres son únicos en todo el curso (`dlgrade check <nombre>` elige por nombre): elige otro',
  ],
  fileExists: (file: string): [string, string] => [`${file} ya existe: dlgrade new no sobrescribe nada`, 'bórralo si sobra, o elige otro nombre de ejercicio'],
  noSignature: (): [string, string] => ['falta la firma de la función que el estudiante implementa', 'añade --signature "fn(x: number[], k: number): number[]" (una por función exportada)'],
  badSignature: (signature: string, problem: string): [string, string] => [
    `la firma «${signature}» no se puede usar: ${problem}`,
    'escríbela como en exercise.yaml: nombre(param: tipo, …): tipoDeRetorno, p. ej. "fn(x: number[], k: number): number[]"',
  ],
  duplicateExport: (name: string): [string, string] => [`la función ${name} aparece en dos --signature`, 'cada función exportada, una sola vez'],
  badRoot: (root: string): [string, string] => [`${root} no parece la raíz de un curso (no tiene exercises/)`, 'pasa --root con la carpeta que contiene exercises/, reference/ y solutions/'],
  created: (id: string) => `Creado ${id}:`,
  orderUpdated: (file: string) => `añadido al final de order: en ${file} (muévelo a su sitio en el orden de enseñanza)`,
  next: (id: string) => [
    'Ahora, en este orden (docs/authoring.md):',
    '  1. busca TODO(dlgrade new) en cada archivo y rellénalo: títulos, resumen, propiedades y pista en exercise.yaml; la referencia con TensorFlow.js; la solución; spec.ts; los enunciados con un ejemplo resuelto (examples:)',
    '  2. escribe al menos 3 fallos realistas en tests/fixtures/buggy/ y una variante correcta en tests/fixtures/variants/ (borra los de relleno)',
    `  3. node --import tsx tests/tools/try-exercise.ts ${id}   (o npx dlgrade verify ${id}) hasta que todo diga ok`,
    '  4. npm run docs (mapa del curso en el README) y npx vitest run tests/catalog',
  ],
  problem: {
    syntax: (detail: string) => `TypeScript no la entiende (${detail})`,
    notOneFunction: 'no es una sola función con nombre',
    noReturnType: 'falta el tipo de retorno',
    untypedParam: (param: string) => `el parámetro ${param} no tiene tipo`,
    patternParam: (n: number) => `el parámetro n.º ${n} es un patrón; dale un nombre`,
    restParam: (param: string) => `el parámetro ...${param} es variádico; decláralo como un arreglo`,
  },
};

export type AuthorMessages = typeof author;
