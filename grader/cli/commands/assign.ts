import { Option, type Command } from 'commander';
import { assign } from '../../assign/assign.ts';
import type { Lang } from '../../engine/result.ts';
import { instructorClient, readToken } from '../../github/client.ts';
import { parseLang } from '../options.ts';

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
  program
    .command('assign')
    .description('instructors: generate an assignment repository (stubs, statements, self-contained grader, workflow) for chapters or exercises')
    .argument('<exercises...>', 'chapters (ch07-convolution), exercise ids or names')
    .requiredOption('--out <dir>', 'new folder for the repository')
    .addOption(new Option('--lang <lang>', 'language of the README and of the feedback').choices(['es', 'en']).default('es').argParser(parseLang))
    .option('--name <name>', 'repository name (default: the chapter)')
    .option('--grader-package <spec>', 'pinned source of the publisher the workflow installs: github:owner/repo#<40-hex> or name@x.y.z (default: this checkout’s GitHub origin at HEAD)')
    .option('--no-lockfile', 'do not run `npm install --package-lock-only` (needs the npm registry)')
    .option('--push <remote>', 'push main and feedback to this git remote')
    .option('--github-org <org>', 'create the repository in this organisation as a template and push to it')
    .option('--token-file <file>', 'file holding the GitHub token (default: env GITHUB_TOKEN)')
    .option('--api-url <url>', 'GitHub API URL (GitHub Enterprise Server)')
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
      log(`listo: ${result.dir} (${result.exercises.length} ejercicios, starterCommit ${result.starterCommit})`);
    });
}
