import cliProgress from 'cli-progress';

export interface StudentProgress {
  /** one finished student: its line is printed now, and the bar moves */
  done: (line: string) => void;
  /** a line that is not a student (a heading, a warning) */
  note: (line: string) => void;
  stop: () => void;
}

export interface StudentProgressOptions {
  /** e.g. "provision" */
  label: string;
  total: number;
  /** where the lines go (stdout) */
  out?: NodeJS.WritableStream;
  /** where the bar goes, when it is a terminal (stderr) */
  bar?: NodeJS.WriteStream;
  /** false: never a bar (tests, --json consumers) */
  tty?: boolean;
}

/**
 * Progress of a per-student command. On a terminal: a bar with ETA on stderr and each student's
 * line printed above it as it finishes. Elsewhere (CI logs, pipes): one plain line per student as
 * it finishes, prefixed `[i/n]`. Either way nothing waits for the whole class.
 */
export function createStudentProgress(options: StudentProgressOptions): StudentProgress {
  const out = options.out ?? process.stdout;
  const stream = options.bar ?? process.stderr;
  const useBar = (options.tty ?? stream.isTTY === true) && options.total > 0;
  let done = 0;
  if (useBar) {
    const multi = new cliProgress.MultiBar(
      { stream, format: `${options.label} [{bar}] {value}/{total} · {percentage}% · ETA {eta_formatted}`, hideCursor: true, etaBuffer: 10, clearOnComplete: true, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    const bar = multi.create(options.total, 0);
    return {
      done: (line) => {
        done++;
        multi.log(`${line}\n`);
        bar.increment(1);
      },
      note: (line) => multi.log(`${line}\n`),
      stop: () => multi.stop(),
    };
  }
  const width = String(options.total).length;
  return {
    done: (line) => {
      done++;
      out.write(`[${String(done).padStart(width)}/${options.total}] ${line.replace(/^\s+/, '')}\n`);
    },
    note: (line) => void out.write(`${line}\n`),
    stop: () => undefined,
  };
}
