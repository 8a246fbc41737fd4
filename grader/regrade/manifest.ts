import { readFileSync } from 'node:fs';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';

const m = () => text().regrade;

/** The fields of the instructor's `.dlgrade/manifest.json` (written by `dlgrade assign`) that regrade reads. */
export interface InstructorManifest {
  assignment?: string;
  exercises: { id: string }[];
  protected: { path: string; sha256: string }[];
  starterCommit?: string;
}

/** Reads the instructor's copy of the manifest (never a student's). */
export function readInstructorManifest(file: string): { manifest: InstructorManifest; text: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause: unknown) {
    throw new DlgradeError({ code: 'E_IO', file, message: m().manifestUnreadable(file), fix: m().manifestUnreadableFix, cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause: unknown) {
    throw new DlgradeError({ code: 'E_CONFIG', file, message: m().manifestJson, fix: m().manifestJsonFix, cause });
  }
  const o = (data ?? {}) as Record<string, unknown>;
  const exercises = Array.isArray(o['exercises']) ? (o['exercises'] as unknown[]) : undefined;
  const prot = Array.isArray(o['protected']) ? (o['protected'] as unknown[]) : undefined;
  const okExercises = exercises?.every((e) => typeof (e as { id?: unknown })?.id === 'string');
  const okProtected = prot?.every((p) => typeof (p as { path?: unknown })?.path === 'string' && /^[0-9a-f]{64}$/.test(String((p as { sha256?: unknown })?.sha256)));
  if (!exercises || !okExercises || !prot || !okProtected) {
    throw new DlgradeError({ code: 'E_CONFIG', file, message: m().manifestShape, fix: m().manifestShapeFix });
  }
  const manifest: InstructorManifest = {
    exercises: exercises.map((e) => ({ id: (e as { id: string }).id })),
    protected: prot.map((p) => ({ path: (p as { path: string }).path, sha256: (p as { sha256: string }).sha256 })),
  };
  if (typeof o['assignment'] === 'string') manifest.assignment = o['assignment'];
  if (typeof o['starterCommit'] === 'string') manifest.starterCommit = o['starterCommit'];
  return { manifest, text };
}
