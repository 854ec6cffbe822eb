import { describe, expect, it } from 'vitest';
import { createCodeHighlighter, fenceLexers } from '../../src/markdown/highlight.js';
import { codeThemeFor } from '../../src/markdown/themes.js';

describe('highlighting', () => {
  it('colours tokens with the theme and escapes the code', async () => {
    const hl = await createCodeHighlighter('monokai');
    await hl.load(['ruby']);
    const html = hl.highlight("puts '<a>' # note", 'ruby');
    expect(html).toMatch(/<span style="color:#[0-9A-Fa-f]{6}">/);
    expect(html).toContain('&lt;a&gt;');
    expect(html).not.toContain('<a>');
    // Text survives highlighting exactly.
    expect(html.replace(/<[^>]+>/g, '')).toBe("puts &#39;&lt;a&gt;&#39; # note");
  });

  it('falls back to escaped text for a language it was not asked to load', async () => {
    const hl = await createCodeHighlighter('monokai');
    expect(hl.highlight('<x>', 'python')).toBe('&lt;x&gt;');
    expect(hl.knows('python')).toBe(true);
    expect(hl.knows('nosuchlang')).toBe(false);
  });

  it('finds the languages a page uses before rendering', () => {
    expect([...fenceLexers('```shell\n```\n  ~~~ js\n~~~\n```\n```\n````python title\n````\n')].sort()).toEqual(['javascript', 'python', 'shell']);
  });
});

describe('code themes', () => {
  it('maps highlight.js names Widdershins writes to shiki themes', () => {
    expect(codeThemeFor('darkula')).toEqual({ theme: 'dark-plus', known: true });
    expect(codeThemeFor('github-dark')).toEqual({ theme: 'github-dark', known: true });
    expect(codeThemeFor(undefined)).toEqual({ theme: 'monokai', known: true });
    expect(codeThemeFor('no-such-theme')).toEqual({ theme: 'monokai', known: false });
  });
});
