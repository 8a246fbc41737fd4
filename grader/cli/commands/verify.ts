import { Option, type Command } from '../commander.ts';
import type { Lang } from '../../engine/result.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { renderVerification, verifyCatalog } from '../../verify/verify.ts';
import { parseInteger, parseLang, parsePositive } from '../options.ts';
import { cliLang, cliText } from '../lang.ts';

interface VerifyCliOptions {
  root?: string;
  seed?: number;
  runs?: number;
  concurrency: number;
  mutation?: boolean;
  lang: Lang;
}

/** `dlgrade verify [exercise…]`: the catalog self-check; exit 1 when any check fails. */
export function registerVerify(program: Command): void {
  const h = cliText().cli.cmd.verify;
  program
    .command('verify')
    .description(h.description)
    .argument('[exercise...]', h.exercise)
    .option('--root <dir>', h.root)
    .option('--seed <n>', h.seed, parseInteger('--seed'))
    .option('--runs <n>', h.runs, parsePositive('--runs'))
    .option('--concurrency <n>', h.concurrency, parsePositive('--concurrency'), 2)
    .option('--mutation', h.mutation)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .action(async (selectors: string[], opts: VerifyCliOptions) => {
      const catalog = loadCatalog(opts.root !== undefined ? { root: opts.root } : {});
      if (opts.mutation) {
        const { mutationTest, renderMutation } = await import('../../verify/mutation.ts');
        const { selectExercises } = await import('../../catalog/select.ts');
        let survivors = 0;
        for (const def of selectExercises(catalog, selectors.length > 0 ? selectors : undefined)) {
          const report = await mutationTest(def, { catalog, concurrency: opts.concurrency, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.runs !== undefined ? { runs: opts.runs } : {}) });
          survivors += report.survived;
          process.stdout.write(renderMutation(report, opts.lang));
        }
        process.stdout.write(`\n${cliText().instructor.mutationSummary(survivors)}\n`);
        if (survivors > 0) process.exitCode = 1;
        return;
      }
      const report = await verifyCatalog({
        catalog,
        selectors,
        lang: opts.lang,
        concurrency: opts.concurrency,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
        onExercise: (v) => process.stdout.write(renderVerification(v)),
      });
      const bad = report.exercises.filter((e) => !e.ok);
      process.stdout.write(`\n${cliText().instructor.verifySummary(report.backend, report.exercises.length - bad.length, report.exercises.length, bad.map((e) => e.id))}\n`);
      if (!report.ok) process.exitCode = 1;
    });
}
