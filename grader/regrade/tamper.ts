import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { InstructorManifest } from './manifest.ts';

export const WORKFLOW_DIR = '.github/workflows/';
const STUDENT_MANIFEST = '.dlgrade/manifest.json';
const MAX_HASHED_BYTES = 64 * 1024 * 1024;

/** One protected file that does not match the instructor's manifest. */
export interface TamperFinding {
  path: string;
  kind: 'modified' | 'missing' | 'added' | 'not-a-file' | 'symlink';
  /** a GitHub Actions workflow (the file that computes the formative grade) */
  workflow: boolean;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const HEX40 = /^[0-9a-f]{40}$/;

function safeRelative(path: string): boolean {
  return !isAbsolute(path) && !normalize(path).split(/[\\/]/).includes('..');
}

/** The starter commit this student's repository was provisioned with (its manifest or collect.json). */
function studentStarter(checkout: string, fromCollect: string | undefined): string | undefined {
  if (fromCollect !== undefined && HEX40.test(fromCollect)) return fromCollect;
  try {
    const file = join(checkout, STUDENT_MANIFEST);
    if (!lstatSync(file).isFile()) return undefined;
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { starterCommit?: unknown }).starterCommit;
    return typeof value === 'string' && HEX40.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compares a student's checkout with the protected files of the instructor's manifest: each one
 * missing, replaced by a non-file, or whose SHA-256 differs is a finding; so is any workflow the
 * manifest does not list. `dlgrade provision` rewrites the starter commit inside the workflow of
 * each generated repository, so a workflow is compared after putting the instructor's starter
 * commit back in place of the student's own: no other byte may differ.
 */
export function findTampering(checkout: string, manifest: InstructorManifest, options: { starterCommit?: string } = {}): TamperFinding[] {
  const findings: TamperFinding[] = [];
  const starter = studentStarter(checkout, options.starterCommit);
  const listed = new Set(manifest.protected.map((p) => p.path));
  for (const { path, sha256: expected } of manifest.protected) {
    const workflow = path.startsWith(WORKFLOW_DIR);
    if (!safeRelative(path)) continue;
    const file = join(checkout, path);
    if (!existsSync(file)) {
      // a dangling symlink also lands here
      findings.push({ path, kind: lstatExists(file) ? 'not-a-file' : 'missing', workflow });
      continue;
    }
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size > MAX_HASHED_BYTES) {
      findings.push({ path, kind: 'not-a-file', workflow });
      continue;
    }
    const content = readFileSync(file);
    if (sha256(content) === expected) continue;
    if (workflow && starter !== undefined && manifest.starterCommit !== undefined && HEX40.test(manifest.starterCommit)) {
      const restored = content.toString('utf8').split(starter).join(manifest.starterCommit);
      if (sha256(restored) === expected) continue;
    }
    findings.push({ path, kind: 'modified', workflow });
  }
  const seen = new Set(findings.map((f) => f.path));
  for (const path of findSymlinks(checkout)) if (!seen.has(path)) findings.push({ path, kind: 'symlink', workflow: path.startsWith(WORKFLOW_DIR) });
  const workflowsDir = join(checkout, WORKFLOW_DIR);
  if (existsSync(workflowsDir) && lstatSync(workflowsDir).isDirectory()) {
    for (const name of readdirSync(workflowsDir).sort()) {
      const path = `${WORKFLOW_DIR}${name}`;
      if (!listed.has(path)) findings.push({ path, kind: 'added', workflow: true });
    }
  }
  return findings;
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

const MAX_WALKED = 200_000;

/**
 * Every symbolic link in a checkout (outside `.git/`), as paths relative to it: an assignment
 * repository holds none, so each one is recorded as tampering (a link is how a submission would
 * point the grader at a classmate's file or the model solution). Links are never followed.
 */
export function findSymlinks(checkout: string): string[] {
  const found: string[] = [];
  const stack: string[] = [''];
  let walked = 0;
  while (stack.length > 0 && walked < MAX_WALKED) {
    const rel = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(join(checkout, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      walked++;
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (rel === '' && entry.name === '.git') continue;
      if (entry.isSymbolicLink()) found.push(path);
      else if (entry.isDirectory()) stack.push(path);
    }
  }
  return found.sort();
}
