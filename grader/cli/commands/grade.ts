import { Option, type Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gradeSubmission } from '../../engine/grade.ts';
import type { GradeResult, Lang } from '../../engine/result.ts';
import { DEFAULT_SEED } from '../../engine/seed.ts';
import { DlgradeError } from '../../errors.ts';
import { INSTALL_ROOT, SAMPLE_SUBMISSION_DIR } from '../../paths.ts';
import { renderTerminal } from '../../report/terminal.ts';
import { belowThreshold, collect, parseInteger, parseLang, parsePositive, parseScore, useColor, type Threshold } from '../options.ts';
import { guardOutput } from '../output.ts';
import { writeReports } from '../write-reports.ts';
import { mark, timed } from '../../profile.ts';

export interface GradeCliOptions {
  exercise?: string[];
  seed: number;
  runs?: number;
  lang: Lang;
  json?: string;
  markdown?: string;
  backend?: string;
  failUnder?: Threshold;
  includeHidden?: boolean;
  property?: string[];
  path?: string;
  verbose?: boolean;
  quiet?: boolean;
}

/** The options grade and check share. */
export function addGradingOptions(command: Command): Command {
  return command
    .option('-e, --exercise <id>', 'exercise id, chapter or exercise name (repeatable)', collect)
    .option('--seed <n>', 'fast-check seed (fixed by default, so CI and your laptop agree)', parseInteger('--seed'), DEFAULT_SEED)
    .option('--runs <n>', 'cases per property (default: each property’s own)', parsePositive('--runs'))
    .addOption(new Option('--lang <lang>', 'language of the feedback').choices(['es', 'en']).default('es').argParser(parseLang))
    .option('--json <file>', 'write the result object (schema grader/schema/result.schema.json)')
    .option('--markdown <file>', 'write the Markdown report')
    .addOption(new Option('--backend <name>', 'TensorFlow.js backend of the reference (env DLGRADE_BACKEND)').choices(['tensorflow', 'wasm', 'cpu']))
    .option('--fail-under <score>', 'exit 1 when the score is below this (a number, or a percentage like 80%)', parseScore)
    .option('--property <name>', 'run only this property (repeatable; used by the reproduce command)', collect)
    .option('--path <path>', 'replay a counterexample: fast-check path printed in the report')
    .option('-v, --verbose', 'also list passing properties')
    .option('-q, --quiet', 'print nothing on the terminal');
}

/** `<chapter>/<exercise>` for every exercise file present in a submission folder. */
function submittedExercises(folder: string): string[] {
  const ids: string[] = [];
  for (const chapter of readdirSync(folder).sort()) {
    if (!statSync(join(folder, chapter)).isDirectory()) continue;
    for (const name of readdirSync(join(folder, chapter)).sort()) {
      if (existsSync(join(folder, chapter, name, `${name}.ts`))) ids.push(`${chapter}/${name}`);
    }
  }
  return ids;
}

function checkDir(dir: string, flag: string): string {
  const absolute = resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new DlgradeError({
      code: 'E_SUBMISSION_DIR',
      file: absolute,
      message: `${flag} "${dir}" is not a folder`,
      fix: 'give a folder that mirrors exercises/, e.g. <dir>/ch07-convolution/conv2d/conv2d.ts',
    });
  }
  return absolute;
}

/** Grades, prints, writes the files; returns the result and the exit code. */
export async function runGrading(dir: string, opts: GradeCliOptions, audience: 'student' | 'instructor', label: string): Promise<{ result: GradeResult; failedUnder: boolean }> {
  const result = await gradeSubmission({
    submissionDir: dir,
    submissionLabel: label,
    audience,
    seed: opts.seed,
    lang: opts.lang,
    ...(opts.exercise ? { exercises: opts.exercise } : {}),
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.backend ? { backend: opts.backend } : {}),
    ...(opts.property ? { properties: opts.property } : {}),
    ...(opts.path !== undefined ? { path: opts.path } : {}),
  });
  mark('graded');
  timed('reporting', () => {
    writeReports(result, { ...(opts.json ? { json: opts.json } : {}), ...(opts.markdown ? { markdown: opts.markdown } : {}), verbose: Boolean(opts.verbose) });
    if (!opts.quiet) process.stdout.write(renderTerminal(result, { color: useColor(process.stdout), verbose: Boolean(opts.verbose) }));
  });
  const failedUnder = opts.failUnder !== undefined && belowThreshold(result.score, result.maxScore, opts.failUnder);
  return { result, failedUnder };
}

export function registerGrade(program: Command): void {
  addGradingOptions(
    program
      .command('grade')
      .description('grade a submission folder that mirrors exercises/ (default: the bundled sample submission)')
      .argument('[dir]', 'submission folder: <dir>/<chapter>/<exercise>/<exercise>.ts'),
  )
    .option('--include-hidden', 'instructor grading: run the hidden properties too')
    .action(async (dir: string | undefined, opts: GradeCliOptions) => {
      guardOutput(); // student text is printed below: no workflow command may run from it
      const folder = checkDir(dir ?? SAMPLE_SUBMISSION_DIR, 'the submission folder');
      const label = dir ?? relative(INSTALL_ROOT, SAMPLE_SUBMISSION_DIR);
      // the bundled sample holds only some exercises: grade those, not the whole catalog
      const exercise = opts.exercise ?? (dir === undefined ? submittedExercises(folder) : undefined);
      const { failedUnder } = await runGrading(folder, { ...opts, ...(exercise ? { exercise } : {}) }, opts.includeHidden ? 'instructor' : 'student', label);
      // 0 whenever grading ran, whatever the score; 1 only when --fail-under says so
      process.exitCode = failedUnder ? 1 : 0;
    });
}
