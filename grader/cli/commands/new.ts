import { Option, type Command } from '../commander.ts';
import type { Lang } from '../../engine/result.ts';
import { newWords } from '../../scaffold/messages.ts';
import { scaffoldExercise } from '../../scaffold/scaffold.ts';
import { cliLang, cliText } from '../lang.ts';
import { parseLang } from '../options.ts';

interface NewCliOptions {
  signature: string[];
  root?: string;
  lang: Lang;
}

/** `dlgrade new <chapter>/<exercise> --signature "…"`: the files of a new exercise, ready to fill in. */
export function registerNew(program: Command): void {
  const h = cliText().cli.cmd.new;
  program
    .command('new')
    .description(h.description)
    .argument('<exercise>', h.exercise)
    .option('--signature <signature>', h.signature, (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--root <dir>', h.root)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .action((id: string, opts: NewCliOptions) => {
      const result = scaffoldExercise({ id, signatures: opts.signature, lang: opts.lang, ...(opts.root !== undefined ? { root: opts.root } : {}) });
      const words = newWords(opts.lang);
      const lines = [words.created(result.id), ...result.files.map((f) => `  ${f}`), `  ${words.orderUpdated(result.chapterFile)}`, '', ...words.next(result.id)];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
