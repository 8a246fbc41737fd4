import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { DlgradeError } from '../../errors.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { provision, renderProvisionReport } from '../../provision/provision.ts';
import { formatRosterIssue, readRoster } from '../../provision/roster.ts';
import { parsePositive } from '../options.ts';

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
    .action(async (opts: ProvisionCliOptions) => {
      const template = parseTemplate(opts.template);
      const roster = readRoster(opts.roster);
      for (const issue of roster.issues) process.stderr.write(`dlgrade E_ROSTER ${formatRosterIssue(opts.roster, issue)} (fila omitida)\n`);
      const token = readToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
      const gh = instructorClient({ token, ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}) });
      const reports = await provision({ gh, template, org: opts.org, students: roster.students, apply: opts.apply === true, concurrency: opts.concurrency, ...(opts.assignment ? { assignment: opts.assignment } : {}) });
      process.stdout.write(renderProvisionReport(reports, opts.apply === true));
      if (opts.json) writeFileSync(opts.json, JSON.stringify({ apply: opts.apply === true, rosterIssues: roster.issues, students: reports }, null, 2) + '\n');
      process.exitCode = roster.issues.length > 0 || reports.some((r) => r.status === 'failed') ? 1 : 0;
    });
}
