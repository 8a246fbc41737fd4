import { InvalidArgumentError, Option, type Command } from 'commander';
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
  const gradebook = program.command('gradebook').description('instructors: the gradebook of a regrade');
  gradebook
    .command('merge')
    .description('join regrade results (one folder, or one per shard) into a CSV, a JSON and a self-contained HTML class report')
    .argument('<results...>', 'folders holding <username>.json files written by dlgrade regrade')
    .option('--csv <file>', 'one row per student: scores per exercise, total, late and tamper flags, errors')
    .option('--json <file>', 'the same data, versioned (kind dlgrade-gradebook, version 1)')
    .option('--html <file>', 'class report: summary, histogram, per exercise, per property, per student (sortable tables, detail per student)')
    .option('--markdown <file>', 'the class report in Markdown, for a pull request or an issue')
    .addOption(new Option('--lang <lang>', 'language of the class report').choices(['es', 'en']).default('es').argParser(parseLang))
    .option('--pass <percent>', 'percentage a student needs to pass («aprobado»)', parsePercent, DEFAULT_PASS_THRESHOLD)
    .option('--web-url <url>', 'where the repositories are on the web, for the links (GitHub Enterprise Server)', 'https://github.com')
    .action(async (dirs: string[], opts: MergeCliOptions) => {
      for (const dir of dirs) {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
          throw new DlgradeError({ code: 'E_IO', file: resolve(dir), message: `results folder "${dir}" does not exist`, fix: 'give the --out folder(s) of dlgrade regrade' });
        }
      }
      if (opts.csv === undefined && opts.json === undefined && opts.html === undefined && opts.markdown === undefined) {
        throw new DlgradeError({ code: 'E_OPTION', message: 'nothing to write', fix: 'give at least one of --csv, --json, --html, --markdown' });
      }
      const { book, files } = await mergeGradebook(dirs);
      if (opts.csv !== undefined) writeAtomic(resolve(opts.csv), renderGradebookCsv(book));
      if (opts.json !== undefined) writeAtomic(resolve(opts.json), renderGradebookJson(book));
      const model = classReportModel(book, files, { lang: opts.lang, passThreshold: opts.pass, ...(opts.webUrl !== undefined ? { webUrl: opts.webUrl } : {}) });
      if (opts.html !== undefined) writeAtomic(resolve(opts.html), renderClassReport(model));
      if (opts.markdown !== undefined) writeAtomic(resolve(opts.markdown), renderClassReportMarkdown(model));
      const lines = [`gradebook: ${book.students.length} estudiante(s), ${book.exercises.length} ejercicio(s)`];
      for (const d of book.duplicates) lines.push(`duplicado: ${d.username}: se usa ${d.kept} (el más reciente); se descarta ${d.dropped.join(', ')}`);
      for (const i of book.invalid) lines.push(`ignorado: ${i.file}: ${i.message}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
