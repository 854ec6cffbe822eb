// SLATE-DIALECT §2, rows "block HTML tag", "line starting with an inline tag" and "block HTML
// right after a paragraph line" (all copy).
//
// Redcarpet takes a line that starts (unindented) with a block-level tag as raw HTML up to the
// matching closing tag — `</div>` alone at the start of a line, or anywhere when no line starts
// with it — and resumes Markdown on the next line. markdown-it instead runs raw HTML to the next
// blank line, swallowing the tables, headings and fences that Slate docs write right after an
// `</aside>`: 1,291 of them in the corpus. A tag without its closing tag, an inline tag
// (`<img>`, `<a>`, `<br/>`, `<code>`) or a closing tag is paragraph text, Markdown processed.
// Comments (`<!-- … -->`) and `<hr>` are blocks when nothing follows them on their last line.

import type { MarkdownIt, StateBlock } from 'markdown-it';

// Redcarpet's block tags (its html_block_names list), matched case-insensitively.
const BLOCK_TAGS = new Set([
  'p', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'del', 'div', 'ins', 'pre', 'form', 'math',
  'style', 'table', 'figure', 'iframe', 'script', 'fieldset', 'noscript', 'blockquote',
  // HTML5 sectioning and media tags (Redcarpet 3.3+).
  'article', 'aside', 'canvas', 'figcaption', 'footer', 'header', 'hgroup', 'nav', 'output', 'section', 'video',
  // Later additions: collapsible <details>/<summary> sections, <center>, and a few more.
  'abbr', 'address', 'audio', 'center', 'dd', 'details', 'summary', 'tfoot',
  // `hr` is listed too, so `<hr>` needs a `</hr>` to be a block; `<hr/>` is the special case below.
  'hr',
]);

/** A line as Redcarpet's block parser sees it: container prefixes stripped, indentation kept. */
function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line], state.eMarks[line]);
}

const blank = (s: string): boolean => /^[ \t]*$/.test(s);

/** Line after the block's last line, or -1 when the closing tag is missing. */
function closingLine(state: StateBlock, tag: string, startLine: number, endLine: number): number {
  const closing = `</${tag}>`;
  // First pass: a closing tag on the opening line or at the start of a line; then anywhere.
  // `ins` and `del` only get the first pass (as in Markdown.pl).
  const passes = tag === 'ins' || tag === 'del' ? [true] : [true, false];
  for (const atLineStart of passes) {
    for (let line = startLine; line < endLine; line++) {
      const text = lineText(state, line).toLowerCase();
      let at = text.indexOf(closing, line === startLine ? 1 : 0);
      while (at >= 0) {
        const fits = !atLineStart || line === startLine || at === 0;
        if (fits && blank(text.slice(at + closing.length))) return line + 1;
        at = text.indexOf(closing, at + 1);
      }
    }
  }
  return -1;
}

/** Line after a comment that starts the block, or -1 when text follows its `-->`. */
function commentEnd(state: StateBlock, startLine: number, endLine: number): number {
  for (let line = startLine; line < endLine; line++) {
    const text = lineText(state, line);
    const at = text.indexOf('-->', line === startLine ? 3 : 0);
    if (at >= 0) return blank(text.slice(at + 3)) ? line + 1 : -1;
  }
  return -1;
}

/** Where the raw block that starts at `startLine` ends, or -1 when it is not one. */
export function htmlBlockEnd(state: StateBlock, startLine: number, endLine: number): number {
  const text = lineText(state, startLine);
  if (text.charCodeAt(0) !== 0x3c /* < */) return -1;
  const name = /^<([^\s>]*)/.exec(text)![1].toLowerCase();
  if (BLOCK_TAGS.has(name)) return closingLine(state, name, startLine, endLine);
  if (text.startsWith('<!--')) return commentEnd(state, startLine, endLine);
  if (/^<hr/i.test(text)) {
    const close = text.indexOf('>');
    return close >= 0 && blank(text.slice(close + 1)) ? startLine + 1 : -1;
  }
  return -1;
}

function htmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!state.md.options.html) return false;
  const end = htmlBlockEnd(state, startLine, endLine);
  if (end < 0) return false;
  if (silent) return true;
  const token = state.push('html_block', '', 0);
  token.map = [startLine, end];
  token.content = state.getLines(startLine, end, 0, true);
  state.line = end;
  return true;
}

/** Replaces markdown-it's `html_block`; raw HTML no longer interrupts a paragraph. */
export function htmlBlockRule(md: MarkdownIt): void {
  md.block.ruler.at('html_block', htmlBlock, { alt: [] });
}
