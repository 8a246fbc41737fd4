import { Option, type Command } from '../commander.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Catalog } from '../../catalog/types.ts';
import { gradeSubmission, type GradeOptions } from '../../engine/grade.ts';
import type { GradeResult, Lang } from '../../engine/result.ts';
import { DEFAULT_SEED } from '../../engine/seed.ts';
import { DlgradeError } from '../../errors.ts';
import { INSTALL_ROOT, SAMPLE_SUBMISSION_DIR } from '../../paths.ts';
import { renderTerminal } from '../../report/terminal.ts';
import { belowThreshold, collect, parseInteger, parseLang, parsePositive, parseScore, useColor, type Threshold } from '../options.ts';
import { guardOutput } from '../output.ts';
import { writeReports } from '../write-reports.ts';
import { cliLang, cliText } from '../lang.ts';
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
  explain?: boolean;
  /** false with --no-typecheck */
  typecheck?: boolean;
}

/** The options grade and check share. */
export function addGradingOptions(command: Command): Command {
  const g = cliText().cli.cmd.gradingOptions;
  return command
    .option('-e, --exercise <id>', g.exercise, collect)
    .option('--seed <n>', g.seed, parseInteger('--seed'), DEFAULT_SEED)
    .option('--runs <n>', g.runs, parsePositive('--runs'))
    .addOption(new Option('--lang <lang>', g.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .option('--json <file>', g.json)
    .option('--markdown <file>', g.markdown)
    .addOption(new Option('--backend <name>', g.backend).choices(['tensorflow', 'wasm', 'cpu']))
    .option('--fail-under <score>', g.failUnder, parseScore)
    .option('--property <name>', g.property, collect)
    .option('--path <path>', g.path)
    .option('-v, --verbose', g.verbose)
    .option('-q, --quiet', g.quiet)
    .option('--no-typecheck', g.noTypecheck)
    .option('--explain', cliText().cli.cmd.check.explain);
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
      message: cliText().cli.notAFolder(flag, dir),
      fix: cliText().cli.notAFolderFix,
    });
  }
  return absolute;
}

/** Grades, prints, writes the files; returns the result and the exit code. */
export async function runGrading(
  dir: string,
  opts: GradeCliOptions,
  audience: 'student' | 'instructor',
  label: string,
  catalog?: Catalog,
  /** check --watch: its pool of processes started ahead, kept between runs (or prestart off) */
  processes?: Pick<GradeOptions, 'spares' | 'prestart'>,
): Promise<{ result: GradeResult; failedUnder: boolean }> {
  const result = await gradeSubmission({
    ...(catalog ? { catalog } : {}),
    ...processes,
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
    ...(opts.typecheck === false ? { typecheck: false } : {}),
    ...(opts.explain ? { explain: true } : {}),
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
  const h = cliText().cli.cmd.grade;
  const c = cliText().cli;
  addGradingOptions(
    program
      .command('grade')
      .description(h.description)
      .argument('[dir]', h.dir),
  )
    .option('--include-hidden', h.includeHidden)
    .action(async (dir: string | undefined, opts: GradeCliOptions) => {
      guardOutput(); // student text is printed below: no workflow command may run from it
      const folder = checkDir(dir ?? SAMPLE_SUBMISSION_DIR, c.submissionFolder);
      const label = dir ?? relative(INSTALL_ROOT, SAMPLE_SUBMISSION_DIR);
      // the bundled sample holds only some exercises: grade those, not the whole catalog
      const exercise = opts.exercise ?? (dir === undefined ? submittedExercises(folder) : undefined);
      const { failedUnder } = await runGrading(folder, { ...opts, ...(exercise ? { exercise } : {}) }, opts.includeHidden ? 'instructor' : 'student', label);
      // 0 whenever grading ran, whatever the score; 1 only when --fail-under says so
      process.exitCode = failedUnder ? 1 : 0;
    });
}
