import type { ExerciseDef } from '../../catalog/types.ts';
import { compileStudentFile, findExportLine, type CompileFailure } from '../../sandbox/compile.ts';
import { DEFAULT_LIMITS, type SandboxLimits } from '../../sandbox/student-process.ts';
import type { SparePool } from '../../sandbox/spare-pool.ts';
import { sanitize } from '../../report/escape.ts';
import type { Audience, ExerciseResult, Lang, PropertyResult } from '../result.ts';
import { propertySeed } from '../seed.ts';
import type { LoadedSpec } from './load-spec.ts';
import { runProperty } from './run-property.ts';
import { StudentSession } from './student-session.ts';
import { lineFromStack } from './call-context.ts';
import { scoreExercise } from './score.ts';
import { t } from '../../i18n/index.ts';
import { deathText } from '../../i18n/sandbox-text.ts';
import { locate } from './code-frame.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typecheckBounded } from '../../typecheck/bounded.ts';
import type { TypeDiagnostic } from '../result.ts';
import { describeThrown } from '../../errors.ts';
import { engineMessages } from '../messages.ts';
import { orderByRequires } from '../../catalog/requires.ts';
import { parameterNames } from '../../compare/layout.ts';
import { record, timedAsync } from '../../profile.ts';
import { isAborted, loadDeferredReferences, takeAborted } from '../../reference-cache/lazy.ts';

export interface RunExerciseOptions {
  def: ExerciseDef;
  spec: LoadedSpec;
  source: string;
  displayPath: string;
  lang: Lang;
  seed: number;
  runs: number | undefined;
  audience: Audience;
  /** only these properties (replay); default all visible to the audience */
  only?: string[];
  path?: string;
  /** builds the reproduce command for a property */
  command: (def: ExerciseDef, property: string) => string;
  /** attach each failing property's explanation */
  explain?: boolean;
  /** type-check the student's file against the stub (default true) */
  typecheck?: boolean;
  /** processes started ahead (grader/sandbox/spare-pool.ts): the first grading's first start may take one */
  spares?: SparePool;
  /**
   * the grading this exercise belongs to (one submission): its process, once done, may serve
   * that grading's next exercise, and this one may take a process another of its exercises
   * used (SparePool.recycle); undefined: a fresh process per exercise, as before
   */
  share?: object;
}

function skipped(def: ExerciseDef, names: Set<string>, lang: Lang, message?: string): PropertyResult[] {
  return def.properties
    .filter((p) => names.has(p.name))
    .map((p) => {
      const r: PropertyResult = { name: p.name, title: p.title[lang], function: p.function, status: 'skipped', points: p.points, score: 0 };
      if (p.hidden) r.hidden = true;
      if (message) r.message = message;
      return r;
    });
}

/** esbuild's message wrapped in a sentence of the catalog (its own text quoted as it is). */
function compileMessage(compiled: CompileFailure, lang: Lang): string {
  if (compiled.where === undefined || compiled.text === undefined) return compiled.message;
  const sentence = compiled.importPath !== undefined ? t(lang).engine.importRefused(compiled.where, compiled.importPath) : t(lang).engine.syntaxError(compiled.where, compiled.text);
  // with a line, the report shows it in the code frame of `location`; without one, esbuild's line is quoted here
  return compiled.line !== undefined ? sentence : `${sentence}${compiled.snippet ?? ''}`;
}

/** The exercise's stub as handed out, or undefined for a catalog without stub files. */
function stubOf(def: ExerciseDef): string | undefined {
  try {
    return def.stubSource ?? readFileSync(join(def.dir, def.file), 'utf8');
  } catch {
    return undefined;
  }
}

/** The type checker's findings; a checker fault is reported as one finding, never charged to the student. */
async function typecheck(options: RunExerciseOptions): Promise<TypeDiagnostic[]> {
  const { def } = options;
  const stubSource = stubOf(def);
  // no stub to check against (a catalog without stub files): nothing to say
  if (stubSource === undefined) return [];
  const outcome = await timedAsync('type check (tsc, bounded worker thread)', () => typecheckBounded({
    source: options.source,
    stubSource,
    fileName: def.file,
    displayPath: options.displayPath,
    exports: def.exports,
    exportLine: (name) => findExportLine(options.source, name),
    lang: options.lang,
  }));
  if (!outcome.ok) return [{ file: options.displayPath, line: 1, column: 1, code: 0, message: outcome.message }];
  return outcome.diagnostics.map((d) => ({ ...d, message: sanitize(d.message, 1500) }));
}

/**
 * The student's captured output, with the runner's own line prefixes (grader/sandbox/runner.ts
 * reports a stray rejection or exception between calls as `unhandled rejection: …` /
 * `uncaught exception: …`) in the reader's language. A student who prints the same words gets
 * them translated too: it is their own output either way.
 */
function localizeOutput(output: string, lang: Lang): string {
  const m = t(lang).engine;
  return output.replace(/^unhandled rejection: /gm, m.strayRejection).replace(/^uncaught exception: /gm, m.strayException);
}

/** The sandbox limits of an exercise's student process (exercise.yaml's `limits` over the defaults). */
export function sandboxLimitsOf(def: ExerciseDef): SandboxLimits {
  return { ...DEFAULT_LIMITS, callTimeMs: def.limits.callTimeMs, memoryMb: def.limits.memoryMb, budgetMs: def.limits.timeMs };
}

/** What one attempt saw that was not the student's doing (or may not have been). */
interface AttemptNotes {
  /** the grader failed: esbuild, the spec, the reference, an internal exception */
  graderFault?: string;
  /** the student's process died in a way a kill from outside would also explain */
  unexpectedDeath?: boolean;
  /** graded in a process that had graded another exercise of the submission first */
  shared?: boolean;
}

/**
 * Compiles, starts the sandbox and runs every selected property of one exercise. A grader fault
 * (esbuild's service dying, the spec or the reference throwing, any internal exception) is never
 * charged to the student: the exercise is graded again once, and if the fault repeats it is
 * reported as `error` with reason `grader-error` (score 0, to be regraded), never as
 * `compile-error` or `crash`. An exercise whose student process died unexpectedly (which a
 * sandbox killed from outside also looks like) is graded again once too, and the second
 * grading stands: a student whose code really crashes crashes the same way twice.
 *
 * An exercise graded in a process that had graded another exercise of the same submission first
 * (options.share, SparePool.recycle) keeps its result only when it fully passes: anything else (a
 * failed property, which ends that grading at once, an error, a timeout, a crash, a module that
 * does not load) is graded again in a fresh process of its own, and that result is the one of
 * record. What the other exercise left behind can then never cost this one points, and a pass is
 * still computed by this submission's code alone and compared here.
 */
export async function runExercise(options: RunExerciseOptions): Promise<ExerciseResult> {
  let last: { result?: ExerciseResult; notes: AttemptNotes } = { notes: {} };
  let deferrals = 0;
  // an untouched stub fails whatever process it meets: it goes straight to a fresh one
  let share = options.share !== undefined && isUntouchedStub(options) ? undefined : options.share;
  for (let attempt = 0; attempt < 2; attempt++) {
    const notes: AttemptNotes = {};
    let result: ExerciseResult | undefined;
    try {
      result = await attemptExercise(options, notes, attempt, share);
    } catch (error: unknown) {
      notes.graderFault = describeThrown(error);
    }
    if (takeAborted(options.def.id) && deferrals++ === 0) {
      // a reference answer was missing while TensorFlow.js was not loaded (lazy, runtime.ts):
      // this attempt's result is discarded, TensorFlow.js loaded, and the exercise graded afresh
      await timedAsync('reference: tfjs loaded at a miss', () => loadDeferredReferences());
      attempt--;
      continue;
    }
    if (notes.shared && !(result?.status === 'pass' && notes.graderFault === undefined && !notes.unexpectedDeath)) {
      // not a full pass in a shared process: this attempt is forgotten, the exercise graded alone
      record('exercise graded again in a fresh process (shared: not a full pass)', 0);
      if (options.spares) options.spares.redone++;
      share = undefined;
      attempt--;
      continue;
    }
    last = { ...(result ? { result } : {}), notes };
    if (notes.graderFault === undefined && !notes.unexpectedDeath) return result!;
  }
  if (last.notes.graderFault === undefined) return last.result!;
  return graderErrorResult(options, last.notes.graderFault, last.result);
}

/** The student's file is the exercise's stub as handed out (whitespace aside). */
function isUntouchedStub(options: RunExerciseOptions): boolean {
  const stub = stubOf(options.def);
  if (stub === undefined) return false;
  const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
  return squash(stub) === squash(options.source);
}

function graderErrorResult(options: RunExerciseOptions, detail: string, partial: ExerciseResult | undefined): ExerciseResult {
  const { def, lang, displayPath } = options;
  const selected = orderByRequires(def.properties.filter((p) => (options.audience === 'instructor' || !p.hidden) && (!options.only || options.only.includes(p.name))));
  const names = new Set(selected.map((p) => p.name));
  return scoreExercise(
    {
      id: def.id,
      title: def.title[lang],
      file: displayPath,
      status: 'error',
      reason: 'grader-error',
      message: engineMessages(lang).graderError(sanitize(detail, 2000)),
      properties: partial?.properties ?? skipped(def, names, lang),
      ...(partial?.durationMs !== undefined ? { durationMs: partial.durationMs } : {}),
    },
    selected,
    lang,
  );
}

async function attemptExercise(options: RunExerciseOptions, notes: AttemptNotes, attempt: number, share: object | undefined): Promise<ExerciseResult> {
  const { def, lang, displayPath } = options;
  const started = performance.now();
  // prerequisites first (exercise.yaml `requires`), otherwise as declared
  const selected = orderByRequires(def.properties.filter((p) => (options.audience === 'instructor' || !p.hidden) && (!options.only || options.only.includes(p.name))));
  const names = new Set(selected.map((p) => p.name));
  const finish = (partial: Omit<ExerciseResult, 'id' | 'title' | 'file' | 'maxScore' | 'score'> & { score?: number }): ExerciseResult =>
    scoreExercise({ id: def.id, title: def.title[lang], file: displayPath, ...partial, durationMs: Math.round(performance.now() - started) }, selected, lang);

  if (!options.spec.ok) {
    notes.graderFault = options.spec.message;
    return finish({ status: 'error', reason: 'grader-error', message: options.spec.message, properties: skipped(def, names, lang) });
  }
  const compiled = await timedAsync('compile student file (esbuild)', () => compileStudentFile({ source: options.source, displayPath }));
  if (!compiled.ok && 'graderFault' in compiled) {
    notes.graderFault = compiled.message;
    return finish({ status: 'error', reason: 'grader-error', message: compiled.message, properties: skipped(def, names, lang) });
  }
  if (!compiled.ok) {
    const result = finish({
      status: 'error',
      reason: 'compile-error',
      message: t(lang).engine.compileFailed(sanitize(compileMessage(compiled, lang), 4000)),
      properties: skipped(def, names, lang),
    });
    // the line before, the line and the line after, with a caret at the column (the renderers draw it)
    if (compiled.line !== undefined) result.location = { ...locate(options.source, displayPath, compiled.line), ...(compiled.column ? { column: compiled.column } : {}) };
    return result;
  }
  // the checker runs while the sandbox starts (a separate process): its findings join the result at the end
  const typeErrorsPending = options.typecheck === false ? Promise.resolve([]) : typecheck(options);
  // a second grading follows a fault or an unexpected death: it starts its own process
  // (a fresh one: never a process recycled by another exercise, see runExercise)
  const session = new StudentSession(
    compiled.code,
    sandboxLimitsOf(def),
    options.spares ? { pool: options.spares, takeSpare: attempt === 0, ...(options.share !== undefined && attempt === 0 ? { owner: options.share, takeShared: share !== undefined } : {}) } : undefined,
  );
  try {
    const start = await session.start();
    if (session.shared) notes.shared = true;
    if (start.kind !== 'ok') {
      if (start.kind === 'dead' && start.reason === 'crash') notes.unexpectedDeath = true;
      const isTimeout = start.kind === 'dead' && start.reason === 'timeout';
      const detail = start.kind === 'load-error' ? `${start.name}: ${start.message}` : deathText(start.detail, lang);
      const result = finish({
        status: isTimeout ? 'timeout' : 'error',
        reason: isTimeout ? 'timeout' : start.kind === 'dead' && start.reason === 'out-of-memory' ? 'out-of-memory' : 'crash',
        message: t(lang).engine.moduleLoadFailed(detail),
        output: localizeOutput(start.output, lang),
        properties: skipped(def, names, lang),
      });
      const line = start.kind === 'load-error' ? lineFromStack(start.stack, displayPath) : undefined;
      if (line !== undefined) result.location = { file: displayPath, line };
      const typeErrors = await typeErrorsPending;
      if (typeErrors.length > 0) result.typeErrors = typeErrors;
      return result;
    }
    const exports = new Set(compiled.exports.filter((name) => start.exports[name] === 'function'));
    const properties: PropertyResult[] = [];
    const params = new Map(def.exports.map((e) => [e.name, parameterNames(e.signature)] as const));
    for (const meta of selected) {
      if (isAborted(def.id)) break; // graded again (runExercise)
      if (session.timedOut) {
        properties.push(...skipped(def, new Set([meta.name]), lang, t(lang).engine.notRunTimedOut));
        continue;
      }
      if (options.spec.ok && options.spec.unavailable?.has(meta.name)) {
        properties.push(...skipped(def, new Set([meta.name]), lang, t(lang).engine.hiddenUnavailable));
        continue;
      }
      const seed = propertySeed(options.seed, def.id, meta.name);
      const impl = options.spec.properties.get(meta.name)!;
      const ran = await timedAsync('property (generate, reference, compare, shrink, calls)', () => runProperty({
          meta,
          impl,
          session,
          exports,
          lang,
          seed,
          numRuns: options.runs ?? meta.runs ?? def.runs ?? 100,
          ...(options.path !== undefined ? { path: options.path } : {}),
          displayPath,
          exportLine: findExportLine(options.source, meta.function),
          command: options.command(def, meta.name),
          source: options.source,
          params,
          done: properties,
          reference: options.spec.ok ? options.spec.reference : undefined,
          exportDecls: def.exports,
          deferred: () => isAborted(def.id),
        }));
      if (options.explain && meta.explanation && ran.status !== 'pass') ran.explanation = meta.explanation[lang];
      properties.push(ran);
    }
    // a property in error while the student's function exists: the spec or the reference failed
    const faulty = properties.filter((p) => p.status === 'error' && p.function !== undefined && exports.has(p.function));
    if (faulty.length > 0) notes.graderFault = faulty.map((p) => `${p.name}: ${p.message ?? ''}`).join('; ');
    if (session.unexpectedDeaths > 0) notes.unexpectedDeath = true;
    const missing = def.exports.filter((e) => !exports.has(e.name)).map((e) => e.name);
    const output = localizeOutput(session.output(), lang);
    const partial: Parameters<typeof finish>[0] = { status: 'pass', properties };
    if (output.length > 0) partial.output = sanitize(output, 3500);
    if (session.timedOut) {
      partial.status = 'timeout';
      partial.reason = 'timeout';
      partial.message = t(lang).engine.timedOut(deathText(session.timedOut.detail, lang));
    } else if (missing.length > 0) {
      partial.reason = 'missing-export';
      partial.message = t(lang).engine.missingExports(displayPath, missing);
    } else if (session.exhausted) {
      partial.reason = session.exhausted.reason === 'out-of-memory' ? 'out-of-memory' : session.exhausted.reason === 'output-too-large' ? 'output-too-large' : 'crash';
      partial.message = deathText(session.exhausted.detail, lang);
    }
    const typeErrors = await typeErrorsPending;
    if (typeErrors.length > 0) partial.typeErrors = typeErrors;
    return finish(partial);
  } finally {
    // the process may serve this submission's next exercise (only from a first grading; also
    // the fresh process of an exercise graded again after a shared attempt)
    await timedAsync('student process end', () => session.end(options.share !== undefined && attempt === 0));
  }
}
