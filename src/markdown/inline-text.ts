// Two readings of an inline token list that markdown-it does not offer:
// - plainText: what a reader sees (TOC titles, search text);
// - redcarpetInlineHtml: the inner HTML as Redcarpet would have written it, which is what Slate's
//   heading ids are computed from. Both need the token list as the 'inline' rule leaves it, before
//   'text_join' folds entities (`text_special`) into plain text and loses their source form.

import type { MarkdownIt, Token } from 'markdown-it';
import type { RenderEnv } from './env.js';

/** Visible text of inline tokens: text, entities decoded, code spans, image alt text; tags dropped. */
export function plainText(children: Token[] | null): string {
  if (!children) return '';
  let out = '';
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        out += t.content;
        break;
      case 'image':
        out += plainText(t.children);
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
    }
  }
  return out;
}

/**
 * Redcarpet's text escaping (houdini, non-secure mode): like markdown-it's, plus `'` → `&#39;`,
 * and an `&` that already starts an entity-like `&name;`/`&#n;` is kept as written.
 */
export function escapeLikeRedcarpet(text: string): string {
  return text.replace(/&(?![#a-zA-Z0-9]+;)|[<>"']/g, (c) => REDCARPET_ESCAPES[c]);
}

const REDCARPET_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Inner HTML as Redcarpet writes it: text escaped Redcarpet's way, entities exactly as the author
 * wrote them (Redcarpet passes `&eacute;` through; markdown-it decodes it), everything else (tags,
 * links, emphasis) as markdown-it renders it, since tags are stripped before the slug anyway.
 */
export function redcarpetInlineHtml(md: MarkdownIt, children: Token[] | null, env: RenderEnv): string {
  if (!children) return '';
  let out = '';
  for (const t of children) {
    switch (t.type) {
      case 'text':
        out += escapeLikeRedcarpet(t.content);
        break;
      case 'text_special':
        out += t.info === 'entity' ? t.markup : escapeLikeRedcarpet(t.content);
        break;
      case 'code_inline':
        out += `<code>${escapeLikeRedcarpet(t.content)}</code>`;
        break;
      default:
        out += md.renderer.renderInline([t], md.options, env);
    }
  }
  return out;
}
