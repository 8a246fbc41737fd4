import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of the dlgrade installation (where package.json, exercises/ and reference/ live). */
export const INSTALL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const EXERCISES_DIR = join(INSTALL_ROOT, 'exercises');
export const REFERENCE_DIR = join(INSTALL_ROOT, 'reference');
export const SOLUTIONS_DIR = join(INSTALL_ROOT, 'solutions');
export const TEMPLATES_DIR = join(INSTALL_ROOT, 'templates');
export const SCHEMA_DIR = join(INSTALL_ROOT, 'grader', 'schema');
export const SAMPLE_SUBMISSION_DIR = join(INSTALL_ROOT, 'tests', 'fixtures', 'sample-submission');

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
