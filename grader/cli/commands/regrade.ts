import { Option, type Command } from '../commander.ts';
import { existsSync } from 'node:fs';
import { DEFAULT_SEED } from '../../engine/seed.ts';
import type { Lang } from '../../engine/result.ts';
import { killChildren } from '../../regrade/children.ts';
import { killWorkers } from '../../regrade/run-worker.ts';
import { createProgress } from '../../regrade/progress.ts';
import { defaultConcurrency, regrade, removeLiveTrees } from '../../regrade/regrade.ts';
import { readRosterStudents } from '../../regrade/roster.ts';
import { parseShard } from '../../regrade/shard.ts';
import { guardOutput } from '../output.ts';
import { collect, parseInteger, parseLang, parsePositive } from '../options.ts';
import { cliLang, cliText } from '../lang.ts';

const DEFAULT_MANIFEST = '.dlgrade/manifest.json';

interface RegradeCliOptions {
  out: string;
  manifest?: string;
  exercise?: string[];
  roster?: string;
  shard?: string;
  seed: number;
  runs?: number;
  lang: Lang;
  backend?: string;
  concurrency: number;
  force?: boolean;
  allowWeakSandbox?: boolean;
  studentTimeout?: number;
}

/** `dlgrade regrade <collected> --out <results>`: the score of record, one file per student. */
export function registerRegrade(program: Command): void {
  const h = cliText().cli.cmd.regrade;
  program
    .command('regrade')
    .description(h.description)
    .argument('<collected>', h.collected)
    .requiredOption('--out <dir>', h.out)
    .option('--manifest <file>', h.manifest)
    .option('-e, --exercise <id>', h.exercise, collect)
    .option('--roster <csv>', h.roster)
    .option('--shard <i/n>', h.shard)
    .option('--seed <n>', h.seed, parseInteger('--seed'), DEFAULT_SEED)
    .option('--runs <n>', h.runs, parsePositive('--runs'))
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .addOption(new Option('--backend <name>', h.backend).choices(['tensorflow', 'wasm', 'cpu']))
    .option('--concurrency <n>', h.concurrency, parsePositive('--concurrency'), defaultConcurrency())
    .option('--student-timeout <seconds>', h.studentTimeout, parsePositive('--student-timeout'))
    .option('--allow-weak-sandbox', h.allowWeakSandbox)
    .option('--force', h.force)
    .action(async (collected: string, opts: RegradeCliOptions) => {
      guardOutput(); // student text is printed below: no workflow command may run from it
      // the instructor repository may keep the template's manifest at .dlgrade/manifest.json
      const manifest = opts.manifest ?? (process.env['DLGRADE_MANIFEST'] || (existsSync(DEFAULT_MANIFEST) ? DEFAULT_MANIFEST : undefined));
      const progress = createProgress(process.stderr, opts.lang);
      let stopping = false;
      const onSigint = (): void => {
        if (stopping) process.exit(130);
        stopping = true;
        progress.stop();
        removeLiveTrees();
        killChildren();
        killWorkers();
        process.stderr.write(`\n${cliText().instructor.regradeInterrupted}\n`);
        process.exit(130);
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      try {
        const summary = await regrade({
          collectedDir: collected,
          resultsDir: opts.out,
          seed: opts.seed,
          lang: opts.lang,
          concurrency: opts.concurrency,
          ...(manifest !== undefined && manifest !== '' ? { manifest } : {}),
          ...(opts.exercise ? { exercises: opts.exercise } : {}),
          ...(opts.roster !== undefined ? { students: readRosterStudents(opts.roster) } : {}),
          ...(opts.shard !== undefined ? { shard: parseShard(opts.shard) } : {}),
          ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
          ...(opts.backend !== undefined ? { backend: opts.backend } : {}),
          ...(opts.force ? { force: true } : {}),
          ...(opts.allowWeakSandbox ? { allowWeakSandbox: true } : {}),
          ...(opts.studentTimeout !== undefined ? { studentTimeLimitMs: opts.studentTimeout * 1000 } : {}),
          onPlan: (plan) => progress.start(plan.toGrade, plan.skipped.length),
          onStudent: (o) => progress.student(o),
          shouldStop: () => stopping,
        });
        progress.stop();
        const tampered = summary.outcomes.filter((o) => o.tampered).map((o) => o.username);
        const graderErrors = summary.outcomes.filter((o) => o.graderError).map((o) => o.username);
        const noSubmission = summary.outcomes.filter((o) => o.state === 'no-submission').map((o) => o.username);
        const say = cliText().instructor;
        process.stdout.write(
          say.regradeSummary(summary.total, summary.graded, summary.skipped, summary.noSubmission, summary.errors) +
            (noSubmission.length > 0 ? say.regradeNoSubmission(noSubmission) : '') +
            (tampered.length > 0 ? say.regradeTampered(tampered) : '') +
            (graderErrors.length > 0 ? say.regradeGraderErrors(graderErrors) : '') +
            (summary.weakSandbox ? say.regradeWeakSandbox(summary.weakSandbox.mechanism, summary.weakSandbox.missing) : '') +
            summary.outcomes.filter((o) => o.state === 'error').map((o) => say.regradeStudentError(o.username, o.errors)).join(''),
        );
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
      }
    });
}
