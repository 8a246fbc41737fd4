import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import type { Lang } from '../../engine/result.ts';
import { DlgradeError } from '../../errors.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { provisionWords } from '../../provision/messages.ts';
import { provision, renderProvisionHeader, renderProvisionTotals, renderStudentLine } from '../../provision/provision.ts';
import { formatRosterIssue, readRoster } from '../../provision/roster.ts';
import { parseLang, parsePositive } from '../options.ts';
import { createStudentProgress, type StudentProgress } from '../student-progress.ts';

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
  if (!m) throw new DlgradeError({ code: 'E_OPTION', message: `--template "${value}" is not owner/repo`, fix: 'e.g. --template curso-dl/ch07-convolution' });
  return { owner: m[1]!, repo: m[2]! };
}

/** `dlgrade provision`: one repository per student from an assignment template. Dry run unless --apply. */
export function registerProvision(program: Command): void {
  program
    .command('provision')
    .description('instructors: per-student repositories from an assignment template, collaborator access, feedback branch and Feedback PR (dry run unless --apply)')
    .requiredOption('--template <owner/repo>', 'the assignment template (dlgrade assign --github-org)')
    .requiredOption('--roster <csv>', 'roster: github_username,student_id,name,email')
    .requiredOption('--org <org>', 'organisation that owns the students’ repositories')
    .option('--assignment <name>', 'repository names are <assignment>-<username> (default: the template’s name)')
    .option('--apply', 'create what is missing (without it: print the plan, write nothing)')
    .option('--concurrency <n>', 'students provisioned at once', parsePositive('--concurrency'), 4)
    .option('--token-file <file>', 'file holding the GitHub token (default: env GITHUB_TOKEN)')
    .option('--api-url <url>', 'GitHub API URL (GitHub Enterprise Server)')
    .option('--json <file>', 'write the per-student report as JSON')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['es', 'en']).default('es').argParser(parseLang))
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
