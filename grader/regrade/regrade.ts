import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { loadCatalog } from '../catalog/load.ts';
import { selectExercises } from '../catalog/select.ts';
import type { Catalog, ExerciseDef } from '../catalog/types.ts';
import type { Lang, SandboxInfo } from '../engine/result.ts';
import { DEFAULT_SEED } from '../engine/seed.ts';
import { NO_SUBMISSION } from '../collect/no-submission.ts';
import { DlgradeError, describeThrown } from '../errors.ts';
import { toolVersion } from '../paths.ts';
import { buildCleanTree, type CleanTree } from './clean-tree.ts';
import { readInstructorManifest, type InstructorManifest } from './manifest.ts';
import { isReusable, readRegradeFile, resultPath, settingsKey, writeAtomic, type RegradeFile, type RegradeSettings } from './result-file.ts';
import { shardUsernames, type Shard } from './shard.ts';
import { describeStudent, discoverStudents, normaliseCollect, type StudentEntry } from './students.ts';
import { findSymlinks, findTampering, WORKFLOW_DIR, type TamperFinding } from './tamper.ts';
import { DEFAULT_JOBS_PER_WORKER, WorkerPool, studentTimeLimitMs } from './run-worker.ts';
import { regradeMessages } from './messages.ts';
import { missingWalls, probeIsolation } from '../sandbox/isolation.ts';
import { sweepStaleSandboxDirs } from '../sandbox/sandbox-dirs.ts';

export interface RegradeOptions {
  collectedDir: string;
  resultsDir: string;
  /** exercise selectors; default: the exercises of the manifest */
  exercises?: readonly string[];
  /** the instructor's copy of `.dlgrade/manifest.json`: exercises and protected files */
  manifest?: string;
  /** students that must appear even without a folder (the roster), with their student id */
  students?: readonly { username: string; studentId?: string }[];
  shard?: Shard;
  seed?: number;
  runs?: number;
  lang?: Lang;
  backend?: string;
  /** submissions graded at once (default: cores − 1, at least 2) */
  concurrency?: number;
  /**
   * grade even where the sandbox lacks walls (missingWalls): recorded in every result file and
   * shown in the gradebook. Without it such a run stops before grading anyone.
   */
  allowWeakSandbox?: boolean;
  /** regrade even when a valid result for the same commit and settings exists */
  force?: boolean;
  catalog?: Catalog;
  onPlan?: (plan: { total: number; toGrade: number; skipped: string[] }) => void;
  onStudent?: (outcome: StudentOutcome) => void;
  /**
   * wall-clock limit of one student's grading (its worker process); default: generous, from the
   * exercises' own budgets (grader/regrade/run-worker.ts studentTimeLimitMs)
   */
  studentTimeLimitMs?: number;
  /**
   * students one grading worker grades before a fresh one replaces it (default 25; 1 = a fresh
   * worker per student). Where the sandbox lacks a wall it is always 1.
   */
  jobsPerWorker?: number;
  /** checked before each student starts: true stops scheduling (an interrupted run) */
  shouldStop?: () => boolean;
}

export interface StudentOutcome {
  username: string;
  /** no-submission: collect found nothing to grade («sin entrega»), neither an error nor a 0 */
  state: 'graded' | 'skipped' | 'no-submission' | 'error';
  file: string;
  score?: number;
  maxScore?: number;
  durationMs: number;
  tampered: boolean;
  /** the grading (or an exercise of it) failed for the grader's reasons: retried on the next run */
  graderError: boolean;
  errors: string[];
}

export interface RegradeSummary {
  total: number;
  graded: number;
  skipped: number;
  noSubmission: number;
  errors: number;
  outcomes: StudentOutcome[];
  settings: RegradeSettings;
  /** set when graded under --allow-weak-sandbox: the walls that were missing */
  weakSandbox?: { mechanism: string; missing: string[] };
  /** grading worker processes started (fewer than the students graded when workers stay warm) */
  workersStarted: number;
}

/** The username as the roster spells it (collect.json), else the folder's name. */
const displayName = (entry: StudentEntry): string => entry.collect.username ?? entry.username;

/**
 * Submissions graded at once: cores − 1, at least 2. Each grading alternates between the trusted
 * side (reference, properties) and its student process, so two overlap even on two cores
 * (`npm run bench regrade` on 2 shared cores: concurrency 2 / 1 = 0.73×, 1.14×, 2.15× over three runs).
 */
export function defaultConcurrency(): number {
  return Math.max(2, availableParallelism() - 1);
}

/** Removes every live clean tree (called on SIGINT so nothing is left in the temporary folder). */
const liveTrees = new Set<CleanTree>();
export function removeLiveTrees(): void {
  for (const tree of liveTrees) tree.remove();
  liveTrees.clear();
}

/**
 * The score of record is refused on a sandbox that lacks a wall (grader/sandbox/isolation.ts
 * missingWalls): the run stops before grading anyone, with a message naming each missing wall and
 * the fix, unless the instructor allows it; then the weakness is returned, to be recorded in
 * every result file.
 */
function checkSandbox(lang: Lang, allowWeak: boolean): { mechanism: string; missing: string[] } | undefined {
  const text = regradeMessages(lang);
  let info: SandboxInfo;
  try {
    info = probeIsolation().info;
  } catch (cause: unknown) {
    throw new DlgradeError({ code: 'E_SANDBOX', message: text.noSandbox(describeThrown(cause)), fix: text.noSandboxFix, cause });
  }
  const missing = missingWalls(info);
  if (missing.length === 0) return undefined;
  if (!allowWeak) {
    throw new DlgradeError({ code: 'E_SANDBOX', message: text.weakSandbox(info.mechanism, missing), fix: text.weakSandboxFix });
  }
  return { mechanism: info.mechanism, missing };
}

/**
 * Whether `dlgrade collect --shard i/n` already took this shard of the roster into the folder (it
 * leaves `collect-summary.<i>-of-<n>.json`): then every student here is in the shard, and sharding
 * again would drop some.
 */
function alreadySharded(collectedDir: string, entries: StudentEntry[], shard: Shard): boolean {
  const text = `${shard.index}/${shard.count}`;
  if (existsSync(join(collectedDir, `collect-summary.${shard.index}-of-${shard.count}.json`))) return true;
  const index = join(collectedDir, 'collect.json');
  if (existsSync(index)) {
    try {
      if (normaliseCollect(JSON.parse(readFileSync(index, 'utf8'))).shard === text) return true;
    } catch {
      /* not an index */
    }
  }
  return entries.length > 0 && entries.every((e) => e.collect.shard === text);
}

/**
 * `dlgrade regrade`: the score of record of every collected student. Each student's allow-listed
 * exercise files are copied into a clean temporary tree and graded with the instructor audience
 * (hidden properties included) and a fixed seed; `<results>/<username>.json` is written atomically
 * as soon as that student is done, so an interrupted run loses nothing already written and a rerun
 * skips them. One student's problem is recorded in that student's file and never stops the others.
 */
export async function regrade(options: RegradeOptions): Promise<RegradeSummary> {
  const lang: Lang = options.lang ?? 'es';
  const collectedDir = resolve(options.collectedDir);
  if (!existsSync(collectedDir) || !statSync(collectedDir).isDirectory()) {
    throw new DlgradeError({ code: 'E_SUBMISSION_DIR', file: collectedDir, message: regradeMessages(lang).noCollected(options.collectedDir), fix: regradeMessages(lang).noCollectedFix });
  }
  const resultsDir = resolve(options.resultsDir);
  const catalog = options.catalog ?? loadCatalog();
  let manifest: InstructorManifest | undefined;
  let manifestHash: string | null = null;
  if (options.manifest !== undefined) {
    const read = readInstructorManifest(options.manifest);
    manifest = read.manifest;
    manifestHash = createHash('sha256').update(read.text).digest('hex');
  }
  const selectors = options.exercises && options.exercises.length > 0 ? options.exercises : manifest?.exercises.map((e) => e.id);
  if (selectors === undefined || selectors.length === 0) {
    throw new DlgradeError({ code: 'E_OPTION', message: regradeMessages(lang).noExercises, fix: regradeMessages(lang).noExercisesFix });
  }
  const defs: ExerciseDef[] = selectExercises(catalog, selectors);
  const settings: RegradeSettings = {
    exercises: defs.map((d) => d.id),
    seed: options.seed ?? DEFAULT_SEED,
    runs: options.runs ?? null,
    backend: options.backend ?? process.env['DLGRADE_BACKEND'] ?? null,
    lang: options.lang ?? 'es',
    dlgradeVersion: toolVersion(),
    manifest: manifestHash,
  };
  const key = settingsKey(settings);
  const weak = checkSandbox(settings.lang as Lang, options.allowWeakSandbox === true);
  const words = regradeMessages(settings.lang as Lang).student;
  const timeLimit = options.studentTimeLimitMs ?? studentTimeLimitMs(defs);
  // warm workers keep the trusted side loaded between students; with a wall missing a student
  // process might outlive its grading, so every student then gets a fresh worker
  const pool = new WorkerPool({ jobsPerWorker: weak !== undefined ? 1 : (options.jobsPerWorker ?? DEFAULT_JOBS_PER_WORKER) });

  const all = discoverStudents(collectedDir, (options.students ?? []).map((s) => s.username));
  const chosen =
    options.shard === undefined || alreadySharded(collectedDir, all, options.shard)
      ? all.map((e) => e.username)
      : shardUsernames(all.map((e) => e.username), options.shard);
  const entries = chosen.map((u) => all.find((e) => e.username === u) ?? describeStudent(collectedDir, u));

  const skipped: string[] = [];
  const todo: StudentEntry[] = [];
  for (const entry of entries) {
    const existing = options.force ? undefined : readRegradeFile(resultPath(resultsDir, entry.username));
    if (isReusable(existing, { settingsKey: key, sha: entry.collect.sha, username: displayName(entry), weakSandbox: weak !== undefined })) skipped.push(entry.username);
    else todo.push(entry);
  }
  options.onPlan?.({ total: entries.length, toGrade: todo.length, skipped });
  const outcomes: StudentOutcome[] = skipped.map((username) => ({ username, state: 'skipped', file: resultPath(resultsDir, username), durationMs: 0, tampered: false, graderError: false, errors: [] }));

  const gradeStudent = async (entry: StudentEntry): Promise<StudentOutcome> => {
    const started = performance.now();
    const file = resultPath(resultsDir, entry.username);
    // an earlier run's file for the same commit and settings (its count of failed workers)
    const earlier = readRegradeFile(file);
    const previous = earlier !== undefined && earlier.settingsKey === key && (earlier.sha ?? null) === (entry.collect.sha ?? null) ? earlier : undefined;
    const { collect } = entry;
    const rosterEntry = options.students?.find((s) => s.username.toLowerCase() === entry.username.toLowerCase());
    const rosterId = rosterEntry?.studentId;
    if (collect.username === undefined && rosterEntry !== undefined) collect.username = rosterEntry.username;
    if (collect.studentId === undefined && rosterId !== undefined) collect.studentId = rosterId;
    const envelope: RegradeFile = {
      kind: 'dlgrade-regrade',
      version: 1,
      username: displayName(entry),
      ...(collect.studentId !== undefined ? { studentId: collect.studentId } : {}),
      ...(collect.repo !== undefined ? { repo: collect.repo } : {}),
      ...(collect.sha !== undefined ? { sha: collect.sha } : {}),
      ...(collect.pushedAt !== undefined ? { pushedAt: collect.pushedAt } : {}),
      late: collect.late,
      latePushes: collect.latePushes,
      gradedAt: '',
      settings,
      settingsKey: key,
      tamper: null,
      // collect's «sin entrega» marker is the status below, not an error
      errors: collect.errors.filter((e) => e !== NO_SUBMISSION),
      status: 'error',
      ...(weak !== undefined ? { weakSandbox: weak } : {}),
    };
    if (collect.status === 'no-submission') {
      // nothing was pushed on time but provision's commits: there is no checkout, and none is needed
      envelope.status = 'no-submission';
      if (collect.noSubmission !== undefined) envelope.noSubmission = collect.noSubmission;
    } else if (entry.dir === undefined) {
      envelope.errors.push(words.noCheckout(entry.username));
    } else if (collect.status === 'failed') {
      if (envelope.errors.length === 0) envelope.errors.push(words.collectFailed);
    } else {
      let tree: CleanTree | undefined;
      try {
        const links: TamperFinding[] = findSymlinks(entry.dir).map((path) => ({ path, kind: 'symlink', workflow: path.startsWith(WORKFLOW_DIR) }));
        if (manifest !== undefined) envelope.tamper = findTampering(entry.dir, manifest, collect.starterCommit !== undefined ? { starterCommit: collect.starterCommit } : {});
        else if (links.length > 0) envelope.tamper = links;
        tree = buildCleanTree(entry.dir, defs, settings.lang as Lang);
        liveTrees.add(tree);
        envelope.errors.push(...tree.notes);
        const job = {
          kind: 'grade' as const,
          catalogRoot: catalog.root,
          options: {
            submissionDir: tree.dir,
            displayPrefix: 'exercises',
            submissionLabel: entry.username,
            exercises: settings.exercises,
            audience: 'instructor' as const,
            seed: settings.seed,
            lang: settings.lang as Lang,
            concurrency: 1,
            refusedFiles: tree.refused,
            ...(options.runs !== undefined ? { runs: options.runs } : {}),
            ...(settings.backend !== null ? { backend: settings.backend } : {}),
          },
        };
        // one student's grading in a worker process: whatever it does to that process ends there
        // (the worker is replaced). A worker that dies or hangs is tried once more, in another
        // worker, then recorded as a grader error.
        let outcome = await pool.grade(job, timeLimit);
        if (!outcome.ok && outcome.why !== 'failed') {
          const first = outcome.message;
          outcome = await pool.grade(job, timeLimit);
          if (!outcome.ok) outcome = { ...outcome, message: words.triedAgain(first, outcome.message) };
        }
        if (outcome.ok) {
          const result = outcome.result;
          if (collect.sha !== undefined) result.commit = collect.sha;
          envelope.result = result;
          envelope.status = 'graded';
          const faulty = result.exercises.filter((e) => e.reason === 'grader-error').map((e) => e.id);
          if (faulty.length > 0) {
            envelope.graderError = true;
            envelope.errors.push(words.graderErrorIn(faulty));
          }
        } else {
          envelope.graderError = true;
          envelope.workerFailures = (previous?.workerFailures ?? 0) + 1;
          envelope.errors.push(words.graderError(outcome.message));
        }
      } catch (error: unknown) {
        envelope.graderError = true;
        envelope.errors.push(words.gradingFailed(error instanceof DlgradeError ? error.message : describeThrown(error)));
      } finally {
        if (tree !== undefined) {
          tree.remove();
          liveTrees.delete(tree);
        }
      }
    }
    envelope.gradedAt = new Date().toISOString();
    const outcome: StudentOutcome = {
      username: entry.username,
      state: envelope.status,
      file,
      durationMs: Math.round(performance.now() - started),
      tampered: (envelope.tamper ?? []).length > 0,
      graderError: envelope.graderError === true,
      errors: envelope.errors,
      ...(envelope.result ? { score: envelope.result.score, maxScore: envelope.result.maxScore } : {}),
    };
    try {
      writeAtomic(file, JSON.stringify(envelope, null, 2) + '\n');
    } catch (error: unknown) {
      outcome.state = 'error';
      outcome.errors = [...outcome.errors, words.unwritable(file, describeThrown(error))];
    }
    options.onStudent?.(outcome);
    return outcome;
  };

  const limit = pLimit(Math.max(1, options.concurrency ?? defaultConcurrency()));
  let graded: (StudentOutcome | undefined)[];
  try {
    graded = await Promise.all(
      todo.map((entry) =>
        limit(async (): Promise<StudentOutcome | undefined> => (options.shouldStop?.() ? undefined : gradeStudent(entry))),
      ),
    );
  } finally {
    await pool.close();
    // the folders of workers killed with their group (a frozen or overtime student) stay behind
    // otherwise, each a copy of a student's code (sandbox-dirs.ts)
    sweepStaleSandboxDirs();
  }
  for (const o of graded) if (o !== undefined) outcomes.push(o);
  outcomes.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  return {
    total: entries.length,
    graded: outcomes.filter((o) => o.state === 'graded').length,
    skipped: skipped.length,
    noSubmission: outcomes.filter((o) => o.state === 'no-submission').length,
    errors: outcomes.filter((o) => o.state === 'error').length,
    outcomes,
    settings,
    ...(weak !== undefined ? { weakSandbox: weak } : {}),
    workersStarted: pool.started,
  };
}
