import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DlgradeError } from '../../errors.ts';
import { guardOutput } from '../output.ts';
import { addGradingOptions, runGrading, type GradeCliOptions } from './grade.ts';

/**
 * The student's loop: grades their working tree (./exercises, or --dir) with the same engine and
 * the same public properties as CI. Exit 1 when anything is not yet full marks (it is a test
 * command: `npm test` in an assignment repository calls it), 2 when the grader could not run.
 */
export function registerCheck(program: Command): void {
  addGradingOptions(
    program
      .command('check')
      .description('check your own exercises (the same checks CI runs): dlgrade check ch07-convolution/conv2d')
      .argument('[exercises...]', 'exercise ids, chapters or names (default: every exercise present in your tree)'),
  )
    .option('--dir <dir>', 'the folder holding your exercises (default: ./exercises)')
    .action(async (selectors: string[], opts: GradeCliOptions & { dir?: string }) => {
      guardOutput(); // student text is printed below: no workflow command may run from it
      const dir = resolve(opts.dir ?? 'exercises');
      if (!existsSync(dir)) {
        throw new DlgradeError({
          code: 'E_SUBMISSION_DIR',
          file: dir,
          message: `there is no exercises folder here (${dir})`,
          fix: 'run the command from the root of your assignment repository, or pass --dir <folder>',
        });
      }
      const chosen = [...selectors, ...(opts.exercise ?? [])];
      const { result, failedUnder } = await runGrading(dir, { ...opts, ...(chosen.length > 0 ? { exercise: chosen } : {}) }, 'student', opts.dir ?? 'exercises');
      const complete = result.exercises.every((e) => e.status === 'pass' || (chosen.length === 0 && e.reason === 'not-submitted'));
      process.exitCode = complete && !failedUnder ? 0 : 1;
    });
}
