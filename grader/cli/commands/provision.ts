import { Option, type Command } from '../commander.ts';
import { writeFileSync } from 'node:fs';
import type { Lang } from '../../engine/result.ts';
import { DlgradeError } from '../../errors.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { provisionWords } from '../../provision/messages.ts';
import { provision, renderProvisionHeader, renderProvisionTotals, renderStudentLine } from '../../provision/provision.ts';
import { formatRosterIssue, readRoster } from '../../provision/roster.ts';
import { parseLang, parsePositive } from '../options.ts';
import { createStudentProgress, type StudentProgress } from '../student-progress.ts';
import { cliLang, cliText } from '../lang.ts';

interface ProvisionCliOptions {
  template: string;
  roster: string;
  org: string;
  assignment?: string;
  apply?: boolean;
  concurrency: number;
  tokenFile?: string;
  apiUrl?: string;
  json?: string;
  lang: Lang;
}

function parseTemplate(value: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value.trim());
  if (!m) throw new DlgradeError({ code: 'E_OPTION', message: cliText().provision.badTemplate(value), fix: cliText().provision.badTemplateFix });
  return { owner: m[1]!, repo: m[2]! };
}

/** `dlgrade provision`: one repository per student from an assignment template. Dry run unless --apply. */
export function registerProvision(program: Command): void {
  const h = cliText().cli.cmd.provision;
  program
    .command('provision')
    .description(h.description)
    .requiredOption('--template <owner/repo>', h.template)
    .requiredOption('--roster <csv>', h.roster)
    .requiredOption('--org <org>', h.org)
    .option('--assignment <name>', h.assignment)
    .option('--apply', h.apply)
    .option('--concurrency <n>', h.concurrency, parsePositive('--concurrency'), 4)
    .option('--token-file <file>', h.tokenFile)
    .option('--api-url <url>', h.apiUrl)
    .option('--json <file>', h.json)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .action(async (opts: ProvisionCliOptions) => {
      const template = parseTemplate(opts.template);
      const roster = readRoster(opts.roster);
      const words = provisionWords(opts.lang);
      for (const issue of roster.issues) process.stderr.write(`dlgrade E_ROSTER ${formatRosterIssue(opts.roster, issue)} (${words.rosterSkipped})\n`);
      const token = readToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
      const gh = instructorClient({ token, ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}) });
      process.stdout.write(`${renderProvisionHeader(opts.apply === true, opts.lang)}\n${words.checking(roster.students.length)}\n`);
      let progress: StudentProgress | undefined;
      const reports = await provision({
        gh, template, org: opts.org, students: roster.students, apply: opts.apply === true, concurrency: opts.concurrency, lang: opts.lang,
        ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}),
        ...(opts.assignment ? { assignment: opts.assignment } : {}),
        onStart: (total) => void (progress = createStudentProgress({ label: 'provision', total })),
        onStudent: (r) => progress?.done(renderStudentLine(r, opts.lang)),
      });
      progress?.stop();
      // refused by the roster check: nothing ran, so the refusals are printed here
      for (const r of reports) if (r.refused === true && r.status === 'failed') process.stdout.write(`${renderStudentLine(r, opts.lang)}\n`);
      process.stdout.write(`${renderProvisionTotals(reports, opts.lang)}\n`);
      if (opts.json) writeFileSync(opts.json, JSON.stringify({ apply: opts.apply === true, rosterIssues: roster.issues, students: reports }, null, 2) + '\n');
      process.exitCode = roster.issues.length > 0 || reports.some((r) => r.status === 'failed') ? 1 : 0;
    });
}
