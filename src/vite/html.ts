// theme: fill the template's slots for one page. cheerio works on the template alone (a few KB);
// the content, which can be tens of MB, is not parsed again: it replaces its slot as a string
// at the end (output/pages.ts for `shale build`, plugin.ts inside a project's own `vite build`).

// The slim build (htmlparser2): the template is a few KB of HTML that Vite wrote, and parse5 with
// it is ~0.13 s more module loading on every build; htmlparser2 also writes the template back as
// it was (doctype, line breaks, bare `crossorigin`).
import * as cheerio from 'cheerio/slim';
import { escapeHtml } from '../markdown/highlight.js';
import { classToken } from '../markdown/languages.js';
import { renderToc } from '../transform/toc.js';
import type { Frontmatter, HtmlPiece, LanguageTab, Page } from '../types.js';

/** The slot the content goes into, left in the shell until Vite is done with it. */
export const CONTENT_SLOT = '<!--shale:content-->';
export const SEARCH_INDEX_SLOT = 'shale:search-index';
/** What a small slot's comment becomes in the template until pageShell puts the slot's HTML there. */
const SLOT_MARK = 'shale-slot:';
const SLOT_MARKER = new RegExp(`<!--${SLOT_MARK}([\\w-]+)-->`, 'g');

/** Languages written right to left: their pages get `dir="rtl"` and the mirrored layout. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

export interface ShellOptions {
  /** The template's HTML (themes/default/index.html). */
  template: string;
  /** `../` repeated for the page's depth, to reach the site root with relative URLs. */
  toRoot: string;
  /** Does the source have images/logo.png? */
  logo: boolean;
  /** Inline Markdown → HTML (raw HTML kept), for `toc_footers`. */
  renderInline: (markdown: string) => string;
  /** The search index's URL when it is known now; else SEARCH_INDEX_SLOT, for the Vite plugin to fill. */
  searchIndexUrl?: string;
  /** The page's chunk map (src/output/chunks.ts), when its content loads in chunks. */
  chunkMapUrl?: string;
}

/** The page's HTML without its content: the template with every small slot filled. */
export function pageShell(page: Page, opts: ShellOptions): string {
  const fm = page.source.frontmatter;
  // Text as UTF-8, not &#x…; entities (htmlparser2's default).
  const $ = cheerio.load(opts.template, { xml: { xmlMode: false, encodeEntities: 'utf8' } });
  const lang = fm.lang ?? 'en';
  $('html').attr('lang', lang).attr('dir', RTL.has(lang.toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr');
  const tabs = fm.language_tabs;
  $('body')
    .attr('data-languages', JSON.stringify(tabs.map((t) => t.key)))
    .attr('data-language', tabs[0]?.key ?? '');
  if (fm.search) $('body').attr('data-search-index', opts.searchIndexUrl ?? SEARCH_INDEX_SLOT);
  if (fm.code_clipboard) $('body').attr('data-code-clipboard', '');
  if (opts.chunkMapUrl) $('body').attr('data-chunk-map', opts.chunkMapUrl);

  const slots: Record<string, string> = {
    head: head(page, fm),
    logo: opts.logo
      ? `<a class="logo-link" href="${opts.toRoot || './'}"><img class="logo" src="${opts.toRoot}images/logo.png" alt="${escapeHtml(fm.title)}"></a>`
      : '',
    'lang-selector': langSelector(tabs),
    search: fm.search
      ? '<div class="search"><input type="search" class="search" id="input-search" placeholder="Search" aria-label="Search" autocomplete="off"></div><ul class="search-results"></ul>'
      : '',
    toc: renderToc(page.toc),
    'toc-footer': fm.toc_footers.length
      ? `<ul class="toc-footer">${fm.toc_footers.map((f) => `<li>${opts.renderInline(f)}</li>`).join('')}</ul>`
      : '',
  };
  // Fill comment slots; leave the content slot for after Vite. Each slot becomes a marker that its
  // HTML replaces as a string: GitHub's TOC (7,474 entries) parsed into the tree and written out
  // again took 0.12 s of every build.
  $('*').contents().each((_, node) => {
    if (node.type !== 'comment') return;
    const name = /^shale:([\w-]+)$/.exec(node.data.trim())?.[1];
    if (name && name !== 'content') node.data = `${SLOT_MARK}${name}`;
  });
  return $.html().replace(SLOT_MARKER, (_, name: string) => slots[name] ?? '');
}


function head(page: Page, fm: Frontmatter): string {
  const meta = fm.meta
    .map((m) => `<meta ${Object.entries(m).map(([k, v]) => `${escapeHtml(k.replace(/[^\w:-]/g, ''))}="${escapeHtml(v)}"`).join(' ')}>`)
    .join('\n');
  // Search engines show a description; without one in `meta`, the page's first paragraph.
  const hasDescription = fm.meta.some((m) => m.name?.toLowerCase() === 'description');
  const description = hasDescription ? '' : firstParagraph(page.pieces ?? [page.html]);
  return [
    `<title>${escapeHtml(fm.title)}</title>`,
    description && `<meta name="description" content="${description}">`,
    '<meta name="generator" content="shale">',
    // No favicon request to a file that does not exist (a 404 in every log and audit).
    '<link rel="icon" href="data:,">',
    meta,
    `<style id="shale-page">${pageCss(page)}</style>`,
  ].filter(Boolean).join('\n');
}

/**
 * The first paragraph's text (already escaped by the renderer), cut to about 160 characters.
 * `html` may be a page's pieces: each part renders its own paragraphs, so only the pieces up to
 * the first that holds one are read (a lazily read page keeps the others on disk).
 */
export function firstParagraph(html: string | ReadonlyArray<string | HtmlPiece>): string {
  let inner = '';
  for (const piece of typeof html === 'string' ? [html] : html) {
    const m = /<p\b[^>]*>([\s\S]*?)<\/p>/.exec(typeof piece === 'string' ? piece : piece.text());
    if (m) { inner = m[1]; break; }
  }
  const text = inner.replace(/<[^>]*>/g, '').replace(/[<>"]/g, '').replace(/\s+/g, ' ').trim();
  if (text.length <= 160) return text;
  return text.slice(0, 157).replace(/\s+\S*$/, '').replace(/&[^;\s]*$/, '') + '…';
}

/**
 * Per-page CSS: the code theme's colours, and for each tab the rule that hides the other tabs'
 * blocks. Switching language is then one attribute on <body>, however large the page.
 */
export function pageCss(page: Page): string {
  const { bg, fg, type } = page.codeTheme;
  // --code-shade: the colour the theme mixes into the code background to lift token contrast
  // to WCAG AA (black under a dark code theme, white under a light one).
  let css = `:root{--code-bg:${cssColor(bg)};--code-fg:${cssColor(fg)};--code-shade:${type === 'light' ? '#fff' : '#000'}}`;
  // The code theme's token classes (markdown/highlight.ts).
  css += page.codeTheme.css ?? '';
  const keys = page.source.frontmatter.language_tabs.map((t) => t.key);
  for (const raw of keys) {
    const key = classToken(raw);
    const others = keys.filter((k) => k !== raw).map(classToken);
    if (!others.length) continue;
    // One plain compound per selector, ending in the class: the browser files each rule under
    // that class, so a switch restyles only those blocks (an `:is()` list made it look at every
    // element of a huge page). A lang-specific element listing the active tab too stays shown.
    const on = `body[data-language=${cssString(raw)}]`;
    const hide = others.flatMap((k) => [`${on} .highlight.tab-${k}`, `${on} .lang-specific.${k}:not(.${key})`]).join(',');
    css += `${hide}{display:none}`;
  }
  return css;
}

function langSelector(tabs: LanguageTab[]): string {
  if (!tabs.length) return '';
  const links = tabs.map((t, i) =>
    `<a href="?language=${encodeURIComponent(t.key)}" role="tab" data-language-name="${escapeHtml(t.key)}" aria-selected="${i === 0}">${escapeHtml(t.label)}</a>`);
  return `<div class="lang-selector" role="tablist" aria-label="Code language">${links.join('')}</div>`;
}

/** Theme colours come from shiki; keep only what is a colour, never text that could end the rule. */
function cssColor(c: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(c) || /^[a-z]+$/i.test(c) ? c : 'inherit';
}

/** A CSS string literal that cannot end the string, the rule or the <style> element. */
function cssString(s: string): string {
  return `"${s.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
