import { Option, type Command } from '../commander.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../../engine/result.ts';
import { DlgradeError } from '../../errors.ts';
import { INSTALL_ROOT } from '../../paths.ts';
import { parseLang } from '../options.ts';
import { cliLang, cliText } from '../lang.ts';

const DEMO = join(INSTALL_ROOT, 'tests', 'tools', 'demo.ts');

/**
 * `dlgrade demo`: the instructor flow rehearsed locally against the project's GitHub test server
 * (tests/fake-github). The server and its OpenAPI description are development files: the command
 * runs from a checkout with its devDependencies installed.
 */
export function registerDemo(program: Command): void {
  const h = cliText().cli.cmd.demo;
  program
    .command('demo')
    .description(h.description)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(cliLang()).argParser(parseLang))
    .option('--keep', h.keep)
    .action(async (opts: { lang: Lang; keep?: boolean }) => {
      const openapi = join(INSTALL_ROOT, 'node_modules', '@octokit', 'openapi', 'package.json');
      if (!existsSync(DEMO) || !existsSync(openapi)) {
        throw new DlgradeError({
          code: 'E_CONFIG',
          message: cliText().errors.demo.needsCheckout(cliText().errors.demo.missing(existsSync(DEMO) ? 'node_modules/@octokit/openapi' : DEMO)),
          fix: cliText().errors.demo.needsCheckoutFix,
        });
      }
      const { runDemo } = (await import(pathToFileURL(DEMO).href)) as typeof import('../../../tests/tools/demo.ts');
      await runDemo({ lang: opts.lang, ...(opts.keep ? { keep: true } : {}) });
    });
}
