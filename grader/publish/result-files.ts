import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResult } from '../engine/result.ts';
import { classroom50Datetime, toClassroom50Result, type Classroom50Context } from '../report/formats/classroom50.ts';
import { toClassroomOutput } from '../report/formats/classroom.ts';
import { toJUnitXml } from '../report/formats/junit.ts';
import type { PublishConfig } from './config.ts';

export const CLASSROOM50_FILE = 'result.json';
export const JUNIT_FILE = 'dlgrade-junit.xml';

/** Classroom 50's runner context from its environment, with fallbacks built from the Actions context (pure). */
export function classroom50Context(config: PublishConfig, env: Record<string, string | undefined>, now: Date): Classroom50Context {
  const repoUrl = config.owner === undefined || config.repo === undefined ? undefined : `${config.serverUrl}/${config.owner}/${config.repo}`;
  const submission = env.SUBMISSION_TAG || config.sha || '';
  const commit = env.COMMIT_URL || (repoUrl !== undefined && config.sha !== undefined ? `${repoUrl}/commit/${config.sha}` : submission);
  return {
    classroom: env.CLASSROOM || config.owner || '',
    assignment: env.ASSIGNMENT || config.repo || '',
    submission,
    commit,
    release: env.RELEASE_URL || (repoUrl !== undefined && submission !== '' ? `${repoUrl}/releases/tag/${encodeURIComponent(submission)}` : commit),
    review: env.REVIEW_URL || commit,
    datetime: classroom50Datetime(now),
  };
}

/** The step outputs: `result` (Classroom reporter, base64), `score`, `max-score`. */
export function stepOutputs(result: GradeResult): Record<string, string> {
  return { result: toClassroomOutput(result), score: String(result.score), 'max-score': String(result.maxScore) };
}

/** Writes Classroom 50's `result.json` and the JUnit XML into `outDir`; returns their paths. */
export async function writeResultFiles(result: GradeResult, outDir: string, context: Classroom50Context): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const classroom50 = join(outDir, CLASSROOM50_FILE);
  const junit = join(outDir, JUNIT_FILE);
  await writeFile(classroom50, JSON.stringify(toClassroom50Result(result, context), null, 2) + '\n', 'utf8');
  await writeFile(junit, toJUnitXml(result), 'utf8');
  return [classroom50, junit];
}
