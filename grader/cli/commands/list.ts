import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { listCatalog } from '../../catalog/course-map.ts';
import { loadCatalog } from '../../catalog/load.ts';
import type { Lang } from '../../engine/result.ts';
import { parseLang, useColor } from '../options.ts';
import { cliLang, cliText } from '../lang.ts';

/** `dlgrade list`: the catalog by chapter, with titles, points and what to implement. */
export function registerList(program: Command): void {
  const h = cliText().cli.cmd.list;
  program
    .command('list')
    .description(h.description)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .option('--json', h.json)
    .action((opts: { lang: Lang; json?: boolean }) => {
      const catalog = loadCatalog();
      const listing = listCatalog(catalog, opts.lang);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ chapters: listing, issues: catalog.issues }, null, 2) + '\n');
        return;
      }
      const c = pc.createColors(useColor(process.stdout));
      const out: string[] = [];
      for (const chapter of listing) {
        out.push(c.bold(`${String(chapter.number).padStart(2, ' ')}. ${chapter.title}`) + c.dim(`  (${chapter.id})`));
        for (const e of chapter.exercises) {
          const hidden = e.hiddenPoints > 0 ? c.dim(` +${e.hiddenPoints}`) : '';
          out.push(`    ${c.cyan(e.id.padEnd(48))} ${String(e.points).padStart(3)} pts${hidden}  ${e.title}`);
          out.push(c.dim(`    ${''.padEnd(48)}          ${e.summary}`));
        }
      }
      for (const issue of catalog.issues) out.push(c.yellow(`! ${issue.file} [${issue.field}]: ${issue.message}`));
      process.stdout.write(out.join('\n') + '\n');
    });
}
