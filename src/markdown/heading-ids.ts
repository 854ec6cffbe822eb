// Heading ids and the page's heading list, computed from markdown-it tokens (DESIGN §1: cheap,
// no HTML parsing of the whole page). One core rule, run once per part with the page's env, so
// ids are de-duplicated across the whole page (SLATE-DIALECT §3.4, "better").

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { parameterize, redcarpetSlug, slateSlug, uniqueId } from '../transform/slug.js';
import type { Heading } from '../types.js';
import type { RenderEnv } from './env.js';
import { lineOf } from './env.js';
import { htmlHeadings } from './html-headings.js';
import { plainText, redcarpetInlineHtml } from './inline-text.js';

/** What 'heading_ids' leaves on a heading_open (heading) or html_block (headings) token's meta. */
export interface HeadingMeta {
  heading?: Heading;
  headings?: Heading[];
  /** Index in env.headings of `heading`, or of the first of `headings`. */
  headingIndex: number;
}

export function headingIds(md: MarkdownIt): void {
  // After 'inline' (children exist) and before 'text_join' (entities still carry their source form).
  md.core.ruler.after('inline', 'heading_ids', (state: StateCore) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'heading_open') {
        addHeading(md, env, token, tokens[i + 1]);
      } else if (token.type === 'html_block') {
        const found = htmlHeadings(token.content, env.file, lineOf(env, token.map));
        if (found.length) token.meta = { ...token.meta, headings: found, headingIndex: env.headings.length } satisfies HeadingMeta;
        for (const heading of found) {
          // Kept as authored; counted so that a later generated id does not repeat it.
          env.ids.set(heading.id, (env.ids.get(heading.id) ?? 0) + 1);
          env.headings.push(heading);
        }
      }
    }
  });
}

function addHeading(md: MarkdownIt, env: RenderEnv, open: Token, inline: Token | undefined): void {
  const children = inline?.type === 'inline' ? inline.children : null;
  const level = Number(open.tag.slice(1));
  const id = uniqueId(baseId(env, level, redcarpetInlineHtml(md, children, env)), env.ids);
  open.attrSet('id', id);
  // Later rules (search sections) find the heading on its token instead of recomputing it.
  const heading: Heading = {
    id,
    level,
    title: plainText(children).trim(),
    html: md.renderer.renderInline(children ?? [], md.options, env),
    file: env.file,
    line: lineOf(env, open.map),
  };
  open.meta = { ...open.meta, heading, headingIndex: env.headings.length } satisfies HeadingMeta;
  env.headings.push(heading);
}

/** The id a scheme gives a heading before page-wide de-duplication. */
function baseId(env: RenderEnv, level: number, html: string): string {
  switch (env.idScheme) {
    case 'redcarpet':
      return redcarpetSlug(html);
    case 'nesting':
      return nestingId(env.nestingHistory, level, html);
    default:
      return slateSlug(html);
  }
}

/**
 * Slate's NestingUniqueHeadCounter: the latest heading of every shallower level, outermost first,
 * then this one, joined by `-` (`lines-fetching-an-item-sorting-lines`). As in Slate, the history
 * keeps each level's latest heading even after a shallower one (so skipped levels can repeat an
 * older name), and it records the heading's text with tags parameterized along. Unlike Slate, an
 * empty slug falls back to the SHA-1 id, and ids are de-duplicated afterwards.
 */
function nestingId(history: Map<number, string>, level: number, html: string): string {
  const own = slateSlug(html);
  history.set(level, parameterize(html) || own);
  const parts = [own];
  for (let up = level - 1; up >= 1; up--) {
    const parent = history.get(up);
    if (parent !== undefined) parts.unshift(parent);
  }
  return parts.join('-');
}
