import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  escapeMarkdownText,
  escapeWorkflowData,
  neutralizeLineCommands,
  repoRelativePath,
  neutralizeHtmlComments,
  neutralizeWorkflowCommands,
  plainText,
  untrustedFence,
  xmlText,
} from '../../grader/report/escape.ts';

describe('neutralizeHtmlComments', () => {
  it('makes comment openers and closers inert', () => {
    expect(neutralizeHtmlComments('a <!-- dlgrade:feedback --> b')).toBe('a <! -- dlgrade:feedback -- > b');
  });
  it('does not let a removal assemble a new opener', () => {
    const out = neutralizeHtmlComments('<!<!---->->');
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('-->');
  });
});

describe('untrustedFence', () => {
  it('uses a fence longer than any backtick run and strips controls, bidi and comment openers', () => {
    const fenced = untrustedFence('x ```````` y \u001b[31mz\u202e <!-- m -->');
    expect(fenced.startsWith('`````````text\n')).toBe(true);
    expect(fenced).not.toMatch(/\u001b|\u202e|<!--/);
  });
  it('caps the size', () => {
    expect(untrustedFence('a'.repeat(10_000), { max: 100 }).length).toBeLessThan(130);
  });
});

describe('plainText', () => {
  it('strips, neutralises, optionally folds and caps', () => {
    expect(plainText('a\u0007\n<!--b', 100, { foldNewlines: true })).toBe('a <! --b');
    expect(plainText('x'.repeat(50), 20)).toHaveLength(20);
  });
});

describe('workflow commands', () => {
  it('escapeWorkflowData keeps a message on one command line', () => {
    expect(escapeWorkflowData('50%\r\n::set-output x::y')).toBe('50%25%0A::set-output x::y');
  });
  it('neutralizeWorkflowCommands breaks every ::', () => {
    expect(neutralizeWorkflowCommands('::add-mask::secret')).not.toContain('::');
  });
});

describe('xmlText', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(xmlText('<a href="x">&\'</a>\uD800\uFFFF\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
  it('keeps valid surrogate pairs', () => {
    expect(xmlText('🧪')).toBe('🧪');
  });
});

/** GitHub Flavored Markdown as GitHub renders it (micromark implements the GFM spec, autolink literals included). */
function gfmHtmlOf(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

describe('escapeMarkdownText: autolinks', () => {
  const hostile = [
    'visit https://evil.example/login now',
    'http://evil.example',
    'see www.evil.example/path',
    'WWW.EVIL.EXAMPLE',
    'mail me: ana@evil.example',
    'mailto:ana@evil.example',
    'xmpp:ana@evil.example',
    'closes GH-5 and gh-12',
    'ftp://evil.example/file',
  ];

  it.each(hostile)('%j renders as text, not a link', (text) => {
    const html = gfmHtmlOf(`| a |\n| --- |\n| ${escapeMarkdownText(text)} |\n\n${escapeMarkdownText(text)}`);
    expect(html).not.toMatch(/<a\b/);
  });

  it('the check is real: unescaped, GFM links them', () => {
    for (const text of ['visit https://evil.example/login now', 'see www.evil.example/path', 'ana@evil.example']) expect(gfmHtmlOf(text)).toMatch(/<a\b/);
  });

  it('breaks GH-n references, which GitHub links in comments', () => {
    expect(escapeMarkdownText('GH-5')).toBe('GH&#8203;-5');
    expect(escapeMarkdownText('ghost-5 GH-x')).toBe('ghost-5 GH-x');
  });

  it('keeps the text readable once rendered', () => {
    const html = gfmHtmlOf(escapeMarkdownText('see https://a.example and www.b.example (GH-5)'));
    expect(html.replace(/\u200B/g, '').replace(/<\/?p>|\n/g, '')).toBe('see https://a.example and www.b.example (GH-5)');
  });

  it('inside a code span nothing is linked anyway', () => {
    expect(gfmHtmlOf(codeSpan('https://evil.example www.evil.example'))).not.toMatch(/<a\b/);
  });
});

describe('neutralizeLineCommands', () => {
  it('breaks :: and ##[ at the start of every line, indented or not, and leaves the rest', () => {
    expect(neutralizeLineCommands('ok\n::error::x\n  ::add-mask::y\n##[warning]z\na::b')).toBe('ok\n:\u200B:error::x\n  :\u200B:add-mask::y\n#\u200B#[warning]z\na::b');
  });
});

describe('repoRelativePath', () => {
  it.each([
    ['exercises/ch01/a.ts', 'exercises/ch01/a.ts'],
    ['./exercises/./ch01/a.ts', 'exercises/ch01/a.ts'],
    ['exercises\\ch01\\a.ts', 'exercises/ch01/a.ts'],
  ])('keeps %j as %j', (input, expected) => {
    expect(repoRelativePath(input)).toBe(expected);
  });

  it.each(['../../etc/passwd', 'exercises/../../x', '/etc/passwd', 'C:\\x.ts', '\\\\server\\x', '', 'a//b', 'a\nb', 'a\u202eb', '.'])('refuses %j', (input) => {
    expect(repoRelativePath(input)).toBeUndefined();
  });
});
