import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GradeResult } from '../engine/result.ts';
import { DlgradeError } from '../errors.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { cliText } from './lang.ts';

export interface ReportFiles {
  json?: string;
  markdown?: string;
  /** every failing property in full in the Markdown report (`--verbose`) */
  verbose?: boolean;
}

function write(path: string, content: string, what: string): void {
  const target = resolve(path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  } catch (error: unknown) {
    throw new DlgradeError({ code: 'E_IO', file: target, message: cliText().cli.io.couldNotWrite(what), fix: cliText().cli.io.checkWritable, cause: error });
  }
}

/** Writes the requested report files. The JSON goes first: it is the result of record. */
export function writeReports(result: GradeResult, files: ReportFiles): void {
  if (files.json) write(files.json, JSON.stringify(result, null, 2) + '\n', cliText().cli.io.jsonResult);
  if (files.markdown) write(files.markdown, renderMarkdown(result, { verbose: files.verbose === true }), cliText().cli.io.markdownReport);
}
