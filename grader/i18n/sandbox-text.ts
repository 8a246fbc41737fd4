import type { Lang } from '../engine/result.ts';
import { t } from './index.ts';

/**
 * The sandbox (grader/sandbox/student-process.ts) states why it ended a student process in fixed
 * English sentences, which also go to the grader's logs. Each of those templates is matched here
 * and said again from the catalog, so the student reads it in the report's language. A sentence
 * not listed passes through unchanged (the catalog test lists every template, so a new one shows).
 */
export function sandboxText(message: string, lang: Lang): string {
  const s = t(lang).engine.sandbox;
  const rules: [RegExp, (g: string[]) => string][] = [
    [/^(.*?: )?the call took more than (\d+) ms$/, (g) => `${g[0] ?? ''}${s.callTime(Number(g[1]))}`],
    [/^(.*?: )?the exercise ran out of its time limit$/, (g) => `${g[0] ?? ''}${s.budget}`],
    [/^loading the module took more than (\d+) ms$/, (g) => s.loadTime(Number(g[0]))],
    [/^could not start the student process: (.*)$/s, (g) => s.startFailed(g[0]!)],
    [/^the process ended while loading the module$/, () => s.endedWhileLoading],
    [/^a value of more than (\d+) MiB was returned$/, (g) => s.tooLarge(Number(g[0]))],
    [/^the student process wrote something that is not a message on the grader channel$/, () => s.protocol],
    [/^malformed message$/, () => s.malformed],
    [/^the process used more than (\d+) MiB of memory$/, (g) => s.usedMemory(Number(g[0]))],
    [/^the process ran out of memory \(limit (\d+) MiB\)$/, (g) => s.outOfMemory(Number(g[0]))],
    [/^the process was killed by (\S+)$/, (g) => s.killed(g[0]!)],
    [/^the process exited with code (\S+) instead of answering$/, (g) => s.exited(g[0]!)],
  ];
  for (const [pattern, render] of rules) {
    const match = pattern.exec(message);
    if (match) return render(match.slice(1));
  }
  return message;
}
