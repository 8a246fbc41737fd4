/**
 * Neutralising untrusted text (anything a student's code or file can influence) before it reaches
 * Markdown, a terminal, a GitHub comment, an annotation or a job summary.
 */

// C0/C1 controls except \t and \n, DEL, and the Unicode bidi/invisible formatting characters
// (Trojan Source: U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) plus zero-width ones.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// ANSI escape sequences (CSI, OSC, and lone ESC-x); must run before CONTROL removes the ESC.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

/** Removes ANSI sequences, control characters (keeping \n and \t) and bidi/invisible characters. */
export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}

/** Caps a string at `max` characters (code points are not split), marking the cut. */
export function capLength(text: string, max: number, marker = '…[truncado]'): string {
  if (text.length <= max) return text;
  const keep = Math.max(0, max - marker.length);
  let cut = text.slice(0, keep);
  // do not leave half a surrogate pair
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + marker;
}

/** Cleans untrusted text: controls stripped, length capped. */
export function sanitize(text: string, max = 2000): string {
  return capLength(stripControl(text), max);
}

/** The longest run of backticks inside `text`. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Wraps untrusted text in a fenced code block whose fence is longer than any backtick run inside,
 * so nothing in it can close the block or be read as Markdown or HTML.
 */
export function codeFence(text: string, opts: { lang?: string; max?: number } = {}): string {
  const body = sanitize(text, opts.max ?? 2000);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${opts.lang ?? 'text'}\n${body}\n${fence}`;
}

/**
 * Inline code span for short untrusted text: newlines folded, delimiter longer than any inner run,
 * padded with spaces when the text starts or ends with a backtick.
 */
export function codeSpan(text: string, max = 200): string {
  const body = sanitize(text, max).replace(/\n/g, ' ');
  if (body.length === 0) return '` `';
  const ticks = '`'.repeat(longestBacktickRun(body) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

const ZWSP = '&#8203;';

/**
 * Breaks what GitHub turns into links by itself in a text node (its autolink extension and its
 * reference linker run on the decoded text, so a zero-width space inside each trigger stops
 * them): bare URLs (`scheme://`), `www.` domains, `mailto:` / `xmpp:`, and `GH-123` issue
 * references. Input is already HTML-escaped Markdown text; code spans and fences are never linked.
 */
export function neutralizeAutolinks(escaped: string): string {
  return escaped
    .replace(/:(?=\/\/)/g, `:${ZWSP}`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/\b(mailto|xmpp):/gi, `$1${ZWSP}:`)
    .replace(/\b(gh)-(?=[0-9])/gi, `$1${ZWSP}-`);
}

/**
 * Plain-text untrusted content that must appear outside code (a table cell, a title):
 * Markdown and HTML metacharacters escaped, @mentions and #123 references neutralised,
 * autolinks (bare URLs, `www.`, `GH-123`) broken, `<!--` impossible, newlines folded.
 */
export function escapeMarkdownText(text: string, max = 300): string {
  const escaped = sanitize(text, max)
    .replace(/\n+/g, ' ')
    .replace(/[\\`*_{}[\]()<>+!|~&"=@#]/g, (c) =>
      // GitHub links mentions and #references in text nodes after entities are decoded,
      // so a zero-width space must separate the sigil from what follows.
      c === '@' || c === '#' ? `${c}${ZWSP}` : `&#${c.charCodeAt(0)};`,
    );
  return neutralizeAutolinks(escaped);
}

/** Escapes for an XML/HTML text node or attribute value. */
export function escapeXml(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Makes HTML comment delimiters inert: `<!--` becomes `<! --` and `-->` becomes `-- >`.
 * Applied to untrusted text even inside code fences, so no untrusted string can forge
 * (or close) a hidden marker such as `<!-- dlgrade:feedback -->`.
 */
export function neutralizeHtmlComments(text: string): string {
  let out = text;
  // repeat until stable: removing one delimiter must not assemble another
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(/<!--/g, '<! --').replace(/-->/g, '-- >');
  }
  return out;
}

/** Untrusted text as a fenced code block: controls stripped, capped, comment delimiters neutralised. */
export function untrustedFence(text: string, opts: { lang?: string; max?: number } = {}): string {
  return codeFence(neutralizeHtmlComments(stripControl(text)), opts);
}

/**
 * Untrusted text for plain-text sinks (check-run annotations, log lines): controls stripped,
 * comment delimiters neutralised, newlines kept or folded, capped.
 */
export function plainText(text: string, max = 2000, opts: { foldNewlines?: boolean } = {}): string {
  let body = neutralizeHtmlComments(stripControl(text));
  if (opts.foldNewlines) body = body.replace(/\s*\n\s*/g, ' ');
  return capLength(body, max);
}

/**
 * Escapes text for the data part of a GitHub Actions workflow command (`::warning::DATA`):
 * `%`, CR and LF are percent-encoded so the text stays on one command line.
 */
export function escapeWorkflowData(text: string): string {
  return stripControl(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Breaks `::` so a line of untrusted text printed by another tool cannot start a workflow command
 * (`::set-output`, `::add-mask::`...). Use after the other sanitising steps.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text.replace(/::/g, ':\u200B:');
}

/**
 * Breaks a workflow command at the start of any line (`::error::…`, `::add-mask::…`, legacy
 * `##[warning]`), leading whitespace included: the runner reads those when a tool prints the text
 * (a JUnit body shown by a reporter action, `cat` of a file). Elsewhere in a line `::` is kept.
 */
export function neutralizeLineCommands(text: string): string {
  return text.replace(/^([ \t]*)(::|##\[)/gm, (_m, lead: string, command: string) => `${lead}${command === '::' ? ':\u200B:' : '#\u200B#['}`);
}

/**
 * A repository-relative path (`exercises/ch01/a.ts`), or undefined when the text is not one:
 * absolute paths (`/…`, `C:…`, `\\server`), any `..` segment, empty segments, control
 * characters or a cut are refused; backslashes become slashes and `./` segments are dropped.
 */
export function repoRelativePath(path: string): string | undefined {
  if (path.length > 512 || stripControl(path) !== path || /[\r\n]/.test(path)) return undefined;
  const slashed = path.replace(/\\/g, '/');
  if (slashed === '' || slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return undefined;
  const parts = slashed.split('/').filter((part) => part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..' || part === '')) return undefined;
  return parts.join('/');
}

/** Text safe for an XML 1.0 text node or attribute: invalid characters removed, markup escaped. */
export function xmlText(text: string): string {
  // lone surrogates and U+FFFE/U+FFFF are not XML characters
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '');
  return escapeXml(wellFormed);
}
