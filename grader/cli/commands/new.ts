import { Option, type Command } from 'commander';
import type { Lang } from '../../engine/result.ts';
import { newWords } from '../../scaffold/messages.ts';
import { scaffoldExercise } from '../../scaffold/scaffold.ts';
import { parseLang } from '../options.ts';

interface NewCliOptions {
  signature: string[];
  root?: string;
  lang: Lang;
}

/** `dlgrade new <chapter>/<exercise> --signature "…"`: the files of a new exercise, ready to fill in. */
export function registerNew(program: Command): void {
  program
    .command('new')
    .description('authors: scaffold a new exercise (statement, stub, spec, reference, solution, fixtures) from its signatures')
    .argument('<exercise>', 'the new exercise id, <chapter>/<exercise>, e.g. ch15-losses/tversky-loss')
    .option('--signature <signature>', 'an exported function, e.g. "fn(x: number[], k: number): number[]" (repeat for several)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--root <dir>', 'course root holding exercises/, reference/, solutions/ and tests/fixtures/ (default: this install)')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['es', 'en']).default('es').argParser(parseLang))
    .action((id: string, opts: NewCliOptions) => {
      const result = scaffoldExercise({ id, signatures: opts.signature, lang: opts.lang, ...(opts.root !== undefined ? { root: opts.root } : {}) });
      const words = newWords(opts.lang);
      const lines = [words.created(result.id), ...result.files.map((f) => `  ${f}`), `  ${words.orderUpdated(result.chapterFile)}`, '', ...words.next(result.id)];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
