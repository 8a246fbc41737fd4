import type { Command } from 'commander';
import { loadCatalog } from '../../catalog/load.ts';
import { renderVerification, verifyCatalog } from '../../verify/verify.ts';
import { parseInteger, parsePositive } from '../options.ts';

interface VerifyCliOptions {
  root?: string;
  seed?: number;
  runs?: number;
  concurrency: number;
}

/** `dlgrade verify [exercise…]`: the catalog self-check; exit 1 when any check fails. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('authors: every catalog check for the exercises named (default all): catalog, statements, no TODO(dlgrade new), fixtures, worked examples, solution full marks (default backend and cpu), stub 0, constant answers 0, buggy fixtures caught, variants full marks')
    .argument('[exercise...]', 'exercise ids, chapters or names (default: all)')
    .option('--root <dir>', 'course root holding exercises/, reference/, solutions/ and tests/fixtures/ (default: this install)')
    .option('--seed <n>', 'fast-check seed', parseInteger('--seed'))
    .option('--runs <n>', 'cases per property (default: each property’s own)', parsePositive('--runs'))
    .option('--concurrency <n>', 'gradings at once', parsePositive('--concurrency'), 2)
    .action(async (selectors: string[], opts: VerifyCliOptions) => {
      const catalog = loadCatalog(opts.root !== undefined ? { root: opts.root } : {});
      const report = await verifyCatalog({
        catalog,
        selectors,
        concurrency: opts.concurrency,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
        onExercise: (v) => process.stdout.write(renderVerification(v)),
      });
      const bad = report.exercises.filter((e) => !e.ok);
      process.stdout.write(`\nverify (${report.backend} + cpu): ${report.exercises.length - bad.length}/${report.exercises.length} ejercicio(s) correctos${bad.length > 0 ? `; fallan: ${bad.map((e) => e.id).join(', ')}` : ''}\n`);
      if (!report.ok) process.exitCode = 1;
    });
}
