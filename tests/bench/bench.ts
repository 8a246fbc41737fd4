/**
 * `npm run bench`: measurements printed side by side from ONE run on this machine (never used as
 * assertions). Machines are shared and noisy: compare the ratios, not the absolute numbers.
 *   1. grading the five headline exercises of a correct submission with the CLI, cold start included
 *   2. the same properties as a plain in-process `vitest run` (no sandbox); 1 and 2 alternated,
 *      BENCH_ROUNDS rounds (default 3), the ratio of their medians
 *   3. the reference's time per backend for conv2d and Adam at a few sizes
 *   4. grading the whole course's solutions (issue: under 30 s on 2 cores), alternated with the
 *      TensorFlow.js floor the same way
 *   5. a class regrade (BENCH_REGRADE_N submissions)
 *   6. the sandbox: bubblewrap vs unshare vs a plain process (and, with BENCH_BASELINE=<an older
 *      checkout>, that checkout's grader), alternated in one run: one student process started,
 *      called and ended, and the five headline exercises graded with the CLI
 *   7. `npm run bench mutation` (only when named): every exercise's mutation score and survivors
 *   9. `npm run bench watch`: a warm `check --watch` re-run of conv2d (goal ≤ 0.3 s), alternated
 *      with a cold `check` (of the file unchanged, after an edit, and in an assignment repository)
 *      and with a watcher that starts no sandbox ahead (watch-bench.ts)
 *  10. `npm run bench processes` (only when named): student processes started fresh, started ahead
 *      (the spare pool) and one per submission, one call each for the course's solutions; an idle
 *      spare's memory; grade and regrade with DLGRADE_PRESTART=0 against the default (process-bench.ts)
 *   8. `npm run bench profile` (only when named): where the time goes (DLGRADE_PROFILE spans and marks, and the V8 CPU profile of
 *      the trusted process by category) for one exercise, the five headline ones and the whole
 *      course, with the precompiled build off ("before": DLGRADE_PRECOMPILE=0: tsx, the isolation
 *      probe and the runner bundle at every start) and on ("after"), alternated in one run
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { BACKENDS, selectBackend } from '../../grader/backend/select.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { HEADLINE } from './headline.ts';
import { formatTreeMemory, type TreeMemory, watchTreeMemory } from './tree-memory.ts';

const results: [string, string][] = [];
const report = (label: string, value: string): void => {
  results.push([label, value]);
  console.log(`${label.padEnd(64)} ${value}`);
};

/** Runs a command to its end: its wall time, exit status and peak memory (tree-memory.ts). */
async function timeCommand(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; status: number | null; memory: TreeMemory | undefined }> {
  const start = performance.now();
  const child = spawn(args[0]!, args.slice(1), { cwd: INSTALL_ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  const memory = child.pid !== undefined ? watchTreeMemory(child.pid) : undefined;
  let peak: TreeMemory | undefined;
  const status = await new Promise<number | null>((resolve) => {
    // the last reading while the process still exists (it is gone once 'close' arrives)
    child.once('exit', () => (peak = memory?.stop()));
    child.once('close', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return { seconds: (performance.now() - start) / 1000, status, memory: peak };
}

console.log(`dlgrade bench · ${availableParallelism()} cores · node ${process.version}\n`);
// the install as `npm install` leaves it: the precompiled modules and the build tree of the
// sources as they are now (after an edit the tree is stale and the grader loads through the
// module hooks until this runs; grader/boot/tree.mjs)
spawnSync(process.execPath, ['grader/boot/precompile.mjs'], { cwd: INSTALL_ROOT, stdio: 'ignore' });

const only = process.argv.slice(2);
const want = (n: string): boolean => only.length === 0 || only.includes(n);

/** the goals of issue 12 (item 7), printed beside the figures they judge; never asserted */
const GOALS = {
  headlineRatio: 0.33,
  courseFloorMultiple: 10,
  regradePerMin: 400,
} as const;

/** the median of a few timings (a shared machine: one slow run must not decide a ratio) */
const medianOf = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** rounds of the alternated pairs below (BENCH_ROUNDS; each round runs both sides once, in turn) */
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));
const spread = (xs: readonly number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} s`;
/** the larger of two peaks, figure by figure (undefined where neither could be read) */
const peakOf = (a: TreeMemory | undefined, b: TreeMemory | undefined): TreeMemory | undefined =>
  a === undefined ? b : b === undefined ? a : { largestMb: Math.max(a.largestMb, b.largestMb), treeMb: Math.max(a.treeMb, b.treeMb), processes: Math.max(a.processes, b.processes) };
/** two named commands run in turn, ROUNDS times: each one's wall times, its peak memory over the rounds, and a note per kind of non-zero exit */
async function alternated(first: [string, string[]], second: [string, string[]]): Promise<{ first: number[]; second: number[]; memory: [TreeMemory | undefined, TreeMemory | undefined]; failed: string }> {
  const times: [number[], number[]] = [[], []];
  const memory: [TreeMemory | undefined, TreeMemory | undefined] = [undefined, undefined];
  const failed = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, [name, args]] of [first, second].entries()) {
      const r = await timeCommand(args);
      if (r.status !== 0) failed.add(`${name} exit ${r.status}`);
      times[k]!.push(r.seconds);
      memory[k] = peakOf(memory[k], r.memory);
    }
  }
  return { first: times[0], second: times[1], memory, failed: failed.size > 0 ? ` ${[...failed].join(', ')}` : '' };
}

if (want('grade')) {
  // alternated: dlgrade, vitest, dlgrade, vitest, …; the ratio is of the medians
  const flags = HEADLINE.flatMap((id) => ['--exercise', id]);
  const runs = await alternated(['grade', [process.execPath, 'bin/dlgrade.js', 'grade', 'solutions', '--include-hidden', '--quiet', ...flags]], ['vitest', [process.execPath, 'node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/bench/vitest.config.ts']]);
  const g = medianOf(runs.first);
  const v = medianOf(runs.second);
  report(`1. dlgrade grade, 5 headline exercises (cold, wall), median of ${ROUNDS}`, `${g.toFixed(2)} s (${spread(runs.first)}; goal < 5 s)${runs.failed}`);
  report(`2. same properties, in-process vitest run (wall), median of ${ROUNDS}`, `${v.toFixed(2)} s (${spread(runs.second)})`);
  report('   ratio dlgrade / vitest', `${(g / v).toFixed(2)}× (goal ≤ ${GOALS.headlineRatio}×)`);
  report('   peak memory, dlgrade grade and its student processes', formatTreeMemory(runs.memory[0]));
  report('   peak memory, vitest run', formatTreeMemory(runs.memory[1]));
}

if (want('backends')) {
  const conv = (await import(pathToFileURL(join(INSTALL_ROOT, 'reference/ch07-convolution/conv2d.ts')).href)) as {
    conv2d: (x: number[][][], k: number[][][][], o: { stride?: number; padding?: 'same' | 'valid' }) => number[][][];
  };
  const adam = (await import(pathToFileURL(join(INSTALL_ROOT, 'reference/ch16-optimizers/adam.ts')).href)) as {
    adam: (p: number[], g: number[][], hp: { lr: number; beta1: number; beta2: number; epsilon: number }) => Promise<unknown>;
  };
  const rand = (n: number): number[] => Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 0.5);
  const tensor = (h: number, w: number, c: number): number[][][] => Array.from({ length: h }, () => Array.from({ length: w }, () => rand(c)));
  for (const name of BACKENDS) {
    try {
      await selectBackend(name);
    } catch {
      report(`3. reference on ${name}`, 'not available here');
      continue;
    }
    for (const [h, c] of [[8, 2], [32, 8], [64, 16]] as const) {
      const x = tensor(h, h, c);
      const k = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => Array.from({ length: c }, () => rand(c))));
      conv.conv2d(x, k, { padding: 'same' }); // warm-up
      const reps = 20;
      const start = performance.now();
      for (let i = 0; i < reps; i++) conv.conv2d(x, k, { padding: 'same' });
      report(`3. conv2d reference, ${name}, ${h}×${h}×${c} * 3×3×${c}×${c}`, `${((performance.now() - start) / reps).toFixed(2)} ms/call`);
    }
    for (const n of [16, 1024, 65536]) {
      const grads = Array.from({ length: 5 }, (_, s) => rand(n).map((g) => g + s * 0.01));
      await adam.adam(rand(n), grads, { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
      const reps = 5;
      const start = performance.now();
      for (let i = 0; i < reps; i++) await adam.adam(rand(n), grads, { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
      report(`3. adam reference, ${name}, ${n} params × 5 steps`, `${((performance.now() - start) / reps).toFixed(2)} ms/call`);
    }
    void tf;
  }
}

if (want('course')) {
  // the TensorFlow.js floor: node + importing TensorFlow.js + backend init + one op; alternated
  // with the course, round by round, and the multiple is of the medians
  const floorCode = "const tf = await import('@tensorflow/tfjs'); await import('@tensorflow/tfjs-backend-wasm').then((w) => w.setWasmPaths(new URL('./node_modules/@tensorflow/tfjs-backend-wasm/dist/', 'file://' + process.cwd() + '/').href)).catch(() => {}); await tf.setBackend('wasm').catch(() => tf.setBackend('cpu')); await tf.ready(); tf.add(1, 2).dataSync();";
  const runs = await alternated(['grade', [process.execPath, 'bin/dlgrade.js', 'grade', 'solutions', '--include-hidden', '--quiet']], ['floor', [process.execPath, '--input-type=module', '-e', floorCode]]);
  const c = medianOf(runs.first);
  const f = medianOf(runs.second);
  report(`4. whole course's solutions, dlgrade grade (wall), median of ${ROUNDS}`, `${c.toFixed(2)} s (${spread(runs.first)}; goal < 30 s)${runs.failed}`);
  report(`   TensorFlow.js floor (node, import, init, one op), median of ${ROUNDS}`, `${f.toFixed(2)} s (${spread(runs.second)})`);
  report('   whole course as a multiple of the floor', `${(c / f).toFixed(1)}× (goal ≤ ${GOALS.courseFloorMultiple}×)`);
  report('   peak memory, whole course and its student processes', formatTreeMemory(runs.memory[0]));
  report('   peak memory, TensorFlow.js floor', formatTreeMemory(runs.memory[1]));
}

if (want('regrade')) {
  // 5. dlgrade regrade of a class of synthetic submissions of a five-exercise assignment (the five
  // headline exercises, as the goal states; BENCH_REGRADE_CHAPTER=<chapter> grades one chapter
  // instead; BENCH_REGRADE_N, default 100): a mix of solutions, buggy fixtures and stubs, at
  // concurrency 1, 2 (and 4 with ≥ 4 cores).
  const { mkdtempSync, rmSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { loadCatalog } = await import('../../grader/catalog/load.ts');
  const { selectExercises } = await import('../../grader/catalog/select.ts');
  const { regrade, defaultConcurrency } = await import('../../grader/regrade/regrade.ts');
  const { addStudent, makeAssignment } = await import('../instructor/regrade-class.ts');
  type Answer = import('../instructor/regrade-class.ts').Answer;
  const picked = process.env['BENCH_REGRADE_CHAPTER'];
  const chapter = picked ?? 'the five headline exercises';
  const size = Number(process.env['BENCH_REGRADE_N'] ?? 100);
  const catalog = loadCatalog();
  const defs = selectExercises(catalog, picked ? [picked] : [...HEADLINE]);
  const assignment = makeAssignment(defs);
  const root = mkdtempSync(join(tmpdir(), 'dlgrade-bench-regrade-'));
  const collected = join(root, 'collected');
  const bugs = Object.fromEntries(defs.map((d) => [d.id, readdirSync(join(INSTALL_ROOT, 'tests/fixtures/buggy', d.chapter, d.name)).filter((f) => f.endsWith('.ts'))]));
  for (let i = 0; i < size; i++) {
    // 50% solutions, 35% buggy fixtures, 15% stubs, per exercise
    const answers: Record<string, Answer> = {};
    defs.forEach((d, k) => {
      const r = (i * 7 + k * 13) % 20;
      const list = bugs[d.id] ?? [];
      answers[d.id] = r < 10 || list.length === 0 ? 'solution' : r < 17 ? { fixture: join(INSTALL_ROOT, 'tests/fixtures/buggy', d.chapter, d.name, list[(i + k) % list.length]!) } : 'stub';
    });
    addStudent(collected, assignment, { username: `student-${String(i).padStart(3, '0')}`, answers }, i);
  }
  const levels = [1, 2, ...(availableParallelism() >= 4 ? [4] : [])];
  // warm-up: catalog, backend, the runner bundle
  await regrade({ collectedDir: collected, resultsDir: join(root, 'warm'), manifest: assignment.manifestPath, catalog, concurrency: 1, shard: { index: 1, count: size } });
  const rates: number[] = [];
  for (const c of levels) {
    // alternated in one run: a fresh worker per student (the old way) against warm workers
    const timed = async (jobsPerWorker: number) => {
      // the workers and their student processes (the coordinator is this process: not counted)
      const memory = watchTreeMemory(process.pid, { excludeRoot: true });
      const start = performance.now();
      const summary = await regrade({ collectedDir: collected, resultsDir: join(root, `c${c}-j${jobsPerWorker}`), manifest: assignment.manifestPath, catalog, concurrency: c, jobsPerWorker });
      const minutes = (performance.now() - start) / 60_000;
      return { summary, minutes, rate: summary.graded / minutes, memory: memory.stop() };
    };
    const fresh = await timed(1);
    const warm = await timed(25);
    rates.push(warm.rate);
    report(`5. regrade ${size} submissions of ${chapter} (${defs.length} exercises), concurrency ${c}, warm workers`, `${warm.rate.toFixed(1)} submissions/min (${(warm.minutes * 60).toFixed(1)} s, ${warm.summary.errors} errors, ${warm.summary.workersStarted} workers; goal ≥ ${GOALS.regradePerMin}/min for 5 exercises)`);
    report(`   peak memory, its workers and student processes`, formatTreeMemory(warm.memory));
    report(`   a fresh worker per student`, `${fresh.rate.toFixed(1)} submissions/min (${(fresh.minutes * 60).toFixed(1)} s, ${fresh.summary.workersStarted} workers); warm / fresh ${(warm.rate / fresh.rate).toFixed(2)}×`);
  }
  for (let i = 1; i < levels.length; i++) report(`   ratio concurrency ${levels[i]} / 1`, `${(rates[i]! / rates[0]!).toFixed(2)}×`);
  report('   default --concurrency on this machine (cores − 1, at least 2)', String(defaultConcurrency()));
  rmSync(root, { recursive: true, force: true });
  rmSync(assignment.dir, { recursive: true, force: true });
}

if (want('sandbox')) {
  const { StudentProcess, DEFAULT_LIMITS } = await import('../../grader/sandbox/student-process.ts');
  const { probeIsolation, resetIsolationForTests } = await import('../../grader/sandbox/isolation.ts');
  type Mechanism = import('../../grader/engine/result.ts').SandboxMechanism;
  const all: Mechanism[] = ['bubblewrap', 'unshare', 'process'];
  const mechanisms = all.filter((m) => {
    process.env['DLGRADE_SANDBOX'] = m;
    resetIsolationForTests();
    try {
      probeIsolation();
      return true;
    } catch (error) {
      report(`6. sandbox ${m}`, `cannot start here: ${(error as Error).message.slice(0, 120)}`);
      return false;
    }
  });
  // a. one student process: start, one call, end; rounds alternate the order of the mechanisms
  const rounds = Number(process.env['BENCH_SANDBOX_ROUNDS'] ?? 12);
  const startMs: Record<string, number[]> = Object.fromEntries(mechanisms.map((m) => [m, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < mechanisms.length; k++) {
      const m = mechanisms[(round + k) % mechanisms.length]!;
      process.env['DLGRADE_SANDBOX'] = m;
      resetIsolationForTests();
      probeIsolation(); // the probe is once per grader process: not part of a student process's cost
      const t0 = performance.now();
      const started = await StudentProcess.start({ moduleCode: 'export function f(x) { return x + 1 }', limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });
      if (started.kind !== 'ready') throw new Error(`${m}: ${started.kind}`);
      await started.process.call('f', [1]);
      await started.process.dispose();
      startMs[m]!.push(performance.now() - t0);
    }
  }
  delete process.env['DLGRADE_SANDBOX'];
  resetIsolationForTests();
  const base = mechanisms.includes('process') ? medianOf(startMs['process']!) : undefined;
  for (const m of mechanisms) {
    const ms = medianOf(startMs[m]!);
    report(`6a. one student process (start, call, end), ${m}, median of ${rounds}`, `${ms.toFixed(0)} ms${base ? ` (${(ms / base).toFixed(2)}× process)` : ''}`);
  }
  // b. the five headline exercises graded with the CLI, per mechanism (and the baseline checkout)
  const flags = HEADLINE.flatMap((id) => ['--exercise', id]);
  const baseline = process.env['BENCH_BASELINE'];
  const runs: { label: string; cwd: string; env: NodeJS.ProcessEnv }[] = mechanisms.map((m) => ({ label: m, cwd: INSTALL_ROOT, env: { DLGRADE_SANDBOX: m } }));
  if (baseline) runs.push({ label: `baseline ${baseline}`, cwd: baseline, env: {} });
  const gradeRounds = Number(process.env['BENCH_SANDBOX_GRADE_ROUNDS'] ?? 5);
  const gradeS: Record<string, number[]> = Object.fromEntries(runs.map((r) => [r.label, []]));
  for (let round = 0; round < gradeRounds; round++) {
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(round + k) % runs.length]!;
      const start = performance.now();
      const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', join(INSTALL_ROOT, 'solutions'), '--include-hidden', '--quiet', ...flags], { cwd: run.cwd, env: { ...process.env, ...run.env }, stdio: 'ignore' });
      if (r.status !== 0) report(`6b. ${run.label}`, `exit ${r.status}`);
      gradeS[run.label]!.push((performance.now() - start) / 1000);
    }
  }
  const ref = baseline ? medianOf(gradeS[`baseline ${baseline}`]!) : mechanisms.includes('process') ? medianOf(gradeS['process']!) : undefined;
  for (const run of runs) {
    const s = medianOf(gradeS[run.label]!);
    report(`6b. grade 5 headline exercises, ${run.label}, median of ${gradeRounds}`, `${s.toFixed(2)} s, ${((s / HEADLINE.length) * 1000).toFixed(0)} ms/exercise${ref ? ` (${(s / ref).toFixed(2)}× ${baseline ? 'baseline' : 'process'})` : ''}`);
  }
}

// 7. `npm run bench mutation` (only when asked by name: it grades every mutant of every solution,
// an hour or more on two cores): each exercise's mutation score and its surviving mutants.
// BENCH_MUTATION="ch02-math,ch05-training/dropout" limits it to some exercises or chapters.
if (only.includes('mutation')) {
  const { loadCatalog } = await import('../../grader/catalog/load.ts');
  const { selectExercises } = await import('../../grader/catalog/select.ts');
  const { mutationTest, renderMutation } = await import('../../grader/verify/mutation.ts');
  const catalog = loadCatalog();
  const selectors = process.env['BENCH_MUTATION']?.split(',').map((s) => s.trim()).filter(Boolean);
  let killed = 0;
  let counted = 0;
  let survivors = 0;
  for (const def of selectExercises(catalog, selectors)) {
    const r = await mutationTest(def, { catalog, concurrency: Math.max(1, availableParallelism() - 1) });
    process.stdout.write(renderMutation(r));
    report(`7. mutation score ${def.id}`, `${(r.score * 100).toFixed(1)}% (${r.killed}/${r.killed + r.survived}, ${r.equivalent} equivalent)`);
    killed += r.killed;
    counted += r.killed + r.survived;
    survivors += r.survived;
  }
  report('7. mutation score, catalog', `${counted === 0 ? '—' : ((killed / counted) * 100).toFixed(1)}% (${killed}/${counted} non-equivalent mutants killed, ${survivors} surviving)`);
}

if (want('watch')) {
  const { benchWatch } = await import('./watch-bench.ts');
  await benchWatch(INSTALL_ROOT, report);
}

// 10. only when asked by name: student processes, fresh vs started ahead vs one per submission
// (issue 12 items 5, 6); `npm run bench processes a b` picks parts (a: process starts, b: a
// spare's memory, c: grade with DLGRADE_PRESTART=0 vs default, d: regrade)
if (only.includes('processes')) {
  const { benchProcesses } = await import('./process-bench.ts');
  const parts = only.filter((p) => ['a', 'b', 'c', 'd'].includes(p));
  await benchProcesses(INSTALL_ROOT, report, (part) => parts.length === 0 || parts.includes(part));
}

// 8. only when asked by name (it grades the whole course three times, with CPU profiles)
if (only.includes('profile')) {
  // 8. where the time goes, from real instrumentation: the grader's DLGRADE_PROFILE spans and
  // marks (wall, counts), its threads' and its student processes' CPU time (grader/profile.ts),
  // its V8 CPU profile by category, and the peak memory of its process tree (tree-memory.ts)
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { CATEGORIES, cpuProfileByCategory } = await import('./cpu-profile.ts');
  const { STUDENT_CPU_SPAN } = await import('../../grader/sandbox/student-process.ts');
  type ProfileReport = import('../../grader/profile.ts').ProfileReport;
  const scenarios: { label: string; flags: string[] }[] = [
    { label: 'one exercise (conv2d)', flags: ['--exercise', 'ch07-convolution/conv2d'] },
    { label: `five headline exercises`, flags: HEADLINE.flatMap((id) => ['--exercise', id]) },
    ...(process.env['BENCH_PROFILE_COURSE'] === '0' ? [] : [{ label: 'whole course', flags: [] }]),
  ];
  const configs = [
    { label: 'before', env: { DLGRADE_CATALOG_CACHE: '0', DLGRADE_TFJS_REQUIRE: '0', DLGRADE_PRECOMPILE: '0', DLGRADE_BATCH: '0', DLGRADE_REFERENCE_CACHE: '0', DLGRADE_PRESTART: '0' } },
    { label: 'after', env: {} },
  ];
  interface Run {
    wall: number;
    memory: TreeMemory | undefined;
    profile: ProfileReport;
    categories: Map<string, number>;
    cpuTotal: number;
    status: number | null;
  }
  const runOnce = async (flags: string[], env: NodeJS.ProcessEnv): Promise<Run> => {
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-profile-'));
    const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'bin/dlgrade.js', 'grade', 'solutions', '--include-hidden', '--quiet', ...flags];
    const r = await timeCommand([process.execPath, ...args], { ...env, DLGRADE_PROFILE: join(dir, 'profile.json') });
    const profile = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as ProfileReport;
    const cpuFile = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const { byCategory, totalMs } = cpuFile ? cpuProfileByCategory(join(dir, cpuFile)) : { byCategory: new Map(), totalMs: 0 };
    rmSync(dir, { recursive: true, force: true });
    return { wall: r.seconds, memory: r.memory, profile, categories: byCategory, cpuTotal: totalMs, status: r.status };
  };
  // warm-up: fills the caches the "after" runs use (a fresh clone's first run pays them once)
  await runOnce(scenarios[0]!.flags, {});
  const ms = (n: number | undefined): string => (n === undefined ? '—' : `${n.toFixed(0)} ms`);
  for (const scenario of scenarios) {
    const runs: Record<string, Run> = {};
    for (const config of configs) runs[config.label] = await runOnce(scenario.flags, config.env);
    const before = runs['before']!;
    const after = runs['after']!;
    const row = (label: string, b: number | undefined, a: number | undefined, unit = ms): void => {
      const ratio = b !== undefined && a !== undefined && b > 0 ? ` (${(a / b).toFixed(2)}×)` : '';
      report(`8. ${scenario.label}: ${label}`, `${unit(b)} → ${unit(a)}${ratio}`);
    };
    const s = (x: number): string => `${x.toFixed(2)} s`;
    row('wall', before.wall, after.wall, (n) => (n === undefined ? '—' : s(n)));
    // CPU: the trusted process (all its threads), and the student processes (each read just
    // before it ends, DLGRADE_PROFILE); how busy that kept the machine's cores
    const trustedCpu = (r: Run): number => r.profile.cpuMs.user + r.profile.cpuMs.system;
    const studentCpu = (r: Run): number | undefined => r.profile.spans[STUDENT_CPU_SPAN]?.ms;
    row('CPU, trusted process (all its threads)', trustedCpu(before), trustedCpu(after));
    row('trusted main thread, on a core', before.profile.threads?.mainRunMs, after.profile.threads?.mainRunMs);
    row('trusted main thread, ready but waiting for a core', before.profile.threads?.mainWaitMs, after.profile.threads?.mainWaitMs);
    row("trusted process's other threads, on a core (V8 compiler, GC)", before.profile.threads?.otherRunMs, after.profile.threads?.otherRunMs);
    row('CPU, student processes', studentCpu(before), studentCpu(after));
    const busy = (r: Run): number | undefined => {
      const students = studentCpu(r);
      return students === undefined ? undefined : (trustedCpu(r) + students) / (r.wall * 1000 * availableParallelism());
    };
    row(`cores busy (trusted + student CPU / wall × ${availableParallelism()} cores)`, busy(before), busy(after), (n) => (n === undefined ? '—' : `${(n * 100).toFixed(0)}%`));
    row('peak memory, largest process', before.memory?.largestMb, after.memory?.largestMb, (n) => (n === undefined ? '—' : `${n.toFixed(0)} MB`));
    row('peak memory, the whole tree at once', before.memory?.treeMb, after.memory?.treeMb, (n) => (n === undefined ? '—' : `${n.toFixed(0)} MB`));
    // every message to a student process waits for its answer: one per call, or one per batch
    const messages = (r: Run): number => (r.profile.spans['round trip to the student process']?.count ?? 0) + (r.profile.spans['round trip to the student process (batch)']?.count ?? 0);
    row('round trips to student processes (messages)', messages(before), messages(after), (n) => (n === undefined ? '—' : String(n)));
    row('calls answered from a batch', 0, after.profile.spans['calls answered from a batch']?.count ?? 0, (n) => (n === undefined ? '—' : String(n)));
    row('node bootstrap', before.profile.node.bootstrapCompleteMs, after.profile.node.bootstrapCompleteMs);
    const markNames = [...new Set([...Object.keys(before.profile.marks), ...Object.keys(after.profile.marks)])];
    for (const m of markNames) row(`at "${m}"`, before.profile.marks[m], after.profile.marks[m]);
    const spanNames = [...new Set([...Object.keys(before.profile.spans), ...Object.keys(after.profile.spans)])];
    for (const name of spanNames) {
      const b = before.profile.spans[name];
      const a = after.profile.spans[name];
      row(`${name} (×${b?.count ?? 0} → ×${a?.count ?? 0})`, b?.ms, a?.ms);
    }
    for (const c of CATEGORIES) {
      const b = before.categories.get(c);
      const a = after.categories.get(c);
      if ((b ?? 0) + (a ?? 0) >= 5) row(`CPU profile, ${c}`, b ?? 0, a ?? 0);
    }
    row('CPU profile, total sampled', before.cpuTotal, after.cpuTotal);
    if (before.status !== 0 || after.status !== 0) report(`8. ${scenario.label}: exit`, `${before.status} → ${after.status}`);
  }
}
