// SLATE-DIALECT §2, rows "#Heading (no space)", "bare ##", " # X indented", "## C#".
//
// Redcarpet (Slate's engine) makes a heading of any line that starts with `#`, space or not:
// `#Errors` and `>###ATTRIBUTES` are headings in real Slate docs, and they interrupt a paragraph.
// A line of only `#`s renders nothing (copy). Two deliberate differences (better rows): a
// heading indented by 1–3 spaces is still a heading (Redcarpet makes it a paragraph), and a
// closing `#` run is only stripped when a space precedes it, so `## C#` keeps its `#`.
// Seven or more `#`s make an h6 whose text starts with the extra `#`s, as in Redcarpet.

import type { MarkdownIt, StateBlock } from 'markdown-it';

const HASH = 0x23;

function isBlank(ch: number): boolean {
  return ch === 0x20 || ch === 0x09;
}

function atxHeading(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (pos >= max || state.src.charCodeAt(pos) !== HASH) return false;

  let level = 0;
  while (pos < max && level < 6 && state.src.charCodeAt(pos) === HASH) {
    level++;
    pos++;
  }
  if (silent) return true;

  // Trailing spaces, then a closing `#` run only when it is separated by a space (or is all).
  max = state.skipSpacesBack(max, pos);
  const hashes = state.skipCharsBack(max, HASH, pos);
  if (hashes === pos || (hashes > pos && isBlank(state.src.charCodeAt(hashes - 1)))) max = hashes;
  const text = state.src.slice(pos, max).trim();

  state.line = startLine + 1;
  // A bare `##` is dropped, as Redcarpet drops it (it still ends the paragraph before it).
  if (!text) return true;

  const open = state.push('heading_open', `h${level}`, 1);
  open.markup = '#'.repeat(level);
  open.map = [startLine, state.line];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, state.line];
  inline.children = [];
  const close = state.push('heading_close', `h${level}`, -1);
  close.markup = open.markup;
  return true;
}

/** Replaces markdown-it's `heading` rule; it still interrupts paragraphs, lists and quotes. */
export function atxHeadingRule(md: MarkdownIt): void {
  md.block.ruler.at('heading', atxHeading, { alt: ['paragraph', 'reference', 'blockquote'] });
}
