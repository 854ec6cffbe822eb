// Code highlighting with shiki: async setup once per build, then a sync highlight per fence.
// Languages are loaded on demand (only those the pages use), since loading every grammar costs
// seconds. The JavaScript regex engine is used: faster than WASM here and the same output on
// the blocks sampled (DESIGN §1).

import { bundledLanguages, bundledThemes, createHighlighter, createJavaScriptRegexEngine } from 'shiki';
import type { BundledLanguage, BundledTheme, Highlighter, ThemedToken } from 'shiki';
import { lexerOf } from './languages.js';

export interface CodeHighlighter {
  /** Loads the grammars for these lexer names; unknown names are ignored (see `knows`). */
  load(lexers: Iterable<string>): Promise<void>;
  knows(lexer: string): boolean;
  /** Inner HTML of `<code>` for `code`; plain escaped text for unknown lexers. */
  highlight(code: string, lexer: string): string;
  theme: { name: string; bg: string; fg: string; type: 'dark' | 'light' };
}

/** shiki's name for a lexer (Slate/Rouge say `shell`, shiki says `shellscript`; both work). */
function shikiName(lexer: string): BundledLanguage | undefined {
  return lexer in bundledLanguages ? (lexer as BundledLanguage) : undefined;
}

export async function createCodeHighlighter(theme: BundledTheme): Promise<CodeHighlighter> {
  const hl: Highlighter = await createHighlighter({
    themes: [theme],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  const t = hl.getTheme(theme);
  return {
    theme: { name: theme, bg: t.bg, fg: t.fg, type: t.type === 'light' ? 'light' : 'dark' },
    knows: (lexer) => lexer === 'plaintext' || shikiName(lexer) !== undefined,
    async load(lexers) {
      const wanted = [...new Set([...lexers].map((l) => shikiName(l)).filter((l): l is BundledLanguage => !!l))];
      const missing = wanted.filter((l) => !hl.getLoadedLanguages().includes(l));
      if (missing.length) await hl.loadLanguage(...missing);
    },
    highlight(code, lexer) {
      const lang = shikiName(lexer);
      if (!lang || !hl.getLoadedLanguages().includes(lang)) return escapeHtml(code);
      const { tokens } = hl.codeToTokens(code, { lang, theme });
      return tokensToHtml(tokens, t.fg);
    },
  };
}

// shiki's FontStyle bit flags.
const ITALIC = 1, BOLD = 2, UNDERLINE = 4;

/** One span per run of same-styled tokens; text in the theme's foreground needs no span. */
function tokensToHtml(lines: ThemedToken[][], fg: string): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (i) out += '\n';
    let style = '', text = '';
    const flush = () => {
      if (text) out += style ? `<span style="${style}">${escapeHtml(text)}</span>` : escapeHtml(text);
      text = '';
    };
    for (const tok of lines[i]) {
      const s = styleOf(tok, fg);
      // Whitespace takes any style, so it joins the run it sits in.
      if (s !== style && /\S/.test(tok.content)) { flush(); style = s; }
      text += tok.content;
    }
    flush();
  }
  return out;
}

function styleOf(tok: ThemedToken, fg: string): string {
  let s = tok.color && tok.color.toLowerCase() !== fg.toLowerCase() ? `color:${tok.color}` : '';
  const fs = tok.fontStyle ?? 0;
  if (fs > 0) {
    if (fs & ITALIC) s += `${s ? ';' : ''}font-style:italic`;
    if (fs & BOLD) s += `${s ? ';' : ''}font-weight:bold`;
    if (fs & UNDERLINE) s += `${s ? ';' : ''}text-decoration:underline`;
  }
  return s;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Every lexer named by a fence in this Markdown (a cheap line scan, before rendering). */
export function fenceLexers(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const m of markdown.matchAll(/^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/gm)) found.add(lexerOf(m[1]));
  return found;
}

export function isBundledTheme(name: string): name is BundledTheme {
  return name in bundledThemes;
}
