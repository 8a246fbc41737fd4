import { esbuild, type Message, type Plugin } from '../esbuild.ts';

const { build, stop, transform } = esbuild;
import { describeThrown } from '../errors.ts';

export interface CompileOk {
  ok: true;
  code: string;
  /** names the module exports, read statically from the bundle */
  exports: string[];
}
export interface CompileFailure {
  ok: false;
  /** untrusted: quotes the student's code */
  message: string;
  /** for the catalog's wrapping sentence: where (file:line:column), esbuild's own text, the line quoted */
  where?: string;
  text?: string;
  snippet?: string;
  /** set when the failure is an import the exercise may not have */
  importPath?: string;
  line?: number;
  column?: number;
}
/** esbuild itself failed (its service process died, was killed, could not start): never the student's fault */
export interface CompileGraderFault {
  ok: false;
  graderFault: true;
  message: string;
}
export type CompileOutcome = CompileOk | CompileFailure | CompileGraderFault;

/** Student modules may not import anything: an exercise is one self-contained file. */
const noImports: Plugin = {
  name: 'dlgrade-no-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return {
        errors: [
          {
            text: `import of "${args.path}" is not allowed: an exercise is one self-contained file (no libraries, no other files)`,
            detail: { refusedImport: args.path },
          },
        ],
      };
    });
  },
};

/**
 * Starts esbuild's service process now (an empty transform), so that the first student file's
 * build does not wait for it (~15 ms on the first exercise's path); called when a grading begins.
 * A failure here is forgotten: the build that needs the service starts or reports it.
 */
export function warmCompiler(): void {
  try {
    transform('').catch(() => undefined);
  } catch {
    // esbuild could not even start its service (its binary missing): compileStudentFile says so
  }
}

/**
 * Transpiles (type-stripping, no type check) and bundles ONE student file into an ESM module.
 * Runs in the trusted process, but esbuild only parses: no student code executes here.
 * `displayPath` is the path shown in messages and stack traces (relative to the repo root).
 */
export async function compileStudentFile(options: { source: string; displayPath: string }): Promise<CompileOutcome> {
  const first = await compileOnce(options);
  if (!('graderFault' in first)) return first;
  // esbuild's long-lived service process is gone (killed from outside, crashed): every later
  // build in this process would fail the same way. Stop it so the next build starts a fresh one.
  await stop().catch(() => undefined);
  return compileOnce(options);
}

async function compileOnce(options: { source: string; displayPath: string }): Promise<CompileOutcome> {
  try {
    const result = await build({
      stdin: { contents: options.source, loader: 'ts', sourcefile: options.displayPath, resolveDir: '/dlgrade-submission' },
      absWorkingDir: '/dlgrade-submission',
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      write: false,
      metafile: true,
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [noImports],
    });
    const output = result.outputFiles[0];
    const meta = Object.values(result.metafile.outputs)[0];
    return { ok: true, code: output?.text ?? '', exports: meta?.exports ?? [] };
  } catch (error: unknown) {
    const errors = (error as { errors?: Message[] }).errors;
    const first = Array.isArray(errors) ? errors[0] : undefined;
    // a build failure always carries esbuild's messages; anything else is esbuild failing
    if (!first) return { ok: false, graderFault: true, message: `esbuild: ${describeThrown(error)}` };
    const where = first.location ? `${options.displayPath}:${first.location.line}:${first.location.column + 1}` : options.displayPath;
    const snippet = first.location?.lineText ? `\n    ${first.location.lineText.trim()}` : '';
    const result: CompileFailure = { ok: false, message: `${where}: ${first.text}${snippet}`, where, text: first.text, snippet };
    const refused = (first.detail as { refusedImport?: unknown } | undefined)?.refusedImport;
    if (typeof refused === 'string') result.importPath = refused;
    if (first.location) {
      result.line = first.location.line;
      result.column = first.location.column + 1;
    }
    return result;
  }
}

/** The 1-based line where `name` is declared as an export in `source`, if it can be found. */
export function findExportLine(source: string, name: string): number | undefined {
  const patterns = [
    new RegExp(`^\\s*export\\s+(?:async\\s+)?function\\s*\\*?\\s*${name}\\b`),
    new RegExp(`^\\s*export\\s+(?:const|let|var)\\s+${name}\\b`),
    new RegExp(`^\\s*(?:async\\s+)?function\\s+${name}\\b`),
    new RegExp(`^\\s*(?:const|let|var)\\s+${name}\\b`),
  ];
  const lines = source.split('\n');
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return undefined;
}
