import type { Command } from 'commander';
import { resolvePublishConfig, type PublishFlags } from '../../publish/config.ts';
import { loadResult } from '../../publish/load-result.ts';
import { createPublishLog } from '../../publish/log.ts';
import { octokitFactory } from '../../publish/octokit.ts';
import { publishResult } from '../../publish/publish.ts';
import { t } from '../../i18n/index.ts';
import { cliText } from '../lang.ts';

/**
 * `dlgrade publish`: reads a result written by `dlgrade grade --json`, validates it, and publishes it
 * (files, step outputs, job summary, sticky PR comment, check run with annotations).
 * Exit code 0 when it published or degraded gracefully; 2 when the result could not be read or validated.
 */
export function registerPublish(program: Command): void {
  const h = cliText().cli.cmd.publish;
  program
    .command('publish')
    .description(h.description)
    .option('--result <file>', h.result, 'dlgrade-result.json')
    .option('--out-dir <dir>', h.outDir, '.')
    .option('--lang <lang>', h.lang)
    .option('--starter-sha <sha>', h.starterSha)
    .option('--manifest <file>', h.manifest, '.dlgrade/manifest.json')
    .option('--check-run-id <id>', h.checkRunId)
    .option('--check-name <name>', h.checkName, 'dlgrade')
    .option('--repo <owner/name>', h.repo)
    .option('--sha <sha>', h.sha)
    .option('--api-url <url>', h.apiUrl)
    .option('--server-url <url>', h.serverUrl)
    .option('--event-path <file>', h.eventPath)
    .option('--run-id <id>', h.runId)
    .option('--summary-file <file>', h.summaryFile)
    .option('--output-file <file>', h.outputFile)
    .option('--classroom50-scale <n>', h.classroom50Scale)
    .option('--dry-run', h.dryRun)
    .action(async (flags: PublishFlags) => {
      const config = resolvePublishConfig(flags, process.env);
      const result = await loadResult(config.resultFile);
      // the log speaks the feedback's language (--lang, else the result's), as its warnings do
      const lang = config.lang ?? result.lang;
      const log = createPublishLog(process.stdout, { actions: process.env.GITHUB_ACTIONS === 'true', lang });
      const report = await publishResult({ result, config, octokitFactory: octokitFactory(), log, env: process.env });
      log.info(t(lang).publish.log.published(report.degraded, result.score, result.maxScore));
    });
}
