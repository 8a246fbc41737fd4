/**
 * A submission whose every export returns the same constant: it must earn nothing. Properties that
 * only compare a student's outputs with each other (invariances) would otherwise reward `return 0`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExerciseDef } from '../catalog/types.ts';

/** The constants tried, as source: the usual "answers" of a submission that computes nothing. */
export const CONSTANT_ANSWERS = ['0', '[]', 'undefined', '{}'] as const;

export function constantSource(def: ExerciseDef, value: string): string {
  return def.exports.map((e) => `export function ${e.name}(..._args: unknown[]): any {\n  return ${value};\n}\n`).join('\n');
}

export function constantSubmission(defs: ExerciseDef[], value: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-const-'));
  for (const def of defs) {
    mkdirSync(join(dir, def.chapter, def.name), { recursive: true });
    writeFileSync(join(dir, def.chapter, def.name, def.file), constantSource(def, value));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
