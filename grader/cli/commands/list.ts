import { Option, type Command } from '../commander.ts';
import { pc } from '../../report/picocolors.ts';
import { listCatalog } from '../../catalog/course-map.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { issueMessage } from '../../catalog/issues.ts';
import type { CatalogIssue } from '../../catalog/types.ts';
import type { Lang } from '../../engine/result.ts';
import { parseLang, useColor } from '../options.ts';
import { cliLang, cliText } from '../lang.ts';
import { t } from '../../i18n/index.ts';

/** `dlgrade list`: the catalog by chapter, with titles, points and what to implement. */
export function registerList(program: Command): void {
  const h = cliText().cli.cmd.list;
  program
    .command('list')
    .description(h.description)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .option('--json', h.json)
    .option('--root <dir>', h.root)
    .action((opts: { lang: Lang; json?: boolean; root?: string }) => {
      const catalog = loadCatalog(opts.root !== undefined ? { root: opts.root } : {});
      const listing = listCatalog(catalog, opts.lang);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ chapters: listing, issues: catalog.issues.map((i) => ({ ...i, message: issueMessage(i, opts.lang) })) }, null, 2) + '\n');
        return;
      }
      const c = pc.createColors(useColor(process.stdout));
      const out: string[] = [];
      // an exercise the catalog could not load is listed in its chapter, with its problems (never hidden)
      const invalid = invalidExercises(catalog.issues);
      const shown = new Set<CatalogIssue>();
      for (const chapter of listing) {
        out.push(c.bold(`${String(chapter.number).padStart(2, ' ')}. ${chapter.title}`) + c.dim(`  (${chapter.id})`));
        for (const e of chapter.exercises) {
          const hidden = e.hiddenPoints > 0 ? c.dim(` +${e.hiddenPoints}`) : '';
          out.push(`    ${c.cyan(e.id.padEnd(48))} ${t(opts.lang).cli.list.pointsOf(e.points).padStart(7)}${hidden}  ${e.title}`);
          out.push(c.dim(`    ${''.padEnd(48)}          ${e.summary}`));
        }
        for (const [id, issues] of invalid) {
          if (!id.startsWith(`${chapter.id}/`)) continue;
          const loaded = catalog.exercises.some((e) => e.id === id);
          const label = loaded ? t(opts.lang).cli.list.hasProblems : t(opts.lang).cli.list.invalid;
          out.push(`    ${c.red(id.padEnd(48))} ${c.red(label)}`);
          for (const issue of issues) {
            shown.add(issue);
            out.push(c.yellow(`    ${''.padEnd(48)}   ${issue.file} [${issue.field}]: ${issueMessage(issue, opts.lang)}`));
          }
        }
      }
      for (const issue of catalog.issues.filter((i) => !shown.has(i))) out.push(c.yellow(`! ${issue.file} [${issue.field}]: ${issueMessage(issue, opts.lang)}`));
      process.stdout.write(out.join('\n') + '\n');
    });
}

/** The catalog's issues grouped by the exercise folder they belong to (`exercises/<chapter>/<exercise>/…`, or its reference or solution). */
export function invalidExercises(issues: readonly CatalogIssue[]): Map<string, CatalogIssue[]> {
  const out = new Map<string, CatalogIssue[]>();
  for (const issue of issues) {
    const m = /^(?:exercises|solutions)\/(ch\d{2}-[^/]+)\/([^/]+)\//.exec(issue.file) ?? /^reference\/(ch\d{2}-[^/]+)\/([^/]+)\.ts$/.exec(issue.file);
    if (!m) continue;
    const id = `${m[1]}/${m[2]}`;
    out.set(id, [...(out.get(id) ?? []), issue]);
  }
  return out;
}
