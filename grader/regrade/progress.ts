import cliProgress from 'cli-progress';
import type { Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';
import type { StudentOutcome } from './regrade.ts';

export interface Progress {
  start: (total: number, skipped: number) => void;
  student: (outcome: StudentOutcome) => void;
  stop: () => void;
}

function describe(o: StudentOutcome, lang: Lang): string {
  const m = t(lang).regrade.progress;
  const score = o.score !== undefined ? `${o.score}/${o.maxScore}` : m.noScore;
  const flags = [o.tampered ? m.tampered : '', o.errors.length > 0 ? m.errors(o.errors.length) : ''].filter(Boolean).join(', ');
  return `${o.username} ${score} (${(o.durationMs / 1000).toFixed(1)} s)${flags ? ` [${flags}]` : ''}`;
}

/**
 * Progress on stderr: a bar with ETA on a terminal, one plain line per student otherwise
 * (CI logs). stdout stays free for the summary.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, lang: Lang = currentLang()): Progress {
  const m = t(lang).regrade.progress;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'regrade [{bar}] {value}/{total} · {percentage}% · ETA {eta_formatted} · {last}', hideCursor: true, etaBuffer: 20, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total, skipped) => {
        if (skipped > 0) stream.write(`${m.skippedTty(skipped)}\n`);
        bar.start(total, 0, { last: '' });
      },
      student: (o) => bar.increment(1, { last: describe(o, lang).slice(0, 60) }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let total = 0;
  const started = Date.now();
  return {
    start: (toGrade, skipped) => {
      total = toGrade;
      stream.write(`${m.start(total, skipped)}\n`);
    },
    student: (o) => {
      done++;
      const elapsed = (Date.now() - started) / 1000;
      const eta = done > 0 ? Math.round((elapsed / done) * (total - done)) : 0;
      stream.write(`[${done}/${total}] ${describe(o, lang)} · ETA ${eta} s\n`);
    },
    stop: () => undefined,
  };
}
