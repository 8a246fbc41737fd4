import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MANIFEST_PATH = '.dlgrade/manifest.json';

/** `.dlgrade/manifest.json`, format 1. */
export interface AssignmentManifest {
  schemaVersion: 1;
  /** the assignment's name (repository name prefix) */
  assignment: string;
  dlgradeVersion: string;
  lang: 'es' | 'en';
  /** what the student workflow grades and how its publisher is installed */
  exercises: { id: string; file: string; points: number }[];
  graderPackage: string;
  /** every file of the starter except the students' exercise files and this manifest, sorted by path */
  protected: { path: string; sha256: string }[];
  /** the commit the `feedback` branch points at (absent only inside the starter commit itself) */
  starterCommit?: string;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function walk(dir: string, root: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === '.git' || name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, root, out);
    else out.push(relative(root, path).split(sep).join('/'));
  }
}

/** Hashes of the protected files of an assignment folder: all but `studentFiles` and the manifest. */
export function protectedFiles(root: string, studentFiles: readonly string[]): { path: string; sha256: string }[] {
  const files: string[] = [];
  walk(root, root, files);
  const skip = new Set([...studentFiles, MANIFEST_PATH]);
  return files.filter((f) => !skip.has(f)).map((path) => ({ path, sha256: sha256(readFileSync(join(root, path))) }));
}

export function renderManifest(manifest: AssignmentManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
