import { Command, CommanderError } from 'commander';
import { registerAssign } from './commands/assign.ts';
import { registerCheck } from './commands/check.ts';
import { registerCollect } from './commands/collect.ts';
import { registerGrade } from './commands/grade.ts';
import { registerList } from './commands/list.ts';
import { registerProvision } from './commands/provision.ts';
import { registerPublish } from './commands/publish.ts';
import { registerRegrade } from './commands/regrade.ts';
import { registerGradebook } from './commands/gradebook.ts';
import { registerVerify } from './commands/verify.ts';
import { toolVersion } from '../paths.ts';
import { formatCliError } from './errors.ts';

/** Builds the `dlgrade` program. Each subcommand lives in its own file under ./commands. */
export function buildProgram(): Command {
  const program = new Command('dlgrade')
    .description('Ejercicios y corrección automática para «Deep Learning Profundo» / exercises and autograding')
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  registerGrade(program);
  registerCheck(program);
  registerList(program);
  registerPublish(program);
  registerAssign(program);
  registerProvision(program);
  registerRegrade(program);
  registerGradebook(program);
  registerVerify(program);
  registerCollect(program);
  return program;
}

/** Runs the CLI and returns the exit code (0: grading ran; 1: --fail-under or check failed; 2: the grader could not run). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(formatCliError(error) + '\n');
    return 2;
  }
}
