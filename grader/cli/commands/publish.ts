import type { Command } from 'commander';
import { resolvePublishConfig, type PublishFlags } from '../../publish/config.ts';
import { loadResult } from '../../publish/load-result.ts';
import { createPublishLog } from '../../publish/log.ts';
import { octokitFactory } from '../../publish/octokit.ts';
import { publishResult } from '../../publish/publish.ts';

/**
 * `dlgrade publish`: reads a result written by `dlgrade grade --json`, validates it, and publishes it
 * (files, step outputs, job summary, sticky PR comment, check run with annotations).
 * Exit code 0 when it published or degraded gracefully; 2 when the result could not be read or validated.
 */
export function registerPublish(program: Command): void {
  program
    .command('publish')
    .description('publica un resultado en GitHub (comentario del PR, anotaciones, resumen) / publish a result to GitHub')
    .option('--result <file>', 'result JSON written by `dlgrade grade --json`', 'dlgrade-result.json')
    .option('--out-dir <dir>', 'where result.json (Classroom 50) and dlgrade-junit.xml are written', '.')
    .option('--lang <lang>', 'language of the feedback: es | en (default: the result\'s)')
    .option('--starter-sha <sha>', 'starter commit the `feedback` branch must point at (default: .dlgrade/manifest.json starterCommit)')
    .option('--manifest <file>', 'assignment manifest with starterCommit', '.dlgrade/manifest.json')
    .option('--check-run-id <id>', 'annotate this check run (the job\'s own: ${{ job.check_run_id }}; env DLGRADE_CHECK_RUN_ID) instead of creating one')
    .option('--check-name <name>', 'name of a created check run', 'dlgrade')
    .option('--repo <owner/name>', 'repository (env GITHUB_REPOSITORY)')
    .option('--sha <sha>', 'commit graded (env GITHUB_SHA)')
    .option('--api-url <url>', 'GitHub API URL (env GITHUB_API_URL)')
    .option('--server-url <url>', 'GitHub server URL for links (env GITHUB_SERVER_URL)')
    .option('--event-path <file>', 'event payload (env GITHUB_EVENT_PATH)')
    .option('--run-id <id>', 'workflow run id for links (env GITHUB_RUN_ID)')
    .option('--summary-file <file>', 'job summary file (env GITHUB_STEP_SUMMARY)')
    .option('--output-file <file>', 'step outputs file (env GITHUB_OUTPUT)')
    .option('--classroom50-scale <n>', 'Classroom 50 points = dlgrade points × n, which must be whole (env DLGRADE_CLASSROOM50_SCALE; default 1)')
    .option('--dry-run', 'write the files, outputs and summary; send nothing to GitHub')
    .action(async (flags: PublishFlags) => {
      const config = resolvePublishConfig(flags, process.env);
      const result = await loadResult(config.resultFile);
      const log = createPublishLog(process.stdout, { actions: process.env.GITHUB_ACTIONS === 'true' });
      const report = await publishResult({ result, config, octokitFactory: octokitFactory(), log, env: process.env });
      log.info(`${report.degraded ? 'published with warnings' : 'published'}: ${result.score} / ${result.maxScore}`);
    });
}
