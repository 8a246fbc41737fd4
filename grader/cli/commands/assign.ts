import { Option, type Command } from '../commander.ts';
import { assign } from '../../assign/assign.ts';
import type { Lang } from '../../engine/result.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { parseLang } from '../options.ts';
import { cliLang, cliText } from '../lang.ts';

interface AssignCliOptions {
  out: string;
  lang: Lang;
  name?: string;
  graderPackage?: string;
  lockfile: boolean;
  push?: string;
  githubOrg?: string;
  tokenFile?: string;
  apiUrl?: string;
}

/** `dlgrade assign`: an assignment repository (template) for chapters or exercises. */
export function registerAssign(program: Command): void {
  const h = cliText().cli.cmd.assign;
  program
    .command('assign')
    .description(h.description)
    .argument('<exercises...>', h.exercises)
    .requiredOption('--out <dir>', h.out)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .option('--name <name>', h.name)
    .option('--grader-package <spec>', h.graderPackage)
    .option('--no-lockfile', h.noLockfile)
    .option('--push <remote>', h.push)
    .option('--github-org <org>', h.githubOrg)
    .option('--token-file <file>', h.tokenFile)
    .option('--api-url <url>', h.apiUrl)
    .action(async (selectors: string[], opts: AssignCliOptions) => {
      const log = (line: string): void => void process.stdout.write(`${line}\n`);
      let github: { org: string; client: ReturnType<typeof instructorClient>; token: string } | undefined;
      if (opts.githubOrg !== undefined) {
        const token = readToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
        github = { org: opts.githubOrg, token, client: instructorClient({ token, ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}) }) };
      }
      const result = await assign({
        selectors,
        out: opts.out,
        lang: opts.lang,
        lockfile: opts.lockfile,
        log,
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(opts.graderPackage !== undefined ? { graderPackage: opts.graderPackage } : {}),
        ...(opts.push !== undefined ? { push: opts.push } : {}),
        ...(github !== undefined ? { github } : {}),
      });
      log(cliText().errors.assign.done(result.dir, result.exercises.length, result.starterCommit));
    });
}
