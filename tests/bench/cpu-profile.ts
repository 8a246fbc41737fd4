/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and sums its self time by where the code lives:
 * TensorFlow.js, the references, the specs, fast-check, the catalog's YAML and schema, tsx and
 * esbuild, Node's module loader, the sandbox channel, the rest of the grader, GC, idle (waiting
 * for a student process or the disk). Real samples, not guesses; used by `npm run bench profile`.
 */
import { readFileSync } from 'node:fs';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export const CATEGORIES = [
  'idle (waiting: student processes, disk)',
  'TensorFlow.js (reference backend, ops)',
  'references (reference/)',
  'specs (exercises/*/spec.ts)',
  'fast-check (generation, shrinking)',
  'catalog: YAML parse + ajv validation',
  'tsx / esbuild (transpiling)',
  'Node module loader (resolve, CJS lexer, source maps)',
  'sandbox channel (codec, student-process)',
  'comparison and report (grader/compare, grader/report)',
  'rest of the grader',
  'Node internals (streams, child_process, fs)',
  'V8: compile, GC, native',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

function categorise(frame: CpuProfileNode['callFrame']): Category {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return 'idle (waiting: student processes, disk)';
  if (functionName === '(garbage collector)' || functionName === '(program)' || (url === '' && functionName !== '')) return 'V8: compile, GC, native';
  if (url.includes('/@tensorflow/')) return 'TensorFlow.js (reference backend, ops)';
  if (url.includes('/reference/')) return 'references (reference/)';
  if (url.includes('/exercises/')) return 'specs (exercises/*/spec.ts)';
  if (url.includes('/fast-check/')) return 'fast-check (generation, shrinking)';
  if (url.includes('/node_modules/yaml/') || url.includes('/node_modules/ajv')) return 'catalog: YAML parse + ajv validation';
  if (url.includes('/tsx/') || url.includes('/esbuild/')) return 'tsx / esbuild (transpiling)';
  if (url.includes('internal/modules') || url.includes('cjs-module-lexer') || url.includes('source_map')) return 'Node module loader (resolve, CJS lexer, source maps)';
  if (url.includes('/grader/sandbox/')) return 'sandbox channel (codec, student-process)';
  if (url.includes('/grader/compare/') || url.includes('/grader/report/')) return 'comparison and report (grader/compare, grader/report)';
  if (url.includes('/grader/')) return 'rest of the grader';
  if (url.startsWith('node:')) return 'Node internals (streams, child_process, fs)';
  return 'other';
}

/** Self time (ms) per category, and the profile's total. */
export function cpuProfileByCategory(path: string): { byCategory: Map<Category, number>; totalMs: number } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const category = new Map<number, Category>(profile.nodes.map((n) => [n.id, categorise(n.callFrame)]));
  const byCategory = new Map<Category, number>();
  let total = 0;
  // timeDeltas[i] is the time before sample i: the time of sample i-1's stack
  for (let i = 1; i < profile.samples.length; i++) {
    const ms = profile.timeDeltas[i]! / 1000;
    const c = category.get(profile.samples[i - 1]!) ?? 'other';
    byCategory.set(c, (byCategory.get(c) ?? 0) + ms);
    total += ms;
  }
  return { byCategory, totalMs: total };
}
