/**
 * The command line of a self-contained grader (`.dlgrade/grader.mjs` in an assignment repository):
 * only what students and their workflow run (`check`, `grade`, `list`, and `classroom50`, which
 * writes Classroom 50's result.json for the shipped autograder.py), over the embedded catalog.
 * No publish, no instructor tooling: nothing here needs a token.
 */
import { Command, CommanderError } from '../cli/commander.ts';
import { registerCheck } from '../cli/commands/check.ts';
import { registerGrade } from '../cli/commands/grade.ts';
import { registerList } from '../cli/commands/list.ts';
import { formatCliError } from '../cli/errors.ts';
import { registerClassroom50 } from '../publish/classroom50-command.ts';
import { toolVersion } from '../paths.ts';

export async function runBundledCli(argv: string[]): Promise<number> {
  const program = new Command('dlgrade')
    .description('Comprueba tus ejercicios de «Deep Learning Profundo» / check your exercises')
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  registerCheck(program);
  registerGrade(program);
  registerList(program);
  registerClassroom50(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error: unknown) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(formatCliError(error) + '\n');
    return 2;
  }
}
