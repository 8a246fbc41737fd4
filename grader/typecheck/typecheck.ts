import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import type { Lang, TypeDiagnostic } from '../engine/result.ts';
import { t } from '../i18n/index.ts';
import { loadCompiler } from './compiler-cache.ts';

/**
 * Step 2b: type-checks ONE student file with the TypeScript compiler API, in the trusted process,
 * against the stub's declared signatures. The compiler only parses and checks: nothing of the
 * student's code runs here. The program is built on an in-memory host that holds exactly four
 * kinds of file: the ES2023 standard library (read from the typescript package, nothing else from
 * its folder), a tiny `console` declaration, the stub (trusted, from the grader's install), the
 * student's text, and a generated file that assigns each of the student's exports to the stub's
 * type. Any other name the compiler asks for (a `/// <reference path>`, an import, `@types`) does
 * not exist for it, so no host file is ever read on the student's behalf.
 */

const STUDENT_DIR = '/dlgrade-typecheck/';
const CHECK_FILE = `${STUDENT_DIR}__dlgrade_signatures__.ts`;
const STUB_FILE = `${STUDENT_DIR}__dlgrade_stub__.ts`;
const ENV_FILE = `${STUDENT_DIR}__dlgrade_env__.d.ts`;
const ENV_SOURCE = 'declare var console: { log(...args: unknown[]): void; error(...args: unknown[]): void; warn(...args: unknown[]): void; info(...args: unknown[]): void; debug(...args: unknown[]): void };\n';
/** reported per file at most: the first ones are the ones to fix first */
export const MAX_TYPE_ERRORS = 10;

/** The compiler options an assignment's tsconfig.json also sets, so editors show the same errors. */
export const TYPECHECK_OPTIONS = {
  strict: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023'],
  types: [] as string[],
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
} as const;

let ts: typeof TS | undefined;
/** keeps V8's code cache of the compiler, once its first check has run (compiler-cache.ts) */
let storeCodeCache: (() => void) | undefined;
let libDir = '';
/** parsed lib files, shared by every program (they never change) */
const libCache = new Map<string, TS.SourceFile>();
let allowedLibs: Set<string> | undefined;
/**
 * the trusted files' parsed SourceFiles (the stub, the console declaration, the generated
 * signatures file), keyed by file name, language version and their exact text: `check --watch`
 * re-checks the same stub at every save, and only the student's file is parsed again (always)
 */
const trustedCache = new Map<string, TS.SourceFile>();
const TRUSTED_CACHE_MAX = 64;

/** Only for tests: forget the parsed trusted files (to compare a cached check with an uncached one). */
export function clearTrustedSourceFilesForTests(): void {
  trustedCache.clear();
}

function trustedSourceFile(typescript: typeof TS, fileName: string, text: string, languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions): TS.SourceFile {
  const version = typeof languageVersion === 'object' ? `${languageVersion.languageVersion}/${languageVersion.impliedNodeFormat ?? ''}` : String(languageVersion);
  const key = `${fileName}\0${version}\0${text}`;
  let file = trustedCache.get(key);
  if (!file) {
    file = typescript.createSourceFile(fileName, text, languageVersion, true);
    if (trustedCache.size >= TRUSTED_CACHE_MAX) trustedCache.delete(trustedCache.keys().next().value!);
    trustedCache.set(key, file);
  }
  return file;
}

/**
 * TypeScript, loaded as CommonJS (compiler-cache.ts: with V8's code cache of it where there is
 * one): typescript.js is one ~9 MB CommonJS file, and imported as an ES module Node would first
 * scan all of it for its export names (cjs-module-lexer), ~0.5 s of CPU at every start of the
 * checker's thread for the object `require` gives as it is.
 */
async function compiler(): Promise<typeof TS> {
  if (ts === undefined) {
    const loaded = loadCompiler(import.meta.url);
    ts = loaded.ts;
    storeCodeCache = loaded.store;
    libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.es2023.d.ts'));
  }
  return ts!;
}

/** the standard library's JSDoc parsed whole (tests compare the findings both ways) */
let libJsDocAll = false;
/** How the standard library's JSDoc is parsed: only what type errors need. */
function libJsDocParsing(typescript: typeof TS): TS.JSDocParsingMode {
  return libJsDocAll ? typescript.JSDocParsingMode.ParseAll : typescript.JSDocParsingMode.ParseForTypeErrors;
}

/** Only for tests: parse the standard library's JSDoc whole (true) or as the checker does (false); forgets the parsed lib files. */
export function parseLibJsDocWholeForTests(whole: boolean): void {
  libJsDocAll = whole;
  libCache.clear();
}

/** lib.es2023.d.ts and every lib it references, transitively: the only lib files served. */
function libClosure(): Set<string> {
  if (allowedLibs) return allowedLibs;
  const seen = new Set<string>();
  const queue = ['lib.es2023.d.ts'];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const text = readFileSync(join(libDir, name), 'utf8');
    for (const m of text.matchAll(/\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/g)) queue.push(`lib.${m[1]!.toLowerCase()}.d.ts`);
  }
  allowedLibs = seen;
  return seen;
}

export interface TypecheckInput {
  /** the student's text (untrusted) */
  source: string;
  /** the stub's text (trusted): the declared signatures */
  stubSource: string;
  /** the exercise's file name, e.g. conv2d.ts */
  fileName: string;
  /** how the file is named in messages */
  displayPath: string;
  /** the exports to check, with their signatures for the message */
  exports: readonly { name: string; signature: string }[];
  /** the 1-based line of an export in the student's file, for signature mismatches */
  exportLine: (name: string) => number | undefined;
  lang: Lang;
}

export type TypecheckOutcome = { ok: true; diagnostics: TypeDiagnostic[]; durationMs: number } | { ok: false; message: string };

/** tsc's message; of a long chain, the first line and the deepest (the one that names the clash). */
function flatten(message: string | TS.DiagnosticMessageChain, typescript: typeof TS): string {
  if (typeof message === 'string') return message.replace(/\s+/g, ' ').trim();
  let leaf: TS.DiagnosticMessageChain = message;
  while (leaf.next && leaf.next.length > 0) leaf = leaf.next[0]!;
  const head = typescript.flattenDiagnosticMessageText(message.messageText, ' ');
  const text = leaf === message ? head : `${head} … ${leaf.messageText}`;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Keeps V8's code cache of the compiler, once, when it was loaded without one (compiler-cache.ts):
 * the checker's thread calls this after it has answered its first student's check, so that the
 * cache holds what a check compiles and writing it (~3 MB) is on no check's path.
 */
export function keepCompilerCodeCache(): void {
  storeCodeCache?.();
}

/** Starts loading the compiler (hundreds of ms) while other work goes on. */
export function warmTypecheck(): void {
  void compiler().then(libClosure, () => undefined);
}

/** Type-checks one student file. Never throws: a compiler fault is `ok: false` (a grader fault). */
export async function typecheckStudentFile(input: TypecheckInput): Promise<TypecheckOutcome> {
  const started = performance.now();
  const m = t(input.lang).typecheck;
  try {
    const typescript = await compiler();
    const libs = libClosure();
    const studentFile = `${STUDENT_DIR}${input.fileName}`;
    const stubModule = `./${STUB_FILE.slice(STUDENT_DIR.length)}`;
    const studentModule = `./${input.fileName}`;
    const lines = [`import type * as __S from '${stubModule}';`, `import * as __M from '${studentModule}';`];
    input.exports.forEach((e, i) => lines.push(`const __c${i}: typeof __S.${e.name} = __M.${e.name};`));
    const files = new Map<string, string>([
      [studentFile, input.source],
      [STUB_FILE, input.stubSource],
      [CHECK_FILE, lines.join('\n') + '\n'],
      [ENV_FILE, ENV_SOURCE],
    ]);
    const options: TS.CompilerOptions = {
      strict: true,
      target: typescript.ScriptTarget.ES2022,
      module: typescript.ModuleKind.ESNext,
      moduleResolution: typescript.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      noResolve: false,
    };
    const host: TS.CompilerHost = {
      getSourceFile: (fileName, languageVersion) => {
        const own = files.get(fileName);
        // the student's text is parsed afresh every time; the trusted files come from the cache
        if (own !== undefined) return fileName === studentFile ? typescript.createSourceFile(fileName, own, languageVersion, true) : trustedSourceFile(typescript, fileName, own, languageVersion);
        if (fileName.startsWith(libDir + '/') && libs.has(fileName.slice(libDir.length + 1))) {
          let lib = libCache.get(fileName);
          if (!lib) {
            // JSDoc in the standard library is documentation: no type error of a .ts file depends
            // on it, and skipping it is most of the parse (~60 files, 0.5 MB, parsed once per thread)
            const parse: TS.CreateSourceFileOptions = typeof languageVersion === 'object' ? { ...languageVersion } : { languageVersion };
            parse.jsDocParsingMode = libJsDocParsing(typescript);
            lib = typescript.createSourceFile(fileName, readFileSync(fileName, 'utf8'), parse, false);
            libCache.set(fileName, lib);
          }
          return lib;
        }
        return undefined;
      },
      getDefaultLibFileName: () => join(libDir, 'lib.es2023.d.ts'),
      getDefaultLibLocation: () => libDir,
      writeFile: () => undefined,
      getCurrentDirectory: () => STUDENT_DIR,
      getDirectories: () => [],
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (f) => files.has(f) || (f.startsWith(libDir + '/') && libs.has(f.slice(libDir.length + 1))),
      readFile: (f) => files.get(f),
      directoryExists: (d) => d === STUDENT_DIR || d === STUDENT_DIR.slice(0, -1),
      realpath: (f) => f,
      // only the generated file may import, and only the stub and the student's file
      resolveModuleNameLiterals: (literals, containingFile) =>
        literals.map((literal) => {
          const target = containingFile === CHECK_FILE ? (literal.text === stubModule ? STUB_FILE : literal.text === studentModule ? studentFile : undefined) : undefined;
          return { resolvedModule: target ? { resolvedFileName: target, extension: typescript.Extension.Ts, isExternalLibraryImport: false } : undefined };
        }),
    };
    const program = typescript.createProgram({ rootNames: [ENV_FILE, STUB_FILE, studentFile, CHECK_FILE], options, host });
    const diagnostics: TypeDiagnostic[] = [];
    const student = program.getSourceFile(studentFile);
    const position = (sf: TS.SourceFile, pos: number): { line: number; column: number } => {
      const lc = sf.getLineAndCharacterOfPosition(pos);
      return { line: lc.line + 1, column: lc.character + 1 };
    };
    if (student) {
      // refused outright, whatever the compiler makes of them
      for (const ref of [...student.referencedFiles, ...student.typeReferenceDirectives, ...student.libReferenceDirectives]) {
        const kind = student.referencedFiles.includes(ref) ? 'path' : student.typeReferenceDirectives.includes(ref) ? 'types' : 'lib';
        diagnostics.push({ file: input.displayPath, ...position(student, ref.pos), code: 0, message: m.referenceRefused(`${kind}="${ref.fileName}"`) });
      }
      for (const d of [...program.getSyntacticDiagnostics(student), ...program.getSemanticDiagnostics(student)]) {
        const where = d.start !== undefined ? position(student, d.start) : { line: 1, column: 1 };
        const text = flatten(d.messageText, typescript);
        if (d.code === 2307 || d.code === 2792) {
          const path = /'([^']*)'/.exec(text)?.[1] ?? '';
          diagnostics.push({ file: input.displayPath, ...where, code: d.code, message: m.importRefused(path) });
          continue;
        }
        // a /// <reference> to a file the host does not serve: already refused above
        if ([6053, 6231, 6230, 2688, 2726, 2727].includes(d.code)) continue;
        const explanation = m.explain[d.code];
        diagnostics.push({ file: input.displayPath, ...where, code: d.code, message: m.tscSays(d.code, text), ...(explanation ? { explanation } : {}) });
      }
    }
    const check = program.getSourceFile(CHECK_FILE);
    if (check) {
      for (const d of program.getSemanticDiagnostics(check)) {
        const lineIndex = d.start !== undefined ? check.getLineAndCharacterOfPosition(d.start).line : -1;
        const exp = input.exports[lineIndex - 2];
        // a missing export (TS2339/TS2614) is reported by the engine as a missing export already
        if (!exp || d.code === 2339 || d.code === 2614 || d.code === 2305) continue;
        const text = flatten(d.messageText, typescript).replaceAll('typeof __S.', '').replaceAll('__M.', '').replaceAll(`typeof import("${STUB_FILE.slice(0, -3)}")`, 'stub');
        diagnostics.push({ file: input.displayPath, line: input.exportLine(exp.name) ?? 1, column: 1, code: d.code, message: `${m.signatureMismatch(exp.name, exp.signature)}. ${m.tscSays(d.code, text)}` });
      }
    }
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: true, diagnostics: diagnostics.slice(0, MAX_TYPE_ERRORS), durationMs: Math.round(performance.now() - started) };
  } catch (error: unknown) {
    return { ok: false, message: m.checkerFailed(error instanceof Error ? error.message : String(error)) };
  }
}
