// Code highlighting with shiki: async setup once per build, then a sync highlight per fence.
// Languages are loaded on demand (only those the pages use), since loading every grammar costs
// seconds. The Oniguruma (WASM) engine is used: measured on GitHub's reference (bench/), the
// JavaScript regex engine spends 11 ms per Java block and 3.5 ms per JavaScript block in a few
// lookahead patterns, against 1.1 and 1.0 ms here; over all eight tab languages WASM is ~3× faster
// and starts faster (no regex translation), and it is the engine the grammars were written for.
// Tokens become spans with one class per theme style (`t0`, `t1`, …; the rules are in
// `theme.css`): about 11 bytes less per token than an inline style, on pages with 700k tokens.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHighlighterCore, normalizeTheme, type HighlighterCore } from 'shiki/core';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { bundledLanguages, bundledLanguagesInfo } from 'shiki/langs';
import { bundledThemes } from 'shiki/themes';
import type { BundledLanguage, BundledTheme, ThemedToken, ThemeRegistrationResolved } from 'shiki';
import { leanGrammar } from './lean-grammar.js';
import { lineMemo, type LineToken } from './line-memo.js';

/**
 * Bump when the HTML written for a block changes: it is part of every highlight cache key. 3: a
 * fence in a list item or a quote is highlighted (format 2 kept some as plain text).
 */
export const HIGHLIGHT_FORMAT = 3;
const require = createRequire(import.meta.url);
const SHIKI_VERSION: string = require('shiki/package.json').version;

/** The one call used from Node's WebAssembly (its types are in lib.dom, not included here). */
interface WasmApi { instantiate(bytes: Uint8Array, imports?: object): Promise<{ instance: { exports: object } }> }

/**
 * The Oniguruma WASM from its file. shiki's default loader decodes an inlined gzip copy through
 * web streams and its checks touch `Response`, which makes Node load its whole fetch library:
 * together ~60 ms of a 0.7 s build of the sample. An instantiator object skips both.
 * (`shiki/core` instead of `shiki` likewise leaves out the JavaScript engine, never used here.)
 */
const onigWasm = () => ({
  instantiator: async (imports?: object) =>
    (await (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.instantiate(readFileSync(require.resolve('shiki/onig.wasm')), imports)).instance.exports,
});

export interface CodeHighlighter {
  /**
   * Loads the grammars for these lexer names; unknown names are ignored (see `knows`).
   * `mentions(pattern)`: does the text to highlight contain `pattern` anywhere? Grammars whose
   * embedded languages only a spelled-out construct reaches are then loaded without them when the
   * text has no such construct. Without it, every grammar is loaded whole.
   */
  load(lexers: Iterable<string>, mentions?: (pattern: RegExp) => boolean): Promise<void>;
  knows(lexer: string): boolean;
  /** Inner HTML of `<code>` for `code`; plain escaped text for unknown lexers. */
  highlight(code: string, lexer: string): string;
  /**
   * The blocks a page is about to ask for, in the order it will (highlight-pool.ts starts on them
   * in a worker while the page is parsed), and `unseen`, languages of fences the forecast could not
   * see (fence-scan.ts). Called before `load`; a forecast, not a promise: the pool loads on the main
   * thread only the grammars of the blocks announced and of `unseen`, and highlights a block the
   * forecast missed, in a language left out, in its worker.
   */
  prefetch?(blocks: Array<{ code: string; lexer: string }>, unseen?: Iterable<string>): void;
  theme: { name: string; bg: string; fg: string; type: 'dark' | 'light'; css: string };
  /** What, besides a block's language and code, its HTML depends on (for caches). */
  version: string;
  /** Frees shiki's grammars and engine: a long-lived process (dev, tests) builds many times. */
  dispose(): void;
}

/**
 * Grammars that reach their embedded languages only through a construct the code must spell out,
 * by language id. Ruby embeds 28 grammars (SQL, HTML, GraphQL, …) for heredocs named after
 * them (`<<~SQL`); loading and compiling them is ~0.3 s, most of a small build, and a block with
 * no heredoc highlights the same without them (all 195 Ruby blocks of the Slate corpus do).
 * Such a grammar loaded lean is read from its module's text (lean-grammar.ts).
 */
const EMBEDDED_ONLY_IN: Record<string, RegExp> = {
  ruby: /<<[~-]?(['"`]?)[A-Za-z_]\w*\1/,
};

/** The constructs of EMBEDDED_ONLY_IN: a page's `mentions` answers, sent to a worker (highlight-pool.ts). */
export const EMBEDDED_PATTERNS: readonly RegExp[] = Object.values(EMBEDDED_ONLY_IN);

/** shiki's name for a lexer (Slate/Rouge say `shell`, shiki says `shellscript`; both work). */
function shikiName(lexer: string): BundledLanguage | undefined {
  return lexer in bundledLanguages ? (lexer as BundledLanguage) : undefined;
}

/** The id of a shiki language given by id or alias (`rb` → `ruby`): the name of its module. */
function languageId(lang: BundledLanguage): string {
  return bundledLanguagesInfo.find((info) => info.id === lang || info.aliases?.includes(lang))?.id ?? lang;
}

/**
 * shiki itself (its WASM engine compiled, ~15 ms) is made on the first `load` that needs a grammar:
 * after an edit whose blocks all come from the highlight cache, none does.
 */
export async function createCodeHighlighter(theme: BundledTheme): Promise<CodeHighlighter> {
  const registration = (await bundledThemes[theme]()).default;
  const shiki = () => createHighlighterCore({ themes: [registration], langs: [], engine: createOnigurumaEngine(onigWasm()) });
  let hl: HighlighterCore | undefined;
  // The theme as shiki resolves it when it loads it: the same function, without shiki.
  const t = normalizeTheme(registration);
  const palette = paletteOf(t);
  // Grammars loaded without their embedded languages (EMBEDDED_ONLY_IN), and every language asked for.
  const leanLoaded = new Set<string>();
  const asked = new Set<BundledLanguage>();
  // Per language, lines already highlighted (src/markdown/line-memo.ts); tied to `hl`'s grammars.
  const memos = new Map<BundledLanguage, (code: string) => string>();
  return {
    theme: { name: theme, bg: t.bg, fg: t.fg, type: t.type === 'light' ? 'light' : 'dark', css: paletteCss(palette) },
    version: `shiki ${SHIKI_VERSION}, ${theme}, format ${HIGHLIGHT_FORMAT}`,
    knows: (lexer) => lexer === 'plaintext' || shikiName(lexer) !== undefined,
    dispose: () => { memos.clear(); hl?.dispose(); },
    async load(lexers, mentions) {
      const wanted = [...new Set([...lexers].map((l) => shikiName(l)).filter((l): l is BundledLanguage => !!l))];
      if (!wanted.length) return;
      hl ??= await shiki();
      const whole: BundledLanguage[] = [];
      for (const lang of wanted) {
        const id = languageId(lang);
        const only = EMBEDDED_ONLY_IN[id];
        const lean = only !== undefined && mentions !== undefined && !mentions(only);
        if (leanLoaded.has(id) && !lean) {
          // shiki keeps a grammar as first compiled: a lean one cannot gain its embedded languages,
          // so this highlighter starts again with every language whole (rare: a multi-page site
          // where a later page has the first heredoc, or a heredoc typed in during `shale dev`).
          hl.dispose();
          hl = await shiki();
          memos.clear();
          leanLoaded.clear();
          await hl.loadLanguage(...[...asked].map((l) => bundledLanguages[l]));
        }
        asked.add(lang);
        if (hl.getLoadedLanguages().includes(lang)) continue;
        if (lean) {
          const own = (await leanGrammar(id)) ?? (await bundledLanguages[lang]()).default.at(-1)!;
          await hl.loadLanguage({ ...own, embeddedLangs: [], embeddedLangsLazy: [] });
          leanLoaded.add(id);
        } else {
          whole.push(lang);
        }
      }
      if (whole.length) await hl.loadLanguage(...whole.map((l) => bundledLanguages[l]));
    },
    highlight(code, lexer) {
      const lang = shikiName(lexer);
      if (!lang || !hl?.getLoadedLanguages().includes(lang)) return escapeText(code);
      let memo = memos.get(lang);
      if (!memo) {
        // What shiki's codeToTokens does to a token's colour, once per colour index.
        const { colorMap } = hl.setTheme(theme);
        const replace = t.colorReplacements ?? {};
        const colorOf = (i: number) => colorMap[i] && (replace[colorMap[i].toLowerCase()] || colorMap[i]);
        memo = lineMemo(hl.getLanguage(lang), colorOf, (tokens) => lineToHtml(tokens, t.fg, palette));
        memos.set(lang, memo);
      }
      return memo(code);
    },
  };
}

// shiki's FontStyle bit flags.
const ITALIC = 1, BOLD = 2, UNDERLINE = 4;

/** Style (as styleOf writes it) → class name, for every style the theme's rules can give a token. */
type Palette = Map<string, string>;

function paletteOf(t: ThemeRegistrationResolved): Palette {
  const styles = new Set<string>();
  for (const rule of t.settings ?? []) {
    const color = rule.settings?.foreground;
    const fontStyle = rule.settings?.fontStyle ?? '';
    const bits = (/italic/.test(fontStyle) ? ITALIC : 0) | (/bold/.test(fontStyle) ? BOLD : 0) | (/underline/.test(fontStyle) ? UNDERLINE : 0);
    // A rule's colour may combine with another rule's font style: list both alone and together.
    for (const fs of new Set([0, bits])) {
      const s = styleOf({ color, fontStyle: fs } as ThemedToken, t.fg);
      // Only what cannot end the rule or the <style> element becomes a class.
      if (s && !/[<>{};]/.test(s.replace(/;(?=font|text)/g, ''))) styles.add(s);
    }
  }
  // Sorted, so a class name depends on the theme's styles only, never on the order of its rules.
  return new Map([...styles].sort().map((s, i) => [s, `t${i.toString(36)}`]));
}

function paletteCss(palette: Palette): string {
  return [...palette].map(([style, cls]) => `.highlight .${cls}{${style}}`).join('');
}

/** One line: one span per run of same-styled tokens; text in the theme's foreground needs no span. */
function lineToHtml(tokens: LineToken[], fg: string, palette: Palette): string {
  let out = '';
  let style = '', text = '';
  const flush = () => {
    if (!text) return;
    const cls = style && palette.get(style);
    // A style no theme rule names (shiki's fallbacks) keeps its inline style.
    out += !style ? escapeText(text) : cls ? `<span class="${cls}">${escapeText(text)}</span>` : `<span style="${style}">${escapeText(text)}</span>`;
    text = '';
  };
  for (const tok of tokens) {
    const s = styleOf(tok, fg);
    // Whitespace takes any style, so it joins the run it sits in.
    if (s !== style && /\S/.test(tok.content)) { flush(); style = s; }
    text += tok.content;
  }
  flush();
  return out;
}

function styleOf(tok: Pick<ThemedToken, 'color' | 'fontStyle'>, fg: string): string {
  // Lower case: the theme's rules and shiki's tokens need not spell a colour alike.
  const color = tok.color && /^#[0-9a-f]+$/i.test(tok.color) ? tok.color.toLowerCase() : tok.color;
  let s = color && color !== fg.toLowerCase() ? `color:${color}` : '';
  const fs = tok.fontStyle ?? 0;
  if (fs > 0) {
    if (fs & ITALIC) s += `${s ? ';' : ''}font-style:italic`;
    if (fs & BOLD) s += `${s ? ';' : ''}font-weight:bold`;
    if (fs & UNDERLINE) s += `${s ? ';' : ''}text-decoration:underline`;
  }
  return s;
}

/** Escaping for text between tags: quotes need none there (a JSON example has thousands). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function isBundledTheme(name: string): name is BundledTheme {
  return name in bundledThemes;
}
