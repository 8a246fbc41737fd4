/**
 * `npm run bench watch` (issue 12, item 7): a warm `check --watch` re-run of conv2d against its
 * goal, alternated in one run with a cold `check` of the same file, a cold `check` of a file edited
 * since its last check (its type check runs: a student's loop without the watcher), the same two
 * in an assignment repository (its self-contained .dlgrade/grader.mjs) and a watcher
 * that starts no sandbox ahead (DLGRADE_WATCH_SPARE=0, the behaviour before the spare process). Measured,
 * never asserted. The re-run is the watcher's own "corregido en N ms" (from the moment it starts
 * grading to the end of the report); "save → report" adds the debounce and the file watcher's
 * settling time, measured from the write.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildGraderBundle } from '../../grader/assign/bundle.ts';
import { REQUIRED_PACKAGES } from '../../grader/assign/package-json.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { formatTreeMemory, type TreeMemory, watchTreeMemory } from './tree-memory.ts';

const EXERCISE = 'ch07-convolution/conv2d';
export const WATCH_GOAL_MS = 300;

interface Watcher {
  child: ChildProcess;
  file: string;
  out: () => string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
}

async function waitFor(w: Watcher, pattern: RegExp, from: number, timeoutMs = 120_000): Promise<RegExpExecArray> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = pattern.exec(w.out().slice(from));
    if (found) return found;
    if (w.child.exitCode !== null) throw new Error(`the watcher exited:\n${w.out()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${w.out()}`);
}

function startWatcher(root: string, solution: string, env: NodeJS.ProcessEnv): Watcher {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-watch-'));
  const file = join(dir, 'exercises', 'ch07-convolution', 'conv2d', 'conv2d.ts');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, solution);
  const child = spawn(process.execPath, [join(root, 'bin/dlgrade.js'), 'check', '--watch', EXERCISE], { cwd: dir, env: { ...process.env, DLGRADE_LANG: '', NO_COLOR: '1', ...env } });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return { child, file, out: () => out };
}

/**
 * An assignment repository of conv2d as `dlgrade assign` makes one, for its self-contained grader
 * (.dlgrade/grader.mjs): the packages it installs are linked from the install, the solution is
 * its student's file.
 */
async function assignmentRepo(root: string, solution: string): Promise<{ dir: string; file: string }> {
  const catalog = loadCatalog();
  const bundle = await buildGraderBundle({ exercises: selectExercises(catalog, [EXERCISE]), chapters: catalog.chapters });
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-assignment-'));
  mkdirSync(join(dir, '.dlgrade'));
  writeFileSync(join(dir, '.dlgrade', 'grader.mjs'), bundle);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tarea', private: true, type: 'module' }));
  for (const name of REQUIRED_PACKAGES) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  const file = join(dir, 'exercises', 'ch07-convolution', 'conv2d', 'conv2d.ts');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, solution);
  return { dir, file };
}

/** One save: the re-run's own figure and the time from the write to the end of the report. */
async function save(w: Watcher, text: string): Promise<{ rerunMs: number; latencyMs: number }> {
  const from = w.out().length;
  const t0 = performance.now();
  writeFileSync(w.file, text);
  const done = await waitFor(w, /corregido en (\d+) ms/, from);
  return { rerunMs: Number(done[1]), latencyMs: performance.now() - t0 };
}

export async function benchWatch(root: string, report: (label: string, value: string) => void): Promise<void> {
  const rounds = Number(process.env['BENCH_WATCH_ROUNDS'] ?? 7);
  const solution = readFileSync(join(root, 'solutions', EXERCISE, 'conv2d.ts'), 'utf8');
  const withSpare = startWatcher(root, solution, {});
  const without = startWatcher(root, solution, { DLGRADE_WATCH_SPARE: '0' });
  const coldDir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-cold-'));
  const coldFile = join(coldDir, 'exercises', 'ch07-convolution', 'conv2d', 'conv2d.ts');
  mkdirSync(join(coldFile, '..'), { recursive: true });
  copyFileSync(join(root, 'solutions', EXERCISE, 'conv2d.ts'), coldFile);
  // the same cold check of a file that changed since its last check (a comment, as a student's
  // edit): its type-check findings are not cached, so the checker's thread starts and checks it
  const editedDir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-edited-'));
  const editedFile = join(editedDir, 'exercises', 'ch07-convolution', 'conv2d', 'conv2d.ts');
  mkdirSync(join(editedFile, '..'), { recursive: true });
  const assignment = await assignmentRepo(root, solution);
  const figures = { assignment: [] as number[], assignmentEdited: [] as number[], cold: [] as number[], edited: [] as number[], spare: [] as number[], spareLatency: [] as number[], plain: [] as number[], plainLatency: [] as number[] };
  // the watcher with its spare: its own process and its student processes, over every round
  const memory = withSpare.child.pid !== undefined ? watchTreeMemory(withSpare.child.pid) : undefined;
  let peak: TreeMemory | undefined;
  try {
    await waitFor(withSpare, /Vigilando 1 ejercicio/, 0);
    await waitFor(without, /Vigilando 1 ejercicio/, 0);
    for (let i = 0; i < rounds; i++) {
      // a student takes a few seconds between saves: the watcher is idle meanwhile
      await new Promise((r) => setTimeout(r, 1500));
      const t0 = performance.now();
      const cold = spawnSync(process.execPath, [join(root, 'bin/dlgrade.js'), 'check', EXERCISE], { cwd: coldDir, env: { ...process.env, DLGRADE_LANG: '', NO_COLOR: '1' }, stdio: 'ignore' });
      figures.cold.push(performance.now() - t0);
      if (cold.status !== 0) report('9. cold check of conv2d', `exit ${cold.status}`);
      writeFileSync(editedFile, `${solution}\n// edit ${process.pid} ${i}\n`);
      const t1 = performance.now();
      const edited = spawnSync(process.execPath, [join(root, 'bin/dlgrade.js'), 'check', EXERCISE], { cwd: editedDir, env: { ...process.env, DLGRADE_LANG: '', NO_COLOR: '1' }, stdio: 'ignore' });
      figures.edited.push(performance.now() - t1);
      if (edited.status !== 0) report('9. cold check of conv2d after an edit', `exit ${edited.status}`);
      // the same two in an assignment repository (its one-file grader, with its own reference cache)
      for (const [key, text] of [['assignment', solution], ['assignmentEdited', `${solution}\n// edit ${process.pid} ${i}\n`]] as const) {
        writeFileSync(assignment.file, text);
        const t2 = performance.now();
        const r = spawnSync(process.execPath, ['.dlgrade/grader.mjs', 'check', EXERCISE], { cwd: assignment.dir, env: { ...process.env, DLGRADE_LANG: '', NO_COLOR: '1' }, stdio: 'ignore' });
        figures[key].push(performance.now() - t2);
        if (r.status !== 0) report(`9. ${key} check of conv2d`, `exit ${r.status}`);
      }
      await new Promise((r) => setTimeout(r, 1500));
      // the text changes at every save (a comment), as an edit would
      const a = await save(withSpare, `${solution}\n// save ${i}\n`);
      figures.spare.push(a.rerunMs);
      figures.spareLatency.push(a.latencyMs);
      const b = await save(without, `${solution}\n// save ${i}\n`);
      figures.plain.push(b.rerunMs);
      figures.plainLatency.push(b.latencyMs);
    }
  } finally {
    peak = memory?.stop();
    for (const w of [withSpare, without]) w.child.kill('SIGINT');
    await Promise.all([withSpare, without].map((w) => new Promise((r) => (w.child.exitCode !== null ? r(undefined) : w.child.once('exit', r)))));
    for (const w of [withSpare, without]) rmSync(join(w.file, '..', '..', '..', '..'), { recursive: true, force: true });
    rmSync(coldDir, { recursive: true, force: true });
    rmSync(editedDir, { recursive: true, force: true });
    rmSync(assignment.dir, { recursive: true, force: true });
  }
  const ms = (v: number): string => `${v.toFixed(0)} ms`;
  const spread = (v: number[]): string => `median of ${v.length}, ${ms(Math.min(...v))}–${ms(Math.max(...v))}`;
  report('9. cold `check` of conv2d (new process, wall)', `${ms(median(figures.cold))} (${spread(figures.cold)})`);
  report('9. the same after an edit (its type check runs)', `${ms(median(figures.edited))} (${spread(figures.edited)})`);
  report('9. cold `check` of conv2d in an assignment repository', `${ms(median(figures.assignment))} (${spread(figures.assignment)}); after an edit ${ms(median(figures.assignmentEdited))}`);
  report('9. warm `check --watch` re-run of conv2d', `${ms(median(figures.spare))} (${spread(figures.spare)}; goal ≤ ${WATCH_GOAL_MS} ms)`);
  report('   the same, no sandbox started ahead (DLGRADE_WATCH_SPARE=0)', `${ms(median(figures.plain))} (${spread(figures.plain)})`);
  report('   save → report (debounce and file watcher included)', `${ms(median(figures.spareLatency))} (no spare: ${ms(median(figures.plainLatency))})`);
  report('   peak memory, the watcher and its student processes', formatTreeMemory(peak));
  report('   warm re-run / cold check', `${(median(figures.spare) / median(figures.cold)).toFixed(2)}×`);
}
