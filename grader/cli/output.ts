/**
 * The output edge of `grade`, `check` and `regrade`: everything they write to stdout and stderr
 * goes through here, and student text reaches those streams (error messages, printed output,
 * file names). On GitHub Actions the runner executes a line as a workflow command when, after
 * leading whitespace (.NET's TrimStart: any Unicode white space), it starts with `::`
 * (`::error ::…`, `::add-mask::…`, `::stop-commands::…`), and when it holds `##[` anywhere (the
 * legacy form, unanchored); a bare CR also ends a line there (actions/runner:
 * src/Runner.Common/ActionCommand.cs TryParseV2 / TryParse, src/Runner.Worker/ActionCommandManager.cs).
 * So, under GITHUB_ACTIONS=true, every `::` and every `##[` in the text is broken with a zero-width
 * space: invisible to the reader, and no line can start a command, wherever the runner cuts lines.
 * These commands print nothing that should run as a command (publish does that, on its own).
 */
const ZWSP = '\u200B';

/** Text that the Actions runner cannot read as a workflow command, however it splits lines. */
export function breakWorkflowCommands(text: string): string {
  return text.replace(/:(?=:)/g, `:${ZWSP}`).replace(/#(?=#\[)/g, `#${ZWSP}`);
}

const guarded = new WeakSet<NodeJS.WriteStream>();

function guard(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const decoder = new TextDecoder();
  let tail = ''; // the last two characters written: a command may be split across two writes
  stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    let text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? decoder.decode(chunk, { stream: true }) : String(chunk);
    if (text === '') return write(text, ...rest);
    if ((tail.endsWith(':') && text.startsWith(':')) || (tail.endsWith('#') && text.startsWith('#[')) || (tail === '##' && text.startsWith('['))) text = ZWSP + text;
    const out = breakWorkflowCommands(text);
    tail = (tail + out).slice(-2);
    return write(out, ...rest);
  }) as typeof stream.write;
}

/**
 * Puts the guard on process.stdout and process.stderr when running on GitHub Actions (or when
 * `force` says so); every renderer, the progress bar and error messages write through it.
 */
export function guardOutput(options: { env?: NodeJS.ProcessEnv; force?: boolean } = {}): boolean {
  const env = options.env ?? process.env;
  if (!options.force && env['GITHUB_ACTIONS'] !== 'true') return false;
  guard(process.stdout);
  guard(process.stderr);
  return true;
}
