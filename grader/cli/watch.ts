import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadCatalog } from '../catalog/load.ts';
import { selectExercises } from '../catalog/select.ts';
import type { Catalog, ExerciseDef } from '../catalog/types.ts';
import { describeThrown } from '../errors.ts';
import { formatCliError } from './errors.ts';
import { cliText } from './lang.ts';
import type { GradeCliOptions, runGrading as RunGrading } from './commands/grade.ts';
import { sandboxLimitsOf } from '../engine/steps/run-exercise.ts';
import { prestartEnabled, SparePool } from '../sandbox/spare-pool.ts';
import { onShutdown } from '../shutdown.ts';
import { formatSpansSince, profiling, spanSnapshot } from '../profile.ts';
import { warmBoundedTypecheck } from '../typecheck/bounded.ts';

/**
 * How long a file must stay quiet after its last event before it is graded: the one settling
 * delay between a save and its grading (chokidar's awaitWriteFinish is off, it would add its own
 * polling on top). An editor that writes in several steps (truncate, then write; or write in
 * chunks) sends one event per step, each restarting this timer; one that saves by renaming a new
 * file over the old one, or by deleting it and writing it again, is seen as a change or an add
 * (chokidar's `atomic`); a file absent when the timer fires is not graded: its add follows.
 */
export const DEBOUNCE_MS = 100;
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

export interface WatchOptions {
  dir: string;
  label: string;
  selectors: readonly string[];
  opts: GradeCliOptions;
  run: typeof RunGrading;
}

/**
 * `dlgrade check --watch`: grades the selection once, then re-grades only the exercise whose file
 * was saved. The trusted side stays loaded between runs (the catalog is read once; the specs, the
 * references, the TensorFlow.js backend and the TypeScript compiler stay in this process's module
 * cache), and the next student process is started ahead while the student edits, so a re-run
 * costs compiling the file, loading it in that process and the properties. A save that lands while a run is
 * going is graded right after it; a broken or half-written file is just a compile error. Returns a
 * promise that settles when the watcher is closed (SIGINT/SIGTERM).
 */
export async function watchAndGrade(options: WatchOptions): Promise<void> {
  const m = cliText().cli.watch;
  const catalog: Catalog = loadCatalog();
  const defs = selectExercises(catalog, options.selectors.length > 0 ? options.selectors : undefined).filter((d) => existsSync(fileOf(options.dir, d)));
  if (defs.length === 0) {
    process.stdout.write(`${m.noneWatched}\n`);
    return;
  }
  // the checker's thread loads now, even if every file's findings are cached: the first save is
  // checked by it, and must not wait for TypeScript to load
  if (options.opts.typecheck !== false) warmBoundedTypecheck({ evenWithCache: true });
  const byFile = new Map(defs.map((d) => [resolve(fileOf(options.dir, d)), d] as const));
  // DLGRADE_WATCH_SPARE=0 (or DLGRADE_PRESTART=0): no sandbox started ahead (each re-run starts
  // its own process when it needs it)
  const spares = process.env['DLGRADE_WATCH_SPARE'] !== '0' && prestartEnabled() ? new SparePool() : undefined;
  const forget = spares ? onShutdown(() => spares.dispose()) : () => undefined;
  const grade = async (ids: string[], banner?: string): Promise<void> => {
    const started = performance.now();
    const spansBefore = profiling ? spanSnapshot() : {};
    try {
      if (process.stdout.isTTY) process.stdout.write(CLEAR);
      if (banner) process.stdout.write(`${banner}\n\n`);
      await options.run(options.dir, { ...options.opts, exercise: ids }, 'student', options.label, catalog, spares ? { spares } : { prestart: false });
      const ms = Math.round(performance.now() - started);
      // DLGRADE_PROFILE: where this run's time went (the table at exit sums every run)
      if (profiling) process.stderr.write(formatSpansSince(spansBefore, `${ids.join(', ')} in ${ms} ms`));
      process.stdout.write(`${m.rerunIn(ms)}\n${m.watching(defs.length, options.label)}\n`);
      // the next save's sandbox starts now, while the student edits (a fresh process, no code in it
      // yet: it will load that next version only, see grader/sandbox/spare-pool.ts)
      const next = defs.find((d) => d.id === ids[ids.length - 1]) ?? defs[0]!;
      spares?.plan(() => [sandboxLimitsOf(next)]);
    } catch (error: unknown) {
      // a grader fault while watching: say it, keep watching
      process.stderr.write(`${formatCliError(error)}\n${m.failed(describeThrown(error))}\n`);
    }
  };

  let running: Promise<void> | undefined;
  const pending = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const drain = async (): Promise<void> => {
    while (pending.size > 0) {
      const ids = [...pending];
      pending.clear();
      const files = ids.map((id) => relative(process.cwd(), fileOf(options.dir, defs.find((d) => d.id === id)!)));
      await grade(ids, m.regrading(files.join(', ')));
    }
    running = undefined;
  };
  const onChange = (path: string): void => {
    const def = byFile.get(resolve(path));
    if (!def) return;
    clearTimeout(timers.get(def.id));
    timers.set(
      def.id,
      setTimeout(() => {
        timers.delete(def.id);
        // deleted, to be written again (or renamed over): graded on the add that follows
        if (!existsSync(path)) return;
        pending.add(def.id);
        running ??= drain();
      }, DEBOUNCE_MS),
    );
  };
  // the folders are watched, not the files: a watch on a file follows its inode, which an atomic
  // save (rename over) or a delete-and-write replaces, and a replacement that lands while the
  // watch is being re-established is missed; a folder's watch sees every later version of the
  // file (the folder's other files, an editor's .swp, are filtered out by byFile)
  const folders = [...new Set([...byFile.keys()].map((f) => dirname(f)))];
  // loaded here, not with the module: every `check` imports this file, and only a watcher needs it
  const { watch } = await import('chokidar');
  const watcher = watch(folders, { ignoreInitial: true, atomic: true, depth: 0 });
  watcher.on('change', onChange).on('add', onChange);
  // watching before the first grading says «Vigilando…»: a file saved right after that line (or
  // during the first grading) is graded, not missed; it waits for the first grading to end
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  running = grade(defs.map((d) => d.id)).then(() => {
    running = undefined;
    if (pending.size > 0) running = drain();
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      for (const timer of timers.values()) clearTimeout(timer);
      void watcher.close().then(async () => {
        await running;
        await spares?.dispose();
        forget();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function fileOf(dir: string, def: ExerciseDef): string {
  return join(dir, def.chapter, def.name, def.file).split('/').join(sep);
}
