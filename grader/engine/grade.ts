import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { loadCatalog } from '../catalog/load.ts';
import { selectExercises } from '../catalog/select.ts';
import type { Catalog, ExerciseDef } from '../catalog/types.ts';
import { toolVersion } from '../paths.ts';
import { mark, timed, timedAsync } from '../profile.ts';
import { warmCompiler } from '../sandbox/compile.ts';
import { probeIsolation } from '../sandbox/isolation.ts';
import { scheduleReferencePacksFlush } from '../reference-cache/runtime.ts';
import { prestartEnabled, SparePool, sharingEnabled, sparesAllowed, takeEarlyPool } from '../sandbox/spare-pool.ts';
import { endAllStudentProcesses, sameHeapLimit } from '../sandbox/student-process.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { engineMessages } from './messages.ts';
import type { Audience, ExerciseResult, GradeResult, Lang, PropertyResult } from './result.ts';
import { DEFAULT_RUNS, DEFAULT_SEED } from './seed.ts';
import { loadSpec } from './steps/load-spec.ts';
import { startReferenceBackend } from './steps/reference-backend.ts';
import { mispredicted, takeUsedPrediction, tfjsLoaded } from '../reference-cache/lazy.ts';
import { resolveStudentFile, type Resolved } from './steps/resolve.ts';
import type { PathProblem } from './steps/safe-path.ts';
import { runExercise, sandboxLimitsOf } from './steps/run-exercise.ts';
import { round, scoreExercise } from './steps/score.ts';
import { warmBoundedTypecheck } from '../typecheck/bounded.ts';

/** exercises graded at once when the caller sets none: the cores this process may use, at most 4 */
export function defaultConcurrency(): number {
  return Math.min(4, availableParallelism());
}

export interface GradeOptions {
  /** folder mirroring exercises/: `<dir>/<chapter>/<exercise>/<exercise>.ts` */
  submissionDir: string;
  /** how the student's files are named in the report (their path in the student's repository) */
  displayPrefix?: string;
  /** exercise ids, chapters or names; default all */
  exercises?: readonly string[];
  seed?: number;
  /** overrides every property's number of runs */
  runs?: number;
  lang?: Lang;
  backend?: string;
  /** student: hidden properties neither run nor shown; instructor: everything */
  audience?: Audience;
  /** replay only these properties */
  properties?: string[];
  /** replay: fast-check path */
  path?: string;
  catalog?: Catalog;
  /** the command students run to reproduce, default "npx dlgrade check" */
  commandPrefix?: string;
  /** how the submission is named in the result (default: the folder as given) */
  submissionLabel?: string;
  /**
   * exercises graded at once (default: the number of cores, at most 4). Each has its own student
   * process; the trusted side interleaves them while it waits for answers.
   */
  concurrency?: number;
  /** also show each failing property's explanation (always on for the instructor audience) */
  explain?: boolean;
  /** type-check each student file against its stub (default true; the findings never change the score) */
  typecheck?: boolean;
  /**
   * by exercise id: files already refused by whoever copied the submission (a regrade's clean
   * tree): graded as `tampered`, score 0, with the same message `grade` gives
   */
  refusedFiles?: Readonly<Record<string, { problem: PathProblem; at: string; size?: number }>>;
  /** called after each exercise, for progress output */
  onExercise?: (result: ExerciseResult, index: number, total: number) => void;
  /**
   * student processes started ahead (grader/sandbox/spare-pool.ts), default on
   * (`DLGRADE_PRESTART=0` turns them off): while the trusted side loads and while exercises are
   * graded, the next exercises' processes start, at most concurrency + PRESTART_EXTRA alive
   */
  prestart?: boolean;
  /**
   * a pool kept by the caller across gradings (the regrade worker, check --watch): not ended when
   * this grading is done, and once every exercise has started it prepares the next grading's first
   * one. Without it, a grading has its own pool, ended before it returns.
   */
  spares?: SparePool;
}

function notGraded(def: ExerciseDef, displayPath: string, lang: Lang, audience: Audience, reason: 'not-submitted' | 'grader-error' | 'tampered', message: string): ExerciseResult {
  const selected = def.properties.filter((p) => audience === 'instructor' || !p.hidden);
  const properties: PropertyResult[] = selected.map((p) => ({ name: p.name, title: p.title[lang], function: p.function, status: 'skipped', points: p.points, score: 0, ...(p.hidden ? { hidden: true } : {}) }));
  return scoreExercise({ id: def.id, title: def.title[lang], file: displayPath, status: 'error', reason, message, properties }, selected, lang);
}

/**
 * Grades a submission: resolve → load the instructor's side → run each exercise in the sandbox →
 * one result object. Never throws for anything a student did; throws DlgradeError only when the
 * grader itself cannot run (unknown exercise, no backend).
 */
export async function gradeSubmission(options: GradeOptions): Promise<GradeResult> {
  mark('grading started (command and its imports loaded)');
  const started = performance.now();
  const lang = options.lang ?? 'es';
  const audience = options.audience ?? 'student';
  const seed = options.seed ?? DEFAULT_SEED;
  const catalog = options.catalog ?? loadCatalog();
  const defs = selectExercises(catalog, options.exercises);
  if (options.typecheck !== false) warmBoundedTypecheck();
  if (defs.length > 0) warmCompiler();
  // the sandbox is probed once, before anything is graded: a forced mechanism that cannot start
  // stops here with its fix, instead of failing every exercise
  const sandbox = timed('isolation probe', () => probeIsolation().info);
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency());
  // the first exercises' student processes start now, while TensorFlow.js, the specs and the
  // references load; then, as each exercise takes its process, the next one's starts
  const spares = options.prestart !== false && prestartEnabled() && sparesAllowed() ? (options.spares ?? takeEarlyPool() ?? new SparePool()) : undefined;
  const owned = spares !== undefined && spares !== options.spares;
  const begun = new Set<string>();
  const ended = new Set<string>();
  // a kept pool: once every exercise has begun, the caller's next grading (the next student of a
  // regrade, the next save) most likely starts with the same first exercise
  const next = owned || defs.length === 0 ? [] : [sandboxLimitsOf(defs[0]!)];
  const releaseSignals = owned ? endOnSignal() : () => undefined;
  // this grading's exercises may pass a process on to the next (item 5: SparePool.recycle); a
  // process it recycled is never given to another grading, and is ended when this one is done
  const share = spares !== undefined && sharingEnabled() ? {} : undefined;
  try {
    if (spares) {
      // only the exercises with a file to load (a guess from the folder: no file is read here)
      const present = defs.filter((d) => options.refusedFiles?.[d.id] === undefined && existsSync(join(options.submissionDir, d.chapter, d.name, d.file)));
      spares.setConcurrency(concurrency);
      // A grading's own pool (grade, check) ends with it, so with sharing a spare started for an
      // exercise that a process handed on (SparePool.recycle) will serve is never used: ~40 ms of
      // a core for nothing. Such a pool starts spares only for the exercises that start before any
      // running one ends (the free slots) and for those no handed-on process can take (another
      // heap limit). A kept pool plans for every exercise left: what is left over serves the
      // caller's next grading.
      spares.plan(() => {
        const rest = present.filter((d) => !begun.has(d.id)).map(sandboxLimitsOf);
        if (rest.length === 0) return next;
        if (!owned || share === undefined) return rest;
        const running = present.filter((d) => begun.has(d.id) && !ended.has(d.id)).map(sandboxLimitsOf);
        const free = Math.max(0, concurrency - running.length);
        const handedOn = [...running, ...rest.slice(0, free)];
        return rest.filter((limits, i) => i < free || !handedOn.some((h) => sameHeapLimit(h, limits)));
      });
    }
    return await gradeWith({ options, defs, sandbox, concurrency, started, lang, audience, seed, begun, ended, ...(spares ? { spares } : {}), ...(share ? { share } : {}) });
  } finally {
    // the reference answers this grading learned, one pack per module (reference-cache/store.ts),
    // written just after this returns (or at exit)
    scheduleReferencePacksFlush();
    if (share) await spares?.release(share);
    releaseSignals();
    if (owned) await spares.dispose();
    else spares?.plan(() => next);
  }
}

/**
 * While a grading that owns its spares runs in a process that has no handler of its own for
 * SIGINT/SIGTERM (dlgrade grade, check): the signal ends every student process and removes its
 * folder, then takes its default course (the process ends by that signal). Where a command has
 * its own handler (check --watch, regrade), that handler decides.
 */
function endOnSignal(): () => void {
  const installed: [NodeJS.Signals, () => void][] = [];
  const release = (): void => {
    for (const [signal, handler] of installed.splice(0)) process.off(signal, handler);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(signal) > 0) continue;
    const handler = (): void => {
      endAllStudentProcesses();
      release();
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
    installed.push([signal, handler]);
  }
  return release;
}

interface Grading {
  options: GradeOptions;
  defs: ExerciseDef[];
  sandbox: GradeResult['sandbox'];
  concurrency: number;
  started: number;
  lang: Lang;
  audience: Audience;
  seed: number;
  /** ids of the exercises whose grading has begun (the spare pool plans for the others) */
  begun: Set<string>;
  /** ids of the exercises whose grading is done (its process ended or handed on) */
  ended: Set<string>;
  spares?: SparePool;
  /** see RunExerciseOptions.share */
  share?: object;
}

async function gradeWith(grading: Grading): Promise<GradeResult> {
  const { options, defs, sandbox, concurrency, started, lang, audience, seed, begun, ended, spares, share } = grading;
  const backend = await startReferenceBackend(options.backend);
  const prefix = options.displayPrefix ?? 'exercises';
  const commandPrefix = options.commandPrefix ?? 'npx dlgrade check';
  const command = (def: ExerciseDef, property: string): string => {
    const parts = [commandPrefix, def.id, '--seed', String(seed), '--property', property];
    if (options.runs !== undefined) parts.push('--runs', String(options.runs));
    if (lang !== 'es') parts.push('--lang', lang);
    return parts.join(' ');
  };
  const gradeOne = async (def: ExerciseDef): Promise<ExerciseResult> => {
    begun.add(def.id);
    const refused = options.refusedFiles?.[def.id];
    const resolved: Resolved =
      refused !== undefined
        ? { kind: 'refused', displayPath: [prefix, def.chapter, def.name, def.file].filter((p) => p !== '').join('/'), ...refused }
        : resolveStudentFile(def, options.submissionDir, prefix);
    const text = engineMessages(lang);
    if (resolved.kind === 'absent') return notGraded(def, resolved.displayPath, lang, audience, 'not-submitted', text.notSubmitted(resolved.displayPath));
    if (resolved.kind === 'refused') return notGraded(def, resolved.displayPath, lang, audience, 'tampered', text.refusedPath(resolved.displayPath, resolved.problem, resolved.at, resolved.size));
    if (resolved.kind === 'unreadable') return notGraded(def, resolved.displayPath, lang, audience, 'grader-error', text.unreadable(resolved.displayPath, resolved.message));
    const spec = await timedAsync('spec + reference load', () => loadSpec(def, lang));
    await backend.afterSpecLoad();
    return runExercise({
      def,
      spec,
      source: resolved.source,
      displayPath: resolved.displayPath,
      lang,
      seed,
      runs: options.runs,
      audience,
      ...(options.properties ? { only: options.properties } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
      command,
      ...(options.typecheck === false ? { typecheck: false } : {}),
      explain: options.explain === true || audience === 'instructor',
      ...(spares ? { spares } : {}),
      ...(share ? { share } : {}),
    });
  };
  const limit = pLimit(concurrency);
  let done = 0;
  // results keep catalog order whatever order they finish in
  const exercises = await Promise.all(
    defs.map((def) =>
      limit(async () => {
        const result = await gradeOne(def);
        ended.add(def.id);
        options.onExercise?.(result, done++, defs.length);
        return result;
      }),
    ),
  );
  if (backend.predicted !== undefined) {
    // the selection, made at a miss, landed on another backend than predicted: the exercises
    // answered from the predicted backend's entries are graded again, so that every answer comes
    // from the backend the report names (takeUsedPrediction is asked of every exercise, first, so
    // none of this grading's marks carries into the next one of a watcher or a regrade worker)
    const again = defs.map((def, i) => [def, i] as const).filter(([def]) => takeUsedPrediction(def.id) && mispredicted());
    for (const [def, i] of again) exercises[i] = await gradeOne(def);
  }
  // whether any TensorFlow.js (its engine global) is in this process now, for DLGRADE_PROFILE
  mark(tfjsLoaded() ? 'graded with tfjs in the process' : 'graded without tfjs in the process');
  const result: GradeResult = {
    schemaVersion: 1,
    tool: { name: 'dlgrade', version: toolVersion() },
    lang,
    seed,
    runs: options.runs ?? DEFAULT_RUNS,
    backend: backend.name(),
    audience,
    submission: options.submissionLabel ?? options.submissionDir,
    startedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    sandbox,
    score: round(exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: round(exercises.reduce((s, e) => s + e.maxScore, 0)),
    exercises,
  };
  return result;
}
