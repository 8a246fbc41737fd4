/**
 * `npm run bench processes` (issue 12, items 5 and 6): what student processes cost, measured in
 * one run and alternated, as ratios. Printed, never asserted.
 *
 *   a. the course's solutions, one call each, under the sandbox probed here: a fresh process per
 *      exercise started when it is needed (before), a process per exercise started ahead by a
 *      SparePool while the previous one is called (now), and one process for all of them (item 5:
 *      every module bundled into one, loaded once). Wall time and the children's CPU time.
 *   b. an idle spare's memory (resident set of the launcher and its Node).
 *   c. `dlgrade grade` of the five headline exercises and of the whole course with
 *      DLGRADE_PRESTART=0 against the default, alternated (BENCH_PROCESSES_COURSE=0 skips the course).
 *   d. `dlgrade regrade` of BENCH_PROCESSES_REGRADE_N (default 30) submissions of ch01, warm
 *      workers, DLGRADE_PRESTART=0 against the default.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { sandboxLimitsOf } from '../../grader/engine/steps/run-exercise.ts';
import { compileStudentFile } from '../../grader/sandbox/compile.ts';
import { probeIsolation } from '../../grader/sandbox/isolation.ts';
import { SparePool } from '../../grader/sandbox/spare-pool.ts';
import type { ProfileReport } from '../../grader/profile.ts';
import { mostLiveStudentProcesses, resetMostLive, STUDENT_CPU_SPAN, StudentProcess, tallyStudentCpu, type SandboxLimits } from '../../grader/sandbox/student-process.ts';
import { HEADLINE } from './headline.ts';
import { watchTreeMemory } from './tree-memory.ts';

type Report = (label: string, value: string) => void;

interface Module {
  id: string;
  code: string;
  fn: string;
  limits: SandboxLimits;
}

/** wall time of `run`, and the CPU time of the student processes it ended (each tree read just before it ends: tallyStudentCpu) */
async function measure(label: string, run: () => Promise<void>): Promise<{ label: string; ms: number; cpuMs: number }> {
  const tally = { ms: 0 };
  tallyStudentCpu(tally);
  const t0 = performance.now();
  try {
    await run();
  } finally {
    tallyStudentCpu(undefined);
  }
  return { label, ms: performance.now() - t0, cpuMs: tally.ms };
}

async function ready(options: { moduleCode: string; limits: SandboxLimits; spare?: StudentProcess | undefined }): Promise<StudentProcess> {
  const started = await StudentProcess.start(options);
  if (started.kind !== 'ready') throw new Error(`bench: a solution did not load (${started.kind})`);
  return started.process;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchProcesses(root: string, report: Report, only: (name: string) => boolean): Promise<void> {
  const catalog = loadCatalog();
  const isolation = probeIsolation();
  const modules: Module[] = [];
  for (const def of catalog.exercises) {
    let source: string;
    try {
      source = readFileSync(def.solutionPath, 'utf8');
    } catch {
      continue;
    }
    const compiled = await compileStudentFile({ source, displayPath: def.file });
    if (compiled.ok && def.exports[0]) modules.push({ id: def.id, code: compiled.code, fn: def.exports[0].name, limits: sandboxLimitsOf(def) });
  }
  const n = modules.length;

  if (only('a')) {
    // one module holding every exercise's, under names of its own (item 5's single process)
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-processes-'));
    modules.forEach((m, i) => writeFileSync(join(dir, `e${i}.mjs`), m.code));
    writeFileSync(join(dir, 'all.mjs'), modules.map((m, i) => `import * as e${i} from './e${i}.mjs';\nexport const e${i}_${m.fn} = e${i}.${m.fn};\n`).join(''));
    const bundled = await build({ entryPoints: [join(dir, 'all.mjs')], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
    const allCode = bundled.outputFiles[0]!.text;
    rmSync(dir, { recursive: true, force: true });
    const big: SandboxLimits = { ...modules[0]!.limits, budgetMs: 600_000 };

    const perExercise = (): Promise<void> =>
      (async () => {
        for (const m of modules) {
          const proc = await ready({ moduleCode: m.code, limits: m.limits });
          await proc.call(m.fn, []);
          await proc.dispose();
        }
      })();
    const pooled = (): Promise<void> =>
      (async () => {
        const pool = new SparePool(1);
        let next = 0;
        pool.plan(() => modules.slice(next).map((m) => m.limits));
        for (const m of modules) {
          next++;
          const proc = await ready({ moduleCode: m.code, limits: m.limits, spare: await pool.take(m.limits) });
          await proc.call(m.fn, []);
          await proc.dispose();
        }
        await pool.dispose();
      })();
    const single = (): Promise<void> =>
      (async () => {
        const proc = await ready({ moduleCode: allCode, limits: big });
        for (const [i, m] of modules.entries()) await proc.call(`e${i}_${m.fn}`, []);
        await proc.dispose();
      })();

    const rounds = Number(process.env['BENCH_PROCESSES_ROUNDS'] ?? 3);
    const runs: Record<string, { ms: number[]; cpu: number[] }> = { fresh: { ms: [], cpu: [] }, pooled: { ms: [], cpu: [] }, single: { ms: [], cpu: [] } };
    const order: [string, () => Promise<void>][] = [['fresh', perExercise], ['pooled', pooled], ['single', single]];
    let most = 0;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < order.length; k++) {
        const [name, run] = order[(r + k) % order.length]!;
        resetMostLive();
        const m = await measure(name, run);
        if (name === 'pooled') most = Math.max(most, mostLiveStudentProcesses());
        runs[name]!.ms.push(m.ms);
        runs[name]!.cpu.push(m.cpuMs);
      }
    }
    const fresh = median(runs['fresh']!.ms);
    const line = (name: string, what: string): void => {
      const ms = median(runs[name]!.ms);
      const cpu = median(runs[name]!.cpu);
      report(`10a. ${n} solutions, one call each (${isolation.mechanism}): ${what}`, `${(ms / 1000).toFixed(2)} s wall (${(ms / n).toFixed(0)} ms/exercise, ${(ms / fresh).toFixed(2)}× fresh), ${(cpu / 1000).toFixed(2)} s CPU of the student processes, median of ${rounds}`);
    };
    line('fresh', 'a fresh process per exercise');
    line('pooled', `a process per exercise, started ahead (at most ${most} alive)`);
    line('single', 'one process for all (item 5)');
  }

  if (only('b')) {
    const spare = StudentProcess.spare(modules[0]!.limits);
    await new Promise((r) => setTimeout(r, 1500)); // started and idle
    const pid = (spare as unknown as { child: { pid: number } }).child.pid;
    // its whole tree (bubblewrap, its init, Node) at one reading (tree-memory.ts)
    const memory = watchTreeMemory(pid).stop();
    await spare.dispose();
    report(`10b. an idle spare's resident set (${isolation.mechanism}: ${memory?.processes ?? '?'} processes)`, memory === undefined ? '— (no /proc here)' : `${memory.treeMb.toFixed(0)} MB`);
  }

  if (only('c')) {
    // CPU from the run's own profile (both modes profiled alike): the trusted process's, and its
    // student processes' read just before each ended (a waited-for child's rusage misses them)
    const profileFile = join(mkdtempSync(join(tmpdir(), 'dlgrade-bench-profile-')), 'profile.json');
    const cli = (flags: string[], env: NodeJS.ProcessEnv): { s: number; status: number | null; cpuMs: number } => {
      rmSync(profileFile, { force: true });
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', 'solutions', '--include-hidden', '--quiet', ...flags], { cwd: root, env: { ...process.env, ...env, DLGRADE_PROFILE: profileFile }, stdio: 'ignore' });
      const s = (performance.now() - t0) / 1000;
      let cpuMs = NaN;
      try {
        const p = JSON.parse(readFileSync(profileFile, 'utf8')) as ProfileReport;
        cpuMs = p.cpuMs.user + p.cpuMs.system + (p.spans[STUDENT_CPU_SPAN]?.ms ?? 0);
      } catch {
        // no profile written (the run failed): reported by its exit status
      }
      return { s, status: r.status, cpuMs };
    };
    const scenarios: [string, string[], number][] = [['five headline exercises', HEADLINE.flatMap((id) => ['--exercise', id]), Number(process.env['BENCH_PROCESSES_GRADE_ROUNDS'] ?? 3)]];
    if (process.env['BENCH_PROCESSES_COURSE'] !== '0') scenarios.push(['whole course', [], 1]);
    for (const [label, flags, rounds] of scenarios) {
      const off: number[] = [];
      const on: number[] = [];
      const offCpu: number[] = [];
      const onCpu: number[] = [];
      for (let r = 0; r < rounds; r++) {
        for (const prestart of r % 2 === 0 ? [false, true] : [true, false]) {
          const run = cli(flags, prestart ? {} : { DLGRADE_PRESTART: '0' });
          const cpu = run.cpuMs;
          if (run.status !== 0) report(`10c. ${label}, prestart ${prestart ? 'on' : 'off'}`, `exit ${run.status}`);
          (prestart ? on : off).push(run.s);
          (prestart ? onCpu : offCpu).push(cpu / 1000);
        }
      }
      report(
        `10c. dlgrade grade, ${label}: DLGRADE_PRESTART=0 → default`,
        `${median(off).toFixed(2)} → ${median(on).toFixed(2)} s wall (${(median(on) / median(off)).toFixed(2)}×), CPU of the grader and its student processes ${median(offCpu).toFixed(2)} → ${median(onCpu).toFixed(2)} s, median of ${rounds}`,
      );
    }
    rmSync(dirname(profileFile), { recursive: true, force: true });
  }

  if (only('d')) {
    const { regrade } = await import('../../grader/regrade/regrade.ts');
    const { selectExercises } = await import('../../grader/catalog/select.ts');
    const { addStudent, makeAssignment } = await import('../instructor/regrade-class.ts');
    type Answer = import('../instructor/regrade-class.ts').Answer;
    const size = Number(process.env['BENCH_PROCESSES_REGRADE_N'] ?? 30);
    const defs = selectExercises(catalog, ['ch01-intro-ml']);
    const assignment = makeAssignment(defs);
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-processes-regrade-'));
    const collected = join(dir, 'collected');
    mkdirSync(collected, { recursive: true });
    const bugs = Object.fromEntries(defs.map((d) => [d.id, readdirSync(join(root, 'tests/fixtures/buggy', d.chapter, d.name)).filter((f) => f.endsWith('.ts'))]));
    for (let i = 0; i < size; i++) {
      const answers: Record<string, Answer> = {};
      defs.forEach((d, k) => {
        const r = (i * 7 + k * 13) % 20;
        const list = bugs[d.id] ?? [];
        answers[d.id] = r < 10 || list.length === 0 ? 'solution' : r < 17 ? { fixture: join(root, 'tests/fixtures/buggy', d.chapter, d.name, list[(i + k) % list.length]!) } : 'stub';
      });
      addStudent(collected, assignment, { username: `student-${String(i).padStart(3, '0')}`, answers }, i);
    }
    for (const c of [1, 2]) {
      const rate: Record<string, number> = {};
      for (const prestart of c % 2 === 1 ? [false, true] : [true, false]) {
        if (prestart) delete process.env['DLGRADE_PRESTART'];
        else process.env['DLGRADE_PRESTART'] = '0';
        const t0 = performance.now();
        const summary = await regrade({ collectedDir: collected, resultsDir: join(dir, `c${c}-${prestart}`), manifest: assignment.manifestPath, catalog, concurrency: c });
        rate[String(prestart)] = summary.graded / ((performance.now() - t0) / 60_000);
      }
      delete process.env['DLGRADE_PRESTART'];
      report(`10d. regrade ${size} submissions of ch01 (${defs.length} exercises), concurrency ${c}: DLGRADE_PRESTART=0 → default`, `${rate['false']!.toFixed(1)} → ${rate['true']!.toFixed(1)} submissions/min (${(rate['true']! / rate['false']!).toFixed(2)}×)`);
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(assignment.dir, { recursive: true, force: true });
  }
}
