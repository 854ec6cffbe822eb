// SLATE-DIALECT §2, rows "`>` quote followed by un-prefixed lines" and "two `>` quotes with only
// blank lines between" (both copy).
//
// Redcarpet's quote takes every following line until a blank line that is followed by a line
// without `>`: un-prefixed lines are part of the quote whatever they are (Slate docs write
// `>###ATTRIBUTES` and then a table without `>`), and quotes separated only by blank lines are
// one quote. The collected lines, with their `>` stripped, are parsed as a document of their own.

import type { MarkdownIt, StateBlock } from 'markdown-it';
import { pushFlatText, tooDeep } from './depth.js';

const GT = 0x3e;

/** Position just after the `>` marker and one optional space, or -1 when the line is not quoted. */
function quotePrefixEnd(state: StateBlock, line: number): number {
  if (state.sCount[line] - state.blkIndent >= 4) return -1;
  const pos = state.bMarks[line] + state.tShift[line];
  if (pos >= state.eMarks[line] || state.src.charCodeAt(pos) !== GT) return -1;
  return state.src.charCodeAt(pos + 1) === 0x20 ? pos + 2 : pos + 1;
}

/** Last line (exclusive) of the quote that starts at `startLine`. */
function quoteEnd(state: StateBlock, startLine: number, endLine: number): number {
  let line = startLine;
  for (; line < endLine; line++) {
    if (quotePrefixEnd(state, line) >= 0 || !state.isEmpty(line)) continue;
    const after = line + 1;
    if (after >= endLine || (quotePrefixEnd(state, after) < 0 && !state.isEmpty(after))) break;
  }
  return line;
}

function blockquote(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (quotePrefixEnd(state, startLine) < 0) return false;
  if (silent) return true;

  const end = quoteEnd(state, startLine, endLine);
  if (tooDeep(state)) {
    pushFlatText(state, startLine, end);
    return true;
  }
  type Saved = [line: number, bMark: number, tShift: number, sCount: number, bsCount: number];
  const saved: Saved[] = [];
  for (let line = startLine; line < end; line++) {
    const content = quotePrefixEnd(state, line);
    if (content < 0) continue;
    saved.push([line, state.bMarks[line], state.tShift[line], state.sCount[line], state.bsCount[line]]);
    // Strip the marker in place, as markdown-it's own blockquote does; measure the new indent.
    let pos = content;
    let column = 0;
    while (pos < state.eMarks[line]) {
      const ch = state.src.charCodeAt(pos);
      if (ch === 0x20) column++;
      else if (ch === 0x09) column += 4 - (column % 4);
      else break;
      pos++;
    }
    state.bMarks[line] = content;
    state.tShift[line] = pos - content;
    state.sCount[line] = column;
    state.bsCount[line] = 0;
  }

  const oldParent = state.parentType;
  const oldIndent = state.blkIndent;
  const oldLineMax = state.lineMax;
  state.parentType = 'blockquote';
  state.blkIndent = 0;
  state.lineMax = end;

  const open = state.push('blockquote_open', 'blockquote', 1);
  open.markup = '>';
  open.map = [startLine, end];
  state.md.block.tokenize(state, startLine, end);
  const close = state.push('blockquote_close', 'blockquote', -1);
  close.markup = '>';

  state.lineMax = oldLineMax;
  state.blkIndent = oldIndent;
  state.parentType = oldParent;
  for (const [line, bMark, tShift, sCount, bsCount] of saved) {
    state.bMarks[line] = bMark;
    state.tShift[line] = tShift;
    state.sCount[line] = sCount;
    state.bsCount[line] = bsCount;
  }
  state.line = end;
  return true;
}

/** Replaces markdown-it's `blockquote`; a `>` line still interrupts a paragraph or a list. */
export function blockquoteRule(md: MarkdownIt): void {
  md.block.ruler.at('blockquote', blockquote, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
