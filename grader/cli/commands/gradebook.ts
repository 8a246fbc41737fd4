import { Option, type Command } from 'commander';
import type { Lang } from '../../engine/result.ts';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderGradebookCsv, renderGradebookJson } from '../../gradebook/csv.ts';
import { renderClassReport } from '../../gradebook/html.ts';
import { classReportModel } from '../../gradebook/report-model.ts';
import { mergeGradebook } from '../../gradebook/merge.ts';
import { DlgradeError } from '../../errors.ts';
import { writeAtomic } from '../../regrade/result-file.ts';
import { cliLang, cliText } from '../lang.ts';
import { parseLang } from '../options.ts';

interface MergeCliOptions {
  csv?: string;
  json?: string;
  html?: string;
  lang: Lang;
}

/** `dlgrade gradebook merge <results…>`: CSV, JSON and the HTML class report from regrade results. */
export function registerGradebook(program: Command): void {
  const h = cliText().cli.cmd.gradebook;
  const gradebook = program.command('gradebook').description(h.description);
  gradebook
    .command('merge')
    .description(h.merge)
    .argument('<results...>', h.results)
    .option('--csv <file>', h.csv)
    .option('--json <file>', h.json)
    .option('--html <file>', h.html)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .action(async (dirs: string[], opts: MergeCliOptions) => {
      for (const dir of dirs) {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
          throw new DlgradeError({ code: 'E_IO', file: resolve(dir), message: `results folder "${dir}" does not exist`, fix: 'give the --out folder(s) of dlgrade regrade' });
        }
      }
      if (opts.csv === undefined && opts.json === undefined && opts.html === undefined) {
        throw new DlgradeError({ code: 'E_OPTION', message: 'nothing to write', fix: 'give at least one of --csv, --json, --html' });
      }
      const { book, files } = await mergeGradebook(dirs);
      if (opts.csv !== undefined) writeAtomic(resolve(opts.csv), renderGradebookCsv(book, opts.lang));
      if (opts.json !== undefined) writeAtomic(resolve(opts.json), renderGradebookJson(book));
      if (opts.html !== undefined) writeAtomic(resolve(opts.html), renderClassReport(classReportModel(book, files, opts.lang)));
      const w = cliText().gradebook;
      const lines = [w.mergeSummary(book.students.length, book.exercises.length)];
      for (const d of book.duplicates) lines.push(w.duplicate(d.username, d.kept, d.dropped.join(', ')));
      for (const i of book.invalid) lines.push(w.ignored(i.file, i.message));
      process.stdout.write(lines.join('\n') + '\n');
    });
}
