import type { Command } from 'commander';
import { loadCatalog } from '../../catalog/load.ts';
import { renderVerification, verifyCatalog } from '../../verify/verify.ts';
import { parseInteger, parsePositive } from '../options.ts';

interface VerifyCliOptions {
  root?: string;
  seed?: number;
  runs?: number;
  concurrency: number;
  mutation?: boolean;
}

/** `dlgrade verify [exercise…]`: the catalog self-check; exit 1 when any check fails. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('instructors: check exercises: catalog, statements, solution full marks (default backend and cpu), stub 0, buggy fixtures caught, variants full marks')
    .argument('[exercise...]', 'exercise ids, chapters or names (default: all)')
    .option('--root <dir>', 'course root holding exercises/, reference/, solutions/ and tests/fixtures/ (default: this install)')
    .option('--seed <n>', 'fast-check seed', parseInteger('--seed'))
    .option('--runs <n>', 'cases per property (default: each property’s own)', parsePositive('--runs'))
    .option('--concurrency <n>', 'gradings at once', parsePositive('--concurrency'), 2)
    .option('--mutation', 'mutation testing instead: grade every StrykerJS mutant of each solution, print the score and every surviving mutant (slow)')
    .action(async (selectors: string[], opts: VerifyCliOptions) => {
      const catalog = loadCatalog(opts.root !== undefined ? { root: opts.root } : {});
      if (opts.mutation) {
        const { mutationTest, renderMutation } = await import('../../verify/mutation.ts');
        const { selectExercises } = await import('../../catalog/select.ts');
        let survivors = 0;
        for (const def of selectExercises(catalog, selectors.length > 0 ? selectors : undefined)) {
          const report = await mutationTest(def, { catalog, concurrency: opts.concurrency, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.runs !== undefined ? { runs: opts.runs } : {}) });
          survivors += report.survived;
          process.stdout.write(renderMutation(report));
        }
        process.stdout.write(`\nverify --mutation: ${survivors === 0 ? 'no surviving mutant outside equivalentMutants' : `${survivors} surviving mutant(s): strengthen the properties, or record an equivalent one in exercise.yaml equivalentMutants with its reason`}\n`);
        if (survivors > 0) process.exitCode = 1;
        return;
      }
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
