import { InvalidArgumentError, Option, type Command } from '../commander.ts';
import type { Lang } from '../../engine/result.ts';
import { renderClassReportMarkdown } from '../../gradebook/markdown.ts';
import { parseLang } from '../options.ts';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderGradebookCsv, renderGradebookJson } from '../../gradebook/csv.ts';
import { renderClassReport } from '../../gradebook/html.ts';
import { classReportModel, DEFAULT_PASS_THRESHOLD } from '../../gradebook/report-model.ts';
import { mergeGradebook } from '../../gradebook/merge.ts';
import { DlgradeError } from '../../errors.ts';
import { writeAtomic } from '../../regrade/result-file.ts';
import { cliLang, cliText } from '../lang.ts';
import { t } from '../../i18n/index.ts';

interface MergeCliOptions {
  csv?: string;
  json?: string;
  html?: string;
  markdown?: string;
  lang: Lang;
  pass: number;
  webUrl?: string;
}

function parsePercent(value: string): number {
  const n = Number(value.trim().replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`--pass must be a percentage from 0 to 100, got "${value}"`);
  return n;
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
    .option('--markdown <file>', h.markdown)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .option('--pass <percent>', h.pass, parsePercent, DEFAULT_PASS_THRESHOLD)
    .option('--web-url <url>', h.webUrl, 'https://github.com')
    .action(async (dirs: string[], opts: MergeCliOptions) => {
      for (const dir of dirs) {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
          throw new DlgradeError({ code: 'E_IO', file: resolve(dir), message: cliText().errors.gradebook.noResults(dir), fix: cliText().errors.gradebook.noResultsFix });
        }
      }
      if (opts.csv === undefined && opts.json === undefined && opts.html === undefined && opts.markdown === undefined) {
        throw new DlgradeError({ code: 'E_OPTION', message: cliText().errors.gradebook.nothingToWrite, fix: cliText().errors.gradebook.nothingToWriteFix });
      }
      const { book, files } = await mergeGradebook(dirs);
      if (opts.csv !== undefined) writeAtomic(resolve(opts.csv), renderGradebookCsv(book, opts.lang));
      if (opts.json !== undefined) writeAtomic(resolve(opts.json), renderGradebookJson(book));
      const model = classReportModel(book, files, { lang: opts.lang, passThreshold: opts.pass, ...(opts.webUrl !== undefined ? { webUrl: opts.webUrl } : {}) });
      if (opts.html !== undefined) writeAtomic(resolve(opts.html), renderClassReport(model));
      if (opts.markdown !== undefined) writeAtomic(resolve(opts.markdown), renderClassReportMarkdown(model));
      const w = t(opts.lang).gradebook;
      const lines = [w.mergeSummary(book.students.length, book.exercises.length)];
      for (const d of book.duplicates) lines.push(w.duplicate(d.username, d.kept, d.dropped.join(', ')));
      for (const i of book.invalid) lines.push(w.ignored(i.file, i.message));
      process.stdout.write(lines.join('\n') + '\n');
    });
}
