// Collects what the in-page link check needs (SLATE-DIALECT §3): every `#target` link, from
// Markdown and raw HTML alike, with its file:line, and every id or name raw HTML sets. The check
// itself runs once the whole page is rendered (src/transform/links.ts): a link may point to a
// heading in a later include.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { lineOf, renderEnv, type RenderEnv } from './env.js';

// Attribute values inside one start tag; raw HTML here is the author's, small and already tokenised.
const START_TAG = /<[a-zA-Z][^>]*>/g;
const ATTR = /\s(id|name|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

export function links(md: MarkdownIt): void {
  // After 'inline': link tokens exist only once inline parsing is done.
  md.core.ruler.after('inline', 'links', (state: StateCore) => {
    const env = renderEnv(state.env);
    if (!Array.isArray(env.links)) return; // an env that is not a page's (e.g. a bare render)
    for (const token of state.tokens) {
      const line = lineOf(env, token.map);
      if (token.type === 'html_block') scanHtml(env, token.content, line);
      else if (token.type === 'inline') for (const child of token.children ?? []) scanInline(env, child, line);
    }
  });
}

function scanInline(env: RenderEnv, token: Token, line: number | undefined): void {
  if (token.type === 'link_open') addLink(env, String(token.attrGet('href') ?? ''), line);
  else if (token.type === 'html_inline') scanHtml(env, token.content, line);
}

function scanHtml(env: RenderEnv, html: string, line: number | undefined): void {
  if (!/\s(id|name|href)\s*=/i.test(html)) return;
  for (const tag of html.matchAll(START_TAG)) {
    for (const [, attr, dq, sq, bare] of tag[0].matchAll(ATTR)) {
      const value = dq ?? sq ?? bare ?? '';
      if (attr.toLowerCase() === 'href') addLink(env, value, line);
      else if (value) env.anchors.add(value);
    }
  }
}

function addLink(env: RenderEnv, href: string | null, line: number | undefined): void {
  if (!href || !href.startsWith('#') || href.length === 1) return;
  let target = href.slice(1);
  try { target = decodeURIComponent(target); } catch { /* keep it as written */ }
  env.links.push({ target, file: env.file, line });
}
