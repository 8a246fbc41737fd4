import { findExportLine } from '../../sandbox/compile.ts';
import type { Location } from '../result.ts';

const MAX_LINE = 160;

/**
 * The first line of a function's body in the student's file: after the parameter list closes, the
 * line holding the first statement after `{` (or the expression of an arrow function). Undefined
 * when the function cannot be found (the report then names the file only).
 */
export function functionBodyLine(source: string, fn: string): number | undefined {
  const exportLine = findExportLine(source, fn);
  if (exportLine === undefined) return undefined;
  const lines = source.split('\n');
  let offset = lines.slice(0, exportLine - 1).reduce((n, l) => n + l.length + 1, 0);
  let depth = 0;
  let seenParams = false;
  for (; offset < source.length; offset++) {
    const ch = source[offset]!;
    if (ch === '(') {
      depth++;
      seenParams = true;
    } else if (ch === ')') {
      depth--;
    } else if (seenParams && depth === 0 && (ch === '{' || (ch === '>' && source[offset - 1] === '='))) {
      if (ch === '>') {
        // `=> {` or `=> expression`
        const rest = source.slice(offset + 1);
        const skip = rest.length - rest.trimStart().length;
        if (rest.trimStart().startsWith('{')) {
          offset += skip + 1;
        } else {
          return lineAt(source, offset + 1 + skip);
        }
      }
      // the first non-blank character after `{`
      const after = source.slice(offset + 1);
      const skip = after.length - after.trimStart().length;
      return lineAt(source, Math.min(source.length - 1, offset + 1 + skip));
    }
  }
  return exportLine;
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === '\n') line++;
  return line;
}

/** Three lines of the student's file around `line` (untrusted text, trimmed and capped). */
export function codeFrame(source: string, line: number, context = 1): NonNullable<Location['frame']> {
  const lines = source.split('\n');
  const frame: NonNullable<Location['frame']> = [];
  for (let n = Math.max(1, line - context); n <= Math.min(lines.length, line + context); n++) {
    const text = lines[n - 1]!.replace(/\r$/, '');
    frame.push({ line: n, text: text.length > MAX_LINE ? text.slice(0, MAX_LINE) + '…' : text });
  }
  return frame;
}

/** A location with its code frame; `fn` names the function it is in when known. */
export function locate(source: string | undefined, file: string, line: number, fn?: string): Location {
  const location: Location = { file, line };
  if (fn !== undefined) location.function = fn;
  if (source !== undefined) location.frame = codeFrame(source, line);
  return location;
}
