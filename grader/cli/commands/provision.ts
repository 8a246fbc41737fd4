import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { DlgradeError } from '../../errors.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { provision, renderProvisionReport } from '../../provision/provision.ts';
import { formatRosterIssue, readRoster } from '../../provision/roster.ts';
import { parsePositive } from '../options.ts';
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
}

function parseTemplate(value: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value.trim());
  if (!m) throw new DlgradeError({ code: 'E_OPTION', message: `--template "${value}" is not owner/repo`, fix: 'e.g. --template curso-dl/ch07-convolution' });
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
    .action(async (opts: ProvisionCliOptions) => {
      const template = parseTemplate(opts.template);
      const roster = readRoster(opts.roster);
      for (const issue of roster.issues) process.stderr.write(`dlgrade E_ROSTER ${formatRosterIssue(opts.roster, issue)} (${cliText().instructor.rosterRowSkipped})\n`);
      const token = readToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
      const gh = instructorClient({ token, ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}) });
      const reports = await provision({ gh, template, org: opts.org, students: roster.students, apply: opts.apply === true, concurrency: opts.concurrency, ...(opts.assignment ? { assignment: opts.assignment } : {}) });
      process.stdout.write(renderProvisionReport(reports, opts.apply === true, cliLang()));
      if (opts.json) writeFileSync(opts.json, JSON.stringify({ apply: opts.apply === true, rosterIssues: roster.issues, students: reports }, null, 2) + '\n');
      process.exitCode = roster.issues.length > 0 || reports.some((r) => r.status === 'failed') ? 1 : 0;
    });
}
