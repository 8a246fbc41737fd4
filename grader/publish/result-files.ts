import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResult } from '../engine/result.ts';
import { toClassroom50Result, type Classroom50Context } from '../report/formats/classroom50.ts';
import { toClassroomOutputWithin } from '../report/formats/classroom.ts';
import { toJUnitXml } from '../report/formats/junit.ts';

export const CLASSROOM50_FILE = 'result.json';
export const JUNIT_FILE = 'dlgrade-junit.xml';

/** The step outputs: `result` (Classroom reporter, base64, capped), `score`, `max-score`; and how much `result` was shrunk. */
export function stepOutputs(result: GradeResult): { outputs: Record<string, string>; classroomLevel: number } {
  const classroom = toClassroomOutputWithin(result);
  return { outputs: { result: classroom.value, score: String(result.score), 'max-score': String(result.maxScore) }, classroomLevel: classroom.level };
}

/** Classroom 50's `result.json` (pure): the text, or throws E_CONFIG (points not whole after scaling). */
export function classroom50Text(result: GradeResult, context: Classroom50Context, scale = 1): string {
  return JSON.stringify(toClassroom50Result(result, context, { scale }), null, 2) + '\n';
}

/**
 * Writes the JUnit XML, and Classroom 50's `result.json` when its text is given, into `outDir`;
 * returns their paths.
 */
export async function writeResultFiles(result: GradeResult, outDir: string, classroom50: string | undefined): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  if (classroom50 !== undefined) {
    const file = join(outDir, CLASSROOM50_FILE);
    await writeFile(file, classroom50, 'utf8');
    files.push(file);
  }
  const junit = join(outDir, JUNIT_FILE);
  await writeFile(junit, toJUnitXml(result), 'utf8');
  files.push(junit);
  return files;
}
