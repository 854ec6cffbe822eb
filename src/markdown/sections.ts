// Search sections from the token stream: each heading down to env.sectionDepth opens a section
// that collects the prose under it (paragraphs, list items, table cells, quotes, raw HTML text)
// and, apart, its code. Sections continue from one part into the next: an include that starts
// with prose adds it to the last section of the file before it, as the reader sees the page.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Heading, Section } from '../types.js';
import type { RenderEnv } from './env.js';
import type { HeadingMeta } from './heading-ids.js';
import { plainText } from './inline-text.js';

export function sections(md: MarkdownIt): void {
  // Needs the heading ids and the headings' token meta set by 'heading_ids'.
  md.core.ruler.after('heading_ids', 'sections', (state: StateCore) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    let inHeading = false;
    for (const token of tokens) {
      switch (token.type) {
        case 'heading_open': {
          inHeading = true;
          const meta = token.meta as HeadingMeta | null;
          const heading = meta?.heading;
          if (meta && heading && heading.level <= env.sectionDepth) openSection(env, heading, meta.headingIndex);
          // A deeper heading is prose of its section: its title is indexed as text.
          else if (heading) addText(env, heading.title);
          break;
        }
        case 'heading_close':
          inHeading = false;
          break;
        case 'inline':
          if (!inHeading) addText(env, plainText(token.children));
          break;
        case 'fence':
          addCode(env, token.content);
          break;
        case 'html_block':
          addHtmlBlock(md, env, token);
          break;
      }
    }
  });
}

function openSection(env: RenderEnv, heading: Heading, index: number): void {
  env.sections.push({ id: heading.id, title: heading.title, parents: parentsOf(env.headings, index), text: '', code: '' });
}

/** Titles of the headings that enclose headings[index], outermost first. */
function parentsOf(headings: Heading[], index: number): string[] {
  const parents: string[] = [];
  let level = headings[index].level;
  for (let i = index - 1; i >= 0 && level > 1; i--) {
    if (headings[i].level < level) {
      parents.unshift(headings[i].title);
      level = headings[i].level;
    }
  }
  return parents;
}

function addText(env: RenderEnv, text: string): void {
  const section = env.sections[env.sections.length - 1];
  const clean = text.replace(/\s+/g, ' ').trim();
  // Text before the page's first heading has no anchor to link a search result to.
  if (!section || !clean) return;
  section.text += section.text ? `\n${clean}` : clean;
}

function addCode(env: RenderEnv, code: string): void {
  const section = env.sections[env.sections.length - 1];
  if (!section || !code.trim()) return;
  section.code += section.code ? `\n${code.trimEnd()}` : code.trimEnd();
}

/** Raw HTML: headings in it open sections like Markdown ones; the text around them is prose. */
function addHtmlBlock(md: MarkdownIt, env: RenderEnv, token: Token): void {
  const meta = token.meta as HeadingMeta | null;
  const found = meta?.headings ?? [];
  if (!meta || found.length === 0) return addText(env, htmlText(md, token.content));
  // Walk the fragment heading by heading; htmlHeadings listed those with an id in this order.
  const headingTag = /<(h[1-6])\b([^>]*)>[\s\S]*?<\/\1\s*>/gi;
  let k = 0;
  let last = 0;
  for (const m of token.content.matchAll(headingTag)) {
    addText(env, htmlText(md, token.content.slice(last, m.index)));
    last = m.index + m[0].length;
    if (!/(?:^|\s)id\s*=\s*["']?[^"'\s>]/i.test(m[2]) || k >= found.length) continue;
    const heading = found[k];
    if (heading.level <= env.sectionDepth) openSection(env, heading, meta.headingIndex + k);
    else addText(env, heading.title);
    k++;
  }
  addText(env, htmlText(md, token.content.slice(last)));
}

/** Readable text of an HTML fragment without a parser: scripts, styles and comments out, tags out, entities decoded. */
function htmlText(md: MarkdownIt, html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi, (entity) => md.utils.unescapeAll(entity));
}
