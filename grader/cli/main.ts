import { runShutdown } from '../shutdown.ts';
import { Command, CommanderError } from './commander.ts';
import { toolVersion } from '../paths.ts';
import { langFromArgv } from '../i18n/index.ts';
import { localizeCommander } from './commander-i18n.ts';
import { formatCliError } from './errors.ts';
import { cliText, setCliLang } from './lang.ts';

type Register = (program: Command) => void;

/**
 * Every subcommand, each in its own file under ./commands, loaded on demand: some pull in heavy
 * modules (TensorFlow.js, octokit, the TypeScript compiler) that other commands never need.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  grade: async () => (await import('./commands/grade.ts')).registerGrade,
  check: async () => (await import('./commands/check.ts')).registerCheck,
  list: async () => (await import('./commands/list.ts')).registerList,
  publish: async () => (await import('./commands/publish.ts')).registerPublish,
  classroom50: async () => (await import('../publish/classroom50-command.ts')).registerClassroom50,
  assign: async () => (await import('./commands/assign.ts')).registerAssign,
  provision: async () => (await import('./commands/provision.ts')).registerProvision,
  collect: async () => (await import('./commands/collect.ts')).registerCollect,
  regrade: async () => (await import('./commands/regrade.ts')).registerRegrade,
  gradebook: async () => (await import('./commands/gradebook.ts')).registerGradebook,
  verify: async () => (await import('./commands/verify.ts')).registerVerify,
  new: async () => (await import('./commands/new.ts')).registerNew,
  demo: async () => (await import('./commands/demo.ts')).registerDemo,
};

/**
 * Builds the `dlgrade` program. With `only` naming a known subcommand, just that one is loaded
 * (the common case: `dlgrade grade …`); otherwise all of them, for help and errors.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const m = cliText().cli;
  const program = localizeCommander(new Command('dlgrade').description(m.program), m, toolVersion())
    .showHelpAfterError(m.errors.seeHelp)
    .exitOverride();
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program);
  return program;
}

/** Runs the CLI and returns the exit code (0: grading ran; 1: --fail-under or check failed; 2: the grader could not run). */
export async function main(argv: string[]): Promise<number> {
  setCliLang(langFromArgv(argv.slice(2)));
  const args = argv.slice(3);
  if ((argv[2] === 'grade' || argv[2] === 'check') && !args.some((a) => a === '--help' || a === '-h' || a === '--watch' || a === '-w')) {
    // the first student process starts while the command and its imports load (spare-pool.ts)
    const [{ startEarlySpare }, { DEFAULT_EXERCISE_LIMITS }] = await Promise.all([import('../sandbox/spare-pool.ts'), import('../catalog/load.ts')]);
    startEarlySpare(DEFAULT_EXERCISE_LIMITS.memoryMb);
  }
  const program = await buildProgram(argv[2]);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(formatCliError(error) + '\n');
    return 2;
  } finally {
    await runShutdown();
  }
}
