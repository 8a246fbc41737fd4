import { Option, type Command } from '../commander.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, renderCollectLine, renderCollectTotals } from '../../collect/collect.ts';
import { collectWords } from '../../collect/messages.ts';
import type { Lang } from '../../engine/result.ts';
import { DlgradeError } from '../../errors.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { formatRosterIssue, parseShard, readRoster, shardRoster } from '../../provision/roster.ts';
import { parseLang, parsePositive } from '../options.ts';
import { createStudentProgress } from '../student-progress.ts';
import { cliLang, cliText } from '../lang.ts';

interface CollectCliOptions {
  roster: string;
  deadline: string;
  org?: string;
  assignment?: string;
  out: string;
  concurrency: number;
  shard?: string;
  tokenFile?: string;
  apiUrl?: string;
  lang: Lang;
}

/** An ISO 8601 time with a zone (Z or ±hh:mm): a deadline without one would depend on the runner's clock zone. */
export function parseDeadline(value: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim());
  const date = new Date(value.trim());
  if (!ok || Number.isNaN(date.getTime())) {
    const m = cliText().collect;
    throw new DlgradeError({ code: 'E_OPTION', message: m.badDeadline(value), fix: m.badDeadlineFix });
  }
  return date;
}

/** `dlgrade collect`: each student's last commit pushed before the deadline, checked out under --out. */
export function registerCollect(program: Command): void {
  const h = cliText().cli.cmd.collect;
  program
    .command('collect')
    .description(h.description)
    .requiredOption('--roster <csv>', h.roster)
    .requiredOption('--deadline <time>', h.deadline)
    .option('--org <org>', h.org)
    .option('--assignment <name>', h.assignment)
    .option('--out <dir>', h.out, 'collected')
    .option('--concurrency <n>', h.concurrency, parsePositive('--concurrency'), 4)
    .option('--shard <i/n>', h.shard)
    .option('--token-file <file>', h.tokenFile)
    .option('--api-url <url>', h.apiUrl)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .action(async (opts: CollectCliOptions) => {
      const deadline = parseDeadline(opts.deadline);
      const org = opts.org ?? process.env['GITHUB_REPOSITORY_OWNER'];
      const assignment = opts.assignment ?? process.env['DLGRADE_ASSIGNMENT'];
      const m = cliText().collect;
      if (!org) throw new DlgradeError({ code: 'E_OPTION', message: m.noOrg, fix: m.noOrgFix });
      if (!assignment) throw new DlgradeError({ code: 'E_OPTION', message: m.noAssignment, fix: m.noAssignmentFix });
      const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
      const roster = readRoster(opts.roster);
      for (const issue of roster.issues) process.stderr.write(`dlgrade E_ROSTER ${formatRosterIssue(opts.roster, issue)} (${collectWords(opts.lang).rosterSkipped})\n`);
      const students = shardRoster(roster.students, shard);
      const token = readToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
      const gh = instructorClient({ token, ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}) });
      process.stdout.write(`${collectWords(opts.lang).starting(students.length, deadline.toISOString())}\n`);
      const progress = createStudentProgress({ label: 'collect', total: students.length });
      const records = await collect({ gh, token, org, assignment, students, deadline, out: opts.out, concurrency: opts.concurrency, lang: opts.lang, ...(shard ? { shard } : {}), onStudent: (r) => progress.done(renderCollectLine(r, opts.lang)) });
      progress.stop();
      process.stdout.write(`${renderCollectTotals(records, opts.lang)}\n`);
      const name = shard ? `collect-summary.${shard.index}-of-${shard.count}.json` : 'collect-summary.json';
      writeFileSync(join(opts.out, name), JSON.stringify({ deadline: deadline.toISOString(), shard: shard ?? null, rosterIssues: roster.issues, students: records }, null, 2) + '\n');
      process.exitCode = records.some((r) => r.status === 'failed') || roster.issues.length > 0 ? 1 : 0;
    });
}
