import { createHighlighterCore } from 'shiki/core';
import { describe, expect, it, vi } from 'vitest';
import { createCodeHighlighter } from '../../src/markdown/highlight.js';
import { codeThemeFor } from '../../src/markdown/themes.js';

// Counted: shiki's core (its engine and registry) is made only when a grammar is needed.
vi.mock('shiki/core', async (original) => {
  const core = await original<typeof import('shiki/core')>();
  return { ...core, createHighlighterCore: vi.fn(core.createHighlighterCore) };
});

describe('highlighting', () => {
  it('colours tokens with the theme and escapes the code', async () => {
    const hl = await createCodeHighlighter('monokai');
    await hl.load(['ruby']);
    const html = hl.highlight("puts '<a>' # note", 'ruby');
    expect(html).toContain('&lt;a&gt;');
    expect(html).not.toContain('<a>');
    // Text survives highlighting exactly; quotes need no escaping between tags.
    expect(html.replace(/<[^>]+>/g, '')).toBe("puts '&lt;a&gt;' # note");
  });

  it('colours tokens with one class per theme style, defined in the theme CSS', async () => {
    const hl = await createCodeHighlighter('monokai');
    await hl.load(['ruby']);
    const html = hl.highlight("puts 'hi' # note", 'ruby');
    expect(html).not.toContain('style=');
    const classes = [...html.matchAll(/<span class="(t[0-9a-z]+)">/g)].map((m) => m[1]);
    expect(new Set(classes).size).toBeGreaterThanOrEqual(2); // the string and the comment differ
    for (const c of classes) expect(hl.theme.css).toMatch(new RegExp(`\\.highlight \\.${c}\\{color:#[0-9a-f]{6}`));
    // monokai sets parameters in italics: the font style travels with the class.
    await hl.load(['python']);
    const param = /<span class="(t[0-9a-z]+)">self<\/span>/.exec(hl.highlight('def f(self):\n  return 1', 'python'))?.[1];
    expect(param).toBeDefined();
    expect(hl.theme.css).toMatch(new RegExp(`\\.highlight \\.${param}\\{[^}]*font-style:italic`));
  });

  it('gives the same class names to a second highlighter of the same theme', async () => {
    const a = await createCodeHighlighter('github-dark');
    const b = await createCodeHighlighter('github-dark');
    expect(a.theme.css).toBe(b.theme.css);
    expect(a.version).toBe(b.version);
    expect(a.version).not.toBe((await createCodeHighlighter('monokai')).version);
  });

  it('starts shiki only when a grammar is first needed, with the theme it had from the start', async () => {
    const made = vi.mocked(createHighlighterCore);
    made.mockClear();
    const hl = await createCodeHighlighter('monokai');
    // An edit whose blocks all come from the highlight cache loads nothing: shiki is not started.
    await hl.load([]);
    await hl.load(['no-such-language']);
    expect(hl.highlight('puts 1', 'ruby')).toBe('puts 1');
    expect(made).not.toHaveBeenCalled();
    const css = hl.theme.css;
    expect(css).toMatch(/\.highlight \.t0\{color:#/);
    await hl.load(['ruby']);
    await hl.load(['ruby', 'python']);
    expect(made).toHaveBeenCalledTimes(1);
    // The classes the theme's CSS named before shiki started are the ones its tokens get.
    const classes = [...hl.highlight("puts 'hi' # note", 'ruby').matchAll(/<span class="(t[0-9a-z]+)">/g)].map((m) => m[1]);
    expect(classes.length).toBeGreaterThanOrEqual(2);
    for (const c of classes) expect(css).toContain(`.highlight .${c}{`);
    expect(hl.theme.css).toBe(css);
    hl.dispose();
  });

  it('falls back to escaped text for a language it was not asked to load', async () => {
    const hl = await createCodeHighlighter('monokai');
    expect(hl.highlight('<x>', 'python')).toBe('&lt;x&gt;');
    expect(hl.knows('python')).toBe(true);
    expect(hl.knows('nosuchlang')).toBe(false);
  });
});

describe('code themes', () => {
  it('maps highlight.js names Widdershins writes to shiki themes', () => {
    expect(codeThemeFor('darkula')).toEqual({ theme: 'dark-plus', known: true });
    expect(codeThemeFor('github-dark')).toEqual({ theme: 'github-dark', known: true });
    expect(codeThemeFor(undefined)).toEqual({ theme: 'monokai', known: true });
    expect(codeThemeFor('no-such-theme')).toEqual({ theme: 'monokai', known: false });
  });

  it('loads Ruby without its embedded grammars when no heredoc needs them, with the same colours', async () => {
    const whole = await createCodeHighlighter('monokai');
    await whole.load(['ruby']);
    const lean = await createCodeHighlighter('monokai');
    const plain = 'Stripe::Charge.create(amount: 2000, note: `ls`, re: /a+b/i, s: "x#{y}")';
    await lean.load(['ruby'], (pattern) => pattern.test(plain));
    expect(lean.highlight(plain, 'ruby')).toBe(whole.highlight(plain, 'ruby'));
    // A heredoc named after a language is that language inside: once the text has one, the
    // embedded grammars are loaded and the SQL is coloured as SQL, as by a whole load.
    const heredoc = 'q = <<~SQL\n  SELECT id FROM charges WHERE amount > 10\nSQL\n';
    const before = lean.highlight(heredoc, 'ruby');
    await lean.load(['ruby'], (pattern) => pattern.test(heredoc));
    expect(lean.highlight(heredoc, 'ruby')).toBe(whole.highlight(heredoc, 'ruby'));
    expect(lean.highlight(heredoc, 'ruby')).not.toBe(before);
    whole.dispose();
    lean.dispose();
  });
});
