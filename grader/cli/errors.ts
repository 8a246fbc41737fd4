import { pc } from '../report/picocolors.ts';
import { DlgradeError, describeThrown } from '../errors.ts';
import { cliText } from './lang.ts';

/** One message for the terminal: code, file, what, fix, and the chain of causes. */
export function formatCliError(error: unknown): string {
  if (error instanceof DlgradeError) {
    const lines = [`${pc.red('dlgrade')} ${pc.bold(error.code)}${error.file ? ` ${error.file}` : ''}: ${error.message}`];
    if (error.fix) lines.push(`  ${pc.cyan('→')} ${error.fix}`);
    let cause: unknown = error.cause;
    for (let depth = 0; cause !== undefined && depth < 5; depth++) {
      lines.push(`  ${pc.dim(cliText().cli.errors.cause)} ${describeThrown(cause)}`);
      cause = cause instanceof Error ? cause.cause : undefined;
    }
    return lines.join('\n');
  }
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `${pc.red('dlgrade')} ${pc.bold('E_INTERNAL')}: ${describeThrown(error)}${stack}\n  → ${cliText().cli.errors.internal}`;
}
