import type { Lang } from '../engine/result.ts';
import type { SignatureProblem } from './signature.ts';

/**
 * Every word `dlgrade new` shows an author, in both languages (the pattern of
 * grader/provision/messages.ts: one typed record per language, no scattered conditionals).
 */
interface NewWords {
  badId: (id: string) => [message: string, fix: string];
  noChapter: (chapter: string, chapters: string[]) => [string, string];
  exists: (id: string, where: string) => [string, string];
  nameTaken: (name: string, other: string) => [string, string];
  fileExists: (file: string) => [string, string];
  noSignature: [string, string];
  badSignature: (signature: string, problem: SignatureProblem) => [string, string];
  duplicateExport: (name: string) => [string, string];
  badRoot: (root: string) => [string, string];
  created: (id: string) => string;
  orderUpdated: (file: string) => string;
  next: (id: string) => string[];
}

const WORDS: Record<Lang, NewWords> = {
  es: {
    badId: (id) => [
      `«${id}» no es un identificador de ejercicio`,
      'escríbelo como <capítulo>/<ejercicio>, en minúsculas con guiones: p. ej. ch15-losses/tversky-loss',
    ],
    noChapter: (chapter, chapters) => [`el capítulo «${chapter}» no existe en exercises/`, `usa uno de estos: ${chapters.join(', ')}`],
    exists: (id, where) => [`el ejercicio ${id} ya existe (${where})`, 'elige otro nombre, o edita el que ya hay'],
    nameTaken: (name, other) => [
      `ya hay un ejercicio llamado «${name}» (${other})`,
      'los nombres son únicos en todo el curso (`dlgrade check <nombre>` elige por nombre): elige otro',
    ],
    fileExists: (file) => [`${file} ya existe: dlgrade new no sobrescribe nada`, 'bórralo si sobra, o elige otro nombre de ejercicio'],
    noSignature: ['falta la firma de la función que el estudiante implementa', 'añade --signature "fn(x: number[], k: number): number[]" (una por función exportada)'],
    badSignature: (signature, p) => [
      `la firma «${signature}» no se puede usar: ${
        p.reason === 'syntax' ? `TypeScript no la entiende (${p.detail})`
        : p.reason === 'not-one-function' ? 'no es una sola función con nombre'
        : p.reason === 'no-return-type' ? 'falta el tipo de retorno'
        : p.reason === 'untyped-param' ? `el parámetro ${p.param} no tiene tipo`
        : p.reason === 'rest-param' ? `el parámetro ...${p.param} es variádico; decláralo como un arreglo`
        : `el parámetro n.º ${p.index + 1} es un patrón; dale un nombre`
      }`,
      'escríbela como en exercise.yaml: nombre(param: tipo, …): tipoDeRetorno, p. ej. "fn(x: number[], k: number): number[]"',
    ],
    duplicateExport: (name) => [`la función ${name} aparece en dos --signature`, 'cada función exportada, una sola vez'],
    badRoot: (root) => [`${root} no parece la raíz de un curso (no tiene exercises/)`, 'pasa --root con la carpeta que contiene exercises/, reference/ y solutions/'],
    created: (id) => `Creado ${id}:`,
    orderUpdated: (file) => `añadido al final de order: en ${file} (muévelo a su sitio en el orden de enseñanza)`,
    next: (id) => [
      'Ahora, en este orden (docs/authoring.md):',
      '  1. busca TODO(dlgrade new) en cada archivo y rellénalo: títulos, resumen, propiedades y pista en exercise.yaml; la referencia con TensorFlow.js; la solución; spec.ts; los enunciados con un ejemplo resuelto (examples:)',
      '  2. escribe al menos 3 fallos realistas en tests/fixtures/buggy/ y una variante correcta en tests/fixtures/variants/ (borra los de relleno)',
      `  3. node --import tsx tests/tools/try-exercise.ts ${id}   (o npx dlgrade verify ${id}) hasta que todo diga ok`,
      '  4. npm run docs (mapa del curso en el README) y npx vitest run tests/catalog',
    ],
  },
  en: {
    badId: (id) => [`"${id}" is not an exercise id`, 'write it as <chapter>/<exercise>, lower-case with dashes: e.g. ch15-losses/tversky-loss'],
    noChapter: (chapter, chapters) => [`chapter "${chapter}" does not exist in exercises/`, `use one of: ${chapters.join(', ')}`],
    exists: (id, where) => [`exercise ${id} already exists (${where})`, 'choose another name, or edit the existing one'],
    nameTaken: (name, other) => [`an exercise named "${name}" already exists (${other})`, 'names are unique across the course (`dlgrade check <name>` selects by name): choose another'],
    fileExists: (file) => [`${file} already exists: dlgrade new overwrites nothing`, 'delete it if it is left over, or choose another exercise name'],
    noSignature: ['the signature of the function the student implements is missing', 'add --signature "fn(x: number[], k: number): number[]" (one per exported function)'],
    badSignature: (signature, p) => [
      `the signature "${signature}" cannot be used: ${
        p.reason === 'syntax' ? `TypeScript cannot parse it (${p.detail})`
        : p.reason === 'not-one-function' ? 'it is not a single named function'
        : p.reason === 'no-return-type' ? 'the return type is missing'
        : p.reason === 'untyped-param' ? `parameter ${p.param} has no type`
        : p.reason === 'rest-param' ? `parameter ...${p.param} is a rest parameter; declare it as an array`
        : `parameter #${p.index + 1} is a pattern; give it a name`
      }`,
      'write it as in exercise.yaml: name(param: type, …): returnType, e.g. "fn(x: number[], k: number): number[]"',
    ],
    duplicateExport: (name) => [`function ${name} appears in two --signature`, 'each exported function once'],
    badRoot: (root) => [`${root} does not look like a course root (no exercises/)`, 'pass --root the folder holding exercises/, reference/ and solutions/'],
    created: (id) => `Created ${id}:`,
    orderUpdated: (file) => `appended to order: in ${file} (move it to its place in the teaching order)`,
    next: (id) => [
      'Now, in this order (docs/authoring.md):',
      '  1. search every file for TODO(dlgrade new) and fill it in: titles, summary, properties and hints in exercise.yaml; the TensorFlow.js reference; the solution; spec.ts; the statements with a worked example (examples:)',
      '  2. write at least 3 realistic bugs in tests/fixtures/buggy/ and a correct variant in tests/fixtures/variants/ (delete the placeholders)',
      `  3. node --import tsx tests/tools/try-exercise.ts ${id}   (or npx dlgrade verify ${id}) until every line says ok`,
      '  4. npm run docs (the README course map) and npx vitest run tests/catalog',
    ],
  },
};

export function newWords(lang: Lang): NewWords {
  return WORDS[lang];
}
