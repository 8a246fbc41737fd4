import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { parseDocument, isSeq } from 'yaml';
import type { Lang } from '../engine/result.ts';
import { DlgradeError } from '../errors.ts';
import { INSTALL_ROOT, TEMPLATES_DIR } from '../paths.ts';
import { newWords, signatureProblem } from './messages.ts';
import { isProblem, paramList, parseSignature, type ParsedSignature, type ParamKind } from './signature.ts';

/** The marker every placeholder carries; tests/catalog fails while one is left in an exercise's files. */
export const PLACEHOLDER = 'TODO(dlgrade new)';

const CHAPTER = /^ch(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXERCISE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface ScaffoldOptions {
  /** `<chapter>/<exercise>` */
  id: string;
  /** one per exported function, as exercise.yaml writes it: `fn(x: number[], k: number): number[]` */
  signatures: readonly string[];
  /** the course root holding exercises/, reference/, solutions/, tests/fixtures/ (default: this install) */
  root?: string;
  lang?: Lang;
}

export interface ScaffoldResult {
  id: string;
  /** paths relative to the root, in the order written */
  files: string[];
  /** chapter.yaml, whose `order:` gained the exercise */
  chapterFile: string;
}

function refuse([message, fix]: [string, string], file?: string): never {
  throw new DlgradeError({ code: 'E_OPTION', message, fix, ...(file !== undefined ? { file } : {}) });
}

const ARBITRARY: Record<Exclude<ParamKind, 'other'>, { text: string; dims: string[] }> = {
  number: { text: 'arb.num()', dims: [] },
  vector: { text: 'arb.vector(d0)', dims: ['d0'] },
  matrix: { text: 'arb.matrix(d0, d1)', dims: ['d0', 'd1'] },
  tensor3: { text: 'arb.tensor3(d0, d1, d2)', dims: ['d0', 'd1', 'd2'] },
  tensor4: { text: 'arb.tensor4(d0, d1, d2, d3)', dims: ['d0', 'd1', 'd2', 'd3'] },
  boolean: { text: 'fc.boolean()', dims: [] },
  string: { text: `fc.string() /* ${PLACEHOLDER}: the strings it accepts */`, dims: [] },
};

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();

function exportView(sig: ParsedSignature, multiple: boolean) {
  const dims = new Set<string>();
  const params = sig.params.map((p) => {
    if (p.kind === 'other') return { name: p.name, arbitrary: `fc.constant(undefined as unknown as ${p.type}) /* ${PLACEHOLDER}: an arbitrary for ${p.type.replace(/\*\//g, '* /')} */` };
    for (const d of ARBITRARY[p.kind].dims) dims.add(d);
    return { name: p.name, arbitrary: ARBITRARY[p.kind].text };
  });
  const prefix = multiple ? `${kebab(sig.name)}-` : '';
  return {
    name: sig.name,
    typeParams: sig.typeParams,
    paramList: paramList(sig),
    returnType: sig.returnType,
    signatureYaml: JSON.stringify(sig.text),
    paramNames: sig.params.map((p) => p.name).join(', '),
    params,
    shapeUse: dims.size > 0 ? `{ ${[...dims].sort().join(', ')} }` : '',
    inputsName: `${sig.name}Inputs`,
    matchName: `${prefix}matches-reference`,
    noMutationName: `${prefix}no-mutation`,
  };
}

/** The templates under templates/new/, compiled once; generated code is never HTML-escaped. */
function render(name: string, view: object): string {
  const source = readFileSync(join(TEMPLATES_DIR, 'new', `${name}.hbs`), 'utf8');
  return Handlebars.compile(source, { noEscape: true, strict: true })(view);
}

function chaptersOf(root: string): string[] {
  const dir = join(root, 'exercises');
  return readdirSync(dir).filter((c) => CHAPTER.test(c) && statSync(join(dir, c)).isDirectory()).sort();
}

/**
 * `dlgrade new <chapter>/<exercise>`: writes the files of a new exercise, every placeholder marked
 * TODO(dlgrade new), and appends it to the chapter's `order:`. Refuses, before writing anything,
 * an invalid id, a chapter that does not exist, an exercise (or exercise name) that exists, a file
 * that would be overwritten, and a signature TypeScript cannot read.
 */
export function scaffoldExercise(options: ScaffoldOptions): ScaffoldResult {
  const lang = options.lang ?? 'es';
  const words = newWords(lang);
  const root = options.root ?? INSTALL_ROOT;
  if (!existsSync(join(root, 'exercises'))) refuse(words.badRoot(root));
  const id = options.id.trim().replace(/^exercises\//, '').replace(/\/+$/, '');
  const parts = id.split('/');
  if (parts.length !== 2 || !CHAPTER.test(parts[0]!) || !EXERCISE.test(parts[1]!)) refuse(words.badId(options.id));
  const [chapter, name] = parts as [string, string];
  const chapters = chaptersOf(root);
  if (!chapters.includes(chapter)) refuse(words.noChapter(chapter, chapters));
  const exerciseDir = join(root, 'exercises', chapter, name);
  if (existsSync(exerciseDir)) refuse(words.exists(id, relative(root, exerciseDir)));
  for (const other of chapters) {
    if (existsSync(join(root, 'exercises', other, name))) refuse(words.nameTaken(name, `${other}/${name}`));
  }

  if (options.signatures.length === 0) refuse(words.noSignature());
  const signatures: ParsedSignature[] = [];
  for (const text of options.signatures) {
    const parsed = parseSignature(text);
    if (isProblem(parsed)) refuse(words.badSignature(text, signatureProblem(lang, parsed)));
    if (signatures.some((s) => s.name === parsed.name)) refuse(words.duplicateExport(parsed.name));
    signatures.push(parsed);
  }

  const file = `${name}.ts`;
  const multiple = signatures.length > 1;
  const view = {
    id,
    chapter,
    name,
    file,
    chapterNumber: Number(CHAPTER.exec(chapter)![1]),
    multiple,
    callList: signatures.map((s) => `${s.name}(${s.params.map((p) => p.name).join(', ')})`).join(', '),
    exports: signatures.map((s) => exportView(s, multiple)),
  };
  const targets: [path: string, template: string][] = [
    [join('exercises', chapter, name, 'exercise.yaml'), 'exercise.yaml'],
    [join('exercises', chapter, name, file), 'stub.ts'],
    [join('exercises', chapter, name, 'spec.ts'), 'spec.ts'],
    [join('exercises', chapter, name, 'README.es.md'), 'README.es.md'],
    [join('exercises', chapter, name, 'README.en.md'), 'README.en.md'],
    [join('reference', chapter, file), 'reference.ts'],
    [join('solutions', chapter, name, file), 'solution.ts'],
    [join('tests', 'fixtures', 'buggy', chapter, name, 'todo-describe-the-bug.ts'), 'buggy.ts'],
    [join('tests', 'fixtures', 'variants', chapter, name, 'todo-describe-the-variant.ts'), 'variant.ts'],
  ];
  for (const [path] of targets) if (existsSync(join(root, path))) refuse(words.fileExists(path), path);

  // render everything before writing anything: a template error leaves no half exercise behind
  const chapterFile = join('exercises', chapter, 'chapter.yaml');
  const chapterYaml = withOrder(join(root, chapterFile), name, join(root, 'exercises', chapter));
  const rendered = targets.map(([path, template]) => [path, render(template, view)] as const);
  for (const [path, text] of rendered) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { flag: 'wx' });
  }
  writeFileSync(join(root, chapterFile), chapterYaml);
  return { id, files: rendered.map(([p]) => p.split('\\').join('/')), chapterFile: chapterFile.split('\\').join('/') };
}

/**
 * chapter.yaml with `name` appended to `order:`. A block list gains one line after its last item,
 * so the rest of the file stays byte for byte; a flow list or a missing order goes through the
 * YAML document (comments kept); a missing order is created from the folders.
 */
function withOrder(path: string, name: string, chapterDir: string): string {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const doc = parseDocument(text);
  const order = doc.get('order', true);
  if (isSeq(order)) {
    const last = order.items.at(-1) as { range?: [number, number, number] } | undefined;
    if (!order.flow && last?.range !== undefined) {
      const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
      const prefix = text.slice(lineStart, last.range[0]); // e.g. "  - "
      const lineEnd = text.indexOf('\n', last.range[1]);
      const head = lineEnd === -1 ? text : text.slice(0, lineEnd);
      const tail = lineEnd === -1 ? '' : text.slice(lineEnd + 1);
      return `${head}\n${prefix}${name}\n${tail}`;
    }
    order.add(doc.createNode(name));
    return doc.toString();
  }
  const folders = readdirSync(chapterDir).filter((f) => statSync(join(chapterDir, f)).isDirectory()).sort();
  doc.set('order', doc.createNode([...folders, name]));
  return doc.toString();
}
