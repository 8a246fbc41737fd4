import type { ExerciseResult, GradeResult, PropertyResult } from '../engine/result.ts';

/** What a short report says about one exercise: the diagnosis first, the rest in a line each. */
export interface ExerciseDigest {
  exercise: ExerciseResult;
  /** the most fundamental failing property (properties run prerequisites first): shown in full */
  first?: PropertyResult;
  /** the other failing properties, one line each */
  others: PropertyResult[];
  /** not checked because a prerequisite did not pass */
  blocked: PropertyResult[];
  /** every failing property threw the stub's "not implemented": the student has not started */
  notStarted: boolean;
  /** the command to rerun this exercise */
  command: string;
}

const FAILING = new Set(['fail', 'error', 'timeout']);

/** The command that reruns an exercise, from a property's reproduce command (`<prefix> <id> --seed …`). */
export function exerciseCommand(exercise: ExerciseResult): string {
  for (const p of exercise.properties) {
    if (p.command === undefined) continue;
    const at = p.command.indexOf(` ${exercise.id}`);
    if (at > 0) return p.command.slice(0, at + exercise.id.length + 1);
  }
  return `npx dlgrade check ${exercise.id}`;
}

export function digestExercise(exercise: ExerciseResult): ExerciseDigest {
  const failing = exercise.properties.filter((p) => FAILING.has(p.status));
  const blocked = exercise.properties.filter((p) => p.status === 'skipped' && (p.blockedBy?.length ?? 0) > 0);
  const digest: ExerciseDigest = {
    exercise,
    others: failing.slice(1),
    blocked,
    notStarted: failing.length > 0 && failing.every((p) => p.notImplemented === true),
    command: exerciseCommand(exercise),
  };
  if (failing[0]) digest.first = failing[0];
  return digest;
}

/** What to do next about an exercise, as label and values (the renderers fill and escape them). */
export function nextAction(d: ExerciseDigest): { key: 'nextStart' | 'nextCheck' | 'nextFix'; values: { fn: string; file: string; property: string; command: string } } {
  const values = { fn: d.first?.function ?? d.exercise.id, file: d.exercise.file, property: d.first?.name ?? d.exercise.id, command: d.command };
  // an exercise that could not run (compile error, crash at load, timeout): its message says why
  const key = d.notStarted ? 'nextStart' : d.exercise.message !== undefined || d.first === undefined ? 'nextFix' : 'nextCheck';
  return { key, values };
}

/** The property that was running when the exercise ran out of time. */
export function timedOutProperty(exercise: ExerciseResult): PropertyResult | undefined {
  return exercise.status === 'timeout' ? exercise.properties.find((p) => p.status === 'timeout') : undefined;
}

/** Every exercise short of full marks, in report order, and what to run next. */
export function summarise(result: GradeResult): { short: ExerciseDigest[]; next?: ExerciseDigest } {
  const short = result.exercises.filter((e) => e.status !== 'pass' || e.score < e.maxScore).map(digestExercise);
  const next = short[0];
  return next ? { short, next } : { short };
}
