import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DlgradeError } from '../../errors.ts';
import { guardOutput } from '../output.ts';
import { addGradingOptions, runGrading, type GradeCliOptions } from './grade.ts';
import { cliText } from '../lang.ts';
import { watchAndGrade } from '../watch.ts';

/**
 * The student's loop: grades their working tree (./exercises, or --dir) with the same engine and
 * the same public properties as CI. Exit 1 when anything is not yet full marks (it is a test
 * command: `npm test` in an assignment repository calls it), 2 when the grader could not run.
 */
export function registerCheck(program: Command): void {
  const h = cliText().cli.cmd.check;
  addGradingOptions(
    program
      .command('check')
      .description(h.description)
      .argument('[exercises...]', h.exercises),
  )
    .option('--dir <dir>', h.dir)
    .option('-w, --watch', h.watch)
    .action(async (selectors: string[], opts: GradeCliOptions & { dir?: string; watch?: boolean }) => {
      guardOutput(); // student text is printed below: no workflow command may run from it
      const dir = resolve(opts.dir ?? 'exercises');
      if (!existsSync(dir)) {
        throw new DlgradeError({
          code: 'E_SUBMISSION_DIR',
          file: dir,
          message: cliText().cli.noExercisesDir(dir),
          fix: cliText().cli.noExercisesDirFix,
        });
      }
      const chosen = [...selectors, ...(opts.exercise ?? [])];
      if (opts.watch) {
        await watchAndGrade({ dir, label: opts.dir ?? 'exercises', selectors: chosen, opts, run: runGrading });
        process.exitCode = 0;
        return;
      }
      const { result, failedUnder } = await runGrading(dir, { ...opts, ...(chosen.length > 0 ? { exercise: chosen } : {}) }, 'student', opts.dir ?? 'exercises');
      const complete = result.exercises.every((e) => e.status === 'pass' || (chosen.length === 0 && e.reason === 'not-submitted'));
      process.exitCode = complete && !failedUnder ? 0 : 1;
    });
}
