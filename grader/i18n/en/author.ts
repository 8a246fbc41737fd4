import type { AuthorMessages } from '../es/author.ts';

export const author: AuthorMessages = {
  badId: (id: string): [string, string] => [`"${id}" is not an exercise id`, 'write it as <chapter>/<exercise>, lower-case with dashes: e.g. ch15-losses/tversky-loss'],
  noChapter: (chapter: string, chapters: string[]): [string, string] => [`chapter "${chapter}" does not exist in exercises/`, `use one of: ${chapters.join(', ')}`],
  exists: (id: string, where: string): [string, string] => [`exercise ${id} already exists (${where})`, 'choose another name, or edit the existing one'],
  nameTaken: (name: string, other: string): [string, string] => [`an exercise named "${name}" already exists (${other})`, 'names are unique across the course (`dlgrade check <name>` selects by name): choose another'],
  fileExists: (file: string): [string, string] => [`${file} already exists: dlgrade new overwrites nothing`, 'delete it if it is left over, or choose another exercise name'],
  noSignature: (): [string, string] => ['the signature of the function the student implements is missing', 'add --signature "fn(x: number[], k: number): number[]" (one per exported function)'],
  badSignature: (signature: string, problem: string): [string, string] => [
    `the signature "${signature}" cannot be used: ${problem}`,
    'write it as in exercise.yaml: name(param: type, …): returnType, e.g. "fn(x: number[], k: number): number[]"',
  ],
  duplicateExport: (name: string): [string, string] => [`function ${name} appears in two --signature`, 'each exported function once'],
  badRoot: (root: string): [string, string] => [`${root} does not look like a course root (no exercises/)`, 'pass --root the folder holding exercises/, reference/ and solutions/'],
  created: (id: string) => `Created ${id}:`,
  orderUpdated: (file: string) => `appended to order: in ${file} (move it to its place in the teaching order)`,
  next: (id: string) => [
    'Now, in this order (docs/authoring.md):',
    '  1. search every file for TODO(dlgrade new) and fill it in: titles, summary, properties and hints in exercise.yaml; the TensorFlow.js reference; the solution; spec.ts; the statements with a worked example (examples:)',
    '  2. write at least 3 realistic bugs in tests/fixtures/buggy/ and a correct variant in tests/fixtures/variants/ (delete the placeholders)',
    `  3. node --import tsx tests/tools/try-exercise.ts ${id}   (or npx dlgrade verify ${id}) until every line says ok`,
    '  4. npm run docs (the README course map) and npx vitest run tests/catalog',
  ],
  problem: {
    syntax: (detail: string) => `TypeScript cannot parse it (${detail})`,
    notOneFunction: 'it is not a single named function',
    noReturnType: 'the return type is missing',
    untypedParam: (param: string) => `parameter ${param} has no type`,
    patternParam: (n: number) => `parameter #${n} is a pattern; give it a name`,
    restParam: (param: string) => `parameter ...${param} is a rest parameter; declare it as an array`,
  },
};
