import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

export const REDTEAM_DIR = join(FIXTURES_DIR, 'hostile', 'redteam');
/** the grader's fake token: it must appear in no output */
export const SECRET = 'ghs_redteamFakeToken0123456789abcdefXYZ';

/**
 * No line the GitHub Actions runner would read as a workflow command: `::name …::` or the legacy
 * `##[name]`, at the start of a line after whitespace (the runner trims it).
 */
export function expectNoWorkflowCommand(text: string): void {
  const offending = text.split(/\r?\n|\r/).filter((line) => /^\s*(::[A-Za-z-]+[\s:]|##\[)/.test(line));
  expect(offending).toEqual([]);
}

/** No ANSI escape, other C0 control (but tab, newline and a CSV's CRLF) or bidi control. */
export function expectPrintable(text: string): void {
  text = text.replace(/\r\n/g, '\n');
  // eslint-disable-next-line no-control-regex
  const bad = text.match(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g) ?? [];
  expect(bad.map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)).toEqual([]);
}

/**
 * Markdown with its fenced code blocks removed (CommonMark: a fence closes only on a line of the
 * same character, at least as long, and nothing else): what GitHub would render as Markdown/HTML.
 * A fence left open swallows the rest, which is reported by returning it whole plus a marker.
 */
export function outsideFences(markdown: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    if (fence === undefined) {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open) fence = open[1];
      else kept.push(line);
    } else if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) {
      fence = undefined;
    }
  }
  return fence === undefined ? kept.join('\n') : `${kept.join('\n')}\n<unclosed fence>`;
}
