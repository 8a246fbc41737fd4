import { describe, expect, it } from 'vitest';
import {
  escapeWorkflowData,
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
