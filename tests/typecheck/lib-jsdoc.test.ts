/**
 * The checker parses the standard library's JSDoc only as far as type errors need
 * (JSDocParsingMode.ParseForTypeErrors, grader/typecheck/typecheck.ts): the findings must be the
 * ones of a whole parse for the course's files (each exercise's stub, solution and first buggy
 * fixture, checked against its stub) and for files that misuse the library's members (its
 * documented, deprecated and overloaded ones), whose findings name the library's types.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { ExerciseDef } from '../../grader/catalog/types.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { findExportLine } from '../../grader/sandbox/compile.ts';
import { parseLibJsDocWholeForTests, typecheckStudentFile } from '../../grader/typecheck/typecheck.ts';

interface Case {
  def: ExerciseDef;
  label: string;
  source: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const def of loadCatalog().exercises) {
    const stub = readFileSync(join(def.dir, def.file), 'utf8');
    out.push({ def, label: `${def.id} stub`, source: stub });
    out.push({ def, label: `${def.id} solution`, source: readFileSync(def.solutionPath, 'utf8') });
    // one buggy fixture per exercise (the others use the library the same way)
    const buggy = join(INSTALL_ROOT, 'tests', 'fixtures', 'buggy', def.chapter, def.name);
    const first = existsSync(buggy) ? readdirSync(buggy).filter((n) => n.endsWith('.ts')).sort()[0] : undefined;
    if (first !== undefined) out.push({ def, label: `${def.id} buggy ${first}`, source: readFileSync(join(buggy, first), 'utf8') });
  }
  // the library's deprecated and documented members, misused
  const conv = out[0]!.def;
  const sig = 'export function conv2d(input: number[][][], kernel: number[][][][]): number[][][]';
  for (const body of [
    'const s = "abc".substr(1); escape(s); const n: number = s; return [[[n]]];',
    'const d = new Date(); d.getYear(); const x: string = d.getTime(); return [[[x]]];',
    'const a = [1, 2, 3].findLast((v) => v > 1); const b: number = a; return [[[b]]];',
    'const m = new Map<string, number>(); m.set(1, "x"); return [[[Math.max(...m.values())]]];',
    'const r = input.flat(2).reduce((acc, v) => acc + v, ""); return [[[r]]];',
    'const t: number[] = input.flat(2).toSorted("desc"); return [[t]];',
    'const p = Promise.resolve(1); const q: number = p; return [[[Math.round("1")]]];',
    'const o = Object.fromEntries([[1, 2, 3]]); const k: string[] = Object.keys(o).at(0); return [[[k.length]]];',
    'const big = 10n ** 2; const arr = new Float32Array("3"); return [[[big, arr]]];',
    'input.fill(0, "a"); kernel.copyWithin(); return input.findLastIndex();',
  ]) out.push({ def: conv, label: `library: ${body}`, source: `${sig} {\n  ${body}\n}\n` });
  return out;
}

async function findings(c: Case): Promise<unknown> {
  const outcome = await typecheckStudentFile({
    source: c.source,
    stubSource: readFileSync(join(c.def.dir, c.def.file), 'utf8'),
    fileName: c.def.file,
    displayPath: `exercises/${c.def.id}/${c.def.file}`,
    exports: c.def.exports,
    exportLine: (name) => findExportLine(c.source, name),
    lang: 'en',
  });
  if (!outcome.ok) return outcome;
  return outcome.diagnostics;
}

describe("the standard library's JSDoc, parsed only as type errors need", () => {
  it('gives the findings of a whole parse, for the course and for misuses of the library', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(250);
    const partial: unknown[] = [];
    for (const c of all) partial.push(await findings(c));
    parseLibJsDocWholeForTests(true);
    const whole: unknown[] = [];
    try {
      for (const c of all) whole.push(await findings(c));
    } finally {
      parseLibJsDocWholeForTests(false);
    }
    for (let i = 0; i < all.length; i++) expect(partial[i], all[i]!.label).toEqual(whole[i]);
    // not a comparison of nothing: every library case has findings that name the library's types
    const library = all.map((c, i) => [c, partial[i]] as const).filter(([c]) => c.label.startsWith('library: '));
    expect(library).toHaveLength(10);
    for (const [c, found] of library) expect((found as unknown[]).length, c.label).toBeGreaterThan(0);
  }, 600_000);
});
