import type { GitHubClient } from './octokit.ts';
import { batchAnnotations, type Annotation } from './annotations.ts';

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunRequest {
  owner: string;
  repo: string;
  sha: string;
  /** the job's own check run (`${{ job.check_run_id }}`); otherwise one is created */
  checkRunId?: number;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: Annotation[];
  detailsUrl?: string;
}

export interface CheckRunOutcome {
  checkRunId: number;
  created: boolean;
  requests: number;
  annotations: number;
}

/**
 * Publishes the output and annotations: the first batch with the create (or the first update of the
 * job's own run), the rest in successive PATCHes (GitHub appends annotations across updates).
 * The job's own check run gets no conclusion: Actions sets it when the job ends.
 */
export async function publishCheckRun(gh: GitHubClient, request: CheckRunRequest): Promise<CheckRunOutcome> {
  const { owner, repo } = request;
  const batches = batchAnnotations(request.annotations);
  const output = (annotations: Annotation[]) => ({ title: request.title, summary: request.summary, annotations });
  let checkRunId = request.checkRunId;
  let requests = 0;
  let created = false;
  let first = true;
  for (const batch of batches) {
    if (first && checkRunId === undefined) {
      const response = await gh.rest.checks.create({
        owner,
        repo,
        name: request.name,
        head_sha: request.sha,
        status: 'completed',
        conclusion: request.conclusion,
        completed_at: new Date().toISOString(),
        output: output(batch),
        ...(request.detailsUrl === undefined ? {} : { details_url: request.detailsUrl }),
      });
      checkRunId = response.data.id;
      created = true;
    } else {
      await gh.rest.checks.update({ owner, repo, check_run_id: checkRunId as number, output: output(batch) });
    }
    requests++;
    first = false;
  }
  return { checkRunId: checkRunId as number, created, requests, annotations: request.annotations.length };
}
