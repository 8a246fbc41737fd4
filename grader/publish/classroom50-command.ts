import { Option, type Command } from '../cli/commander.ts';
import { parseLang } from '../cli/options.ts';
import { writeFile } from 'node:fs/promises';
import { DlgradeError } from '../errors.ts';
import { currentLang, text } from '../i18n/index.ts';
import { resolveClassroom50Context } from './classroom50-context.ts';
import { loadResult } from './load-result.ts';
import { classroom50Text } from './result-files.ts';

export interface Classroom50Flags {
  result?: string;
  out?: string;
  scale?: string;
  sha?: string;
}

/**
 * `dlgrade classroom50`: Classroom 50's `result.json` from a result written by `dlgrade grade --json`,
 * with the context Classroom 50's runner gives an `autograder.py` (no network, no token). The
 * shipped `classroom50/autograder.py` runs it; it is in the assignment's bundled grader too.
 * Exit 2, with the reason, when the runner's variables are missing or the points are not whole.
 */
export async function writeClassroom50(flags: Classroom50Flags, env: Record<string, string | undefined>, now = new Date()): Promise<string> {
  const result = await loadResult(flags.result ?? 'dlgrade-result.json');
  const scaleText = flags.scale ?? env.DLGRADE_CLASSROOM50_SCALE ?? '1';
  const scale = Number(scaleText);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new DlgradeError({ code: 'E_OPTION', message: text().errors.publish.classroom50BadScale(JSON.stringify(scaleText)), fix: text().errors.publish.classroom50ScaleFix });
  }
  const repository = env.GITHUB_REPOSITORY?.split('/');
  const sha = flags.sha ?? env.GITHUB_SHA;
  const resolution = await resolveClassroom50Context({ env, serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''), owner: repository?.[0], repo: repository?.[1], sha, now });
  if (!resolution.ok) {
    throw new DlgradeError({
      code: 'E_CONFIG',
      message: text().errors.publish.classroom50Context(resolution.problems),
      fix: text().errors.publish.classroom50ContextFix,
    });
  }
  const out = flags.out ?? 'result.json';
  await writeFile(out, classroom50Text(result, resolution.context, scale), 'utf8');
  return out;
}

export function registerClassroom50(program: Command): void {
  const h = text().cli.cmd.classroom50;
  program
    .command('classroom50')
    .description(h.description)
    .option('--result <file>', h.result, 'dlgrade-result.json')
    .option('--out <file>', h.out, 'result.json')
    .option('--scale <n>', h.scale)
    .option('--sha <sha>', h.sha)
    .addOption(new Option('--lang <lang>', h.lang).choices(['es', 'en']).default(currentLang()).argParser(parseLang))
    .action(async (flags: Classroom50Flags) => {
      const file = await writeClassroom50(flags, process.env);
      process.stdout.write(`${text().publish.log.wroteClassroom50(file)}\n`);
    });
}
