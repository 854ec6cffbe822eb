// SLATE-DIALECT §2, rows "list item right after a paragraph line", "block HTML right after a
// paragraph line" (copy) and "fence right after a paragraph line" (better), plus setext headings.
//
// Redcarpet ends a paragraph only at a blank line, a `#` heading, a rule, a `>` quote or a
// setext underline; a list item, an HTML tag or a table line after a paragraph line is more
// paragraph text (mautic writes `- - - Config/` trees that way). Which rules may interrupt a
// paragraph is the markdown-it "paragraph" alt chain: each dialect rule file registers itself
// with or without it. This file adds the setext behaviour: the underline (`===` or `---` at the
// start of the line) turns only the paragraph's last line into a heading, the lines before it
// stay a paragraph. A fenced code block still interrupts a paragraph (better: Redcarpet turns
// it into an inline code span).

import type { MarkdownIt, StateBlock } from 'markdown-it';

/** 1 for a `===` underline, 2 for `---`, 0 otherwise (Redcarpet's is_headerline). */
function underlineLevel(state: StateBlock, line: number): number {
  if (state.sCount[line] !== state.blkIndent) return 0;
  const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  if (/^=+ *$/.test(text)) return 1;
  if (/^-+ *$/.test(text)) return 2;
  return 0;
}

function pushBlock(state: StateBlock, kind: 'paragraph' | 'heading', tag: string, from: number, to: number, content: string): void {
  const open = state.push(`${kind}_open`, tag, 1);
  open.map = [from, to];
  const inline = state.push('inline', '', 0);
  inline.content = content;
  inline.map = [from, to];
  inline.children = [];
  state.push(`${kind}_close`, tag, -1);
}

function paragraph(state: StateBlock, startLine: number, endLine: number): boolean {
  const terminators = state.md.block.ruler.getRules('paragraph');
  const oldParent = state.parentType;
  state.parentType = 'paragraph';
  let level = 0;
  let next = startLine + 1;
  for (; next < endLine && !state.isEmpty(next); next++) {
    level = underlineLevel(state, next);
    if (level) break;
    if (state.sCount[next] - state.blkIndent > 3 || state.sCount[next] < 0) continue;
    if (terminators.some((rule) => rule(state, next, endLine, true))) break;
  }
  state.parentType = oldParent;

  const lastText = level ? next - 1 : next;
  if (level && lastText > startLine) {
    // Only the line right above the underline becomes the heading.
    pushBlock(state, 'paragraph', 'p', startLine, lastText, state.getLines(startLine, lastText, state.blkIndent, false).trim());
  }
  if (level) {
    const from = Math.max(startLine, lastText);
    pushBlock(state, 'heading', `h${level}`, from, next + 1, state.getLines(from, next, state.blkIndent, false).trim());
    state.line = next + 1;
  } else {
    pushBlock(state, 'paragraph', 'p', startLine, next, state.getLines(startLine, next, state.blkIndent, false).trim());
    state.line = next;
  }
  return true;
}

/** Replaces markdown-it's `paragraph` and `lheading` (the setext case lives here now). */
export function paragraphRule(md: MarkdownIt): void {
  md.block.ruler.disable('lheading');
  md.block.ruler.at('paragraph', paragraph);
}
