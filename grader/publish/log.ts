import { randomBytes } from 'node:crypto';
import type { Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';
import { escapeWorkflowData } from '../report/escape.ts';

/** Where publish reports what it did. Messages are dlgrade's own words; untrusted text goes through `untrusted`. */
export interface PublishLog {
  info(message: string): void;
  /** also surfaced as a workflow `::warning::` in Actions */
  warn(message: string): void;
  /** prints text that may carry student-controlled content with workflow commands disabled */
  untrusted(label: string, text: string): void;
}

export interface LogSink {
  write(chunk: string): unknown;
}

/** Wraps text in `::stop-commands::TOKEN` … `::TOKEN::` so no line in it is run as a workflow command. */
export function stopCommands(text: string, token = randomBytes(16).toString('hex')): string {
  let t = token;
  while (text.includes(t)) t = randomBytes(16).toString('hex');
  return `::stop-commands::${t}\n${text.replace(/\r/g, '')}\n::${t}::\n`;
}

/**
 * The log of the CLI: info on `out`, warnings as `::warning::` lines when running in Actions (the
 * workflow command keeps its syntax), else after the catalog's word for a warning in `lang`
 * (default: the process's).
 */
export function createPublishLog(out: LogSink, opts: { actions: boolean; lang?: Lang }): PublishLog {
  const prefix = t(opts.lang ?? currentLang()).publish.log.warningPrefix;
  return {
    info: (message) => out.write(`${message}\n`),
    warn: (message) => out.write(opts.actions ? `::warning title=dlgrade publish::${escapeWorkflowData(message)}\n` : `${prefix}: ${message}\n`),
    untrusted: (label, text) => out.write(`${label}\n${stopCommands(text)}`),
  };
}

/** A log that records (tests, programmatic use). */
export function memoryLog(): PublishLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
    untrusted: (label, text) => lines.push(`${label}\n${stopCommands(text)}`),
  };
}
