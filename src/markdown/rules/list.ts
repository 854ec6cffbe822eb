// SLATE-DIALECT §2, rows "list item right after a paragraph line" and "list nesting" (copy).
//
// Redcarpet's lists, which differ from CommonMark in ways Slate docs rely on:
// - an item takes every following non-blank line that is not a sibling item, whatever it is
//   (lazy continuation of anything); after a blank line only lines indented four spaces stay;
// - a marker indented more than the item's own marker (by one space or more) starts a nested
//   list, so `-` indented two spaces under `1.` nests (CommonMark closes the list);
// - each continuation line loses up to four spaces and the item's text is parsed again as its
//   own document (subdocument.ts), where blank lines right before a nested item are left out; an item without a blank line inside is inline text up to its nested list (so
//   no `<p>`), and from the first item with a blank line on, every item is a block with `<p>`;
// - after a blank line, a marker of the other list type ends the list;
// - a list does not interrupt a paragraph (registered without the "paragraph" alt chain).

import type { MarkdownIt, StateBlock } from 'markdown-it';
import { pushFlatText, tooDeep } from './depth.js';
import { parseSubdocument, type SourceLine } from './subdocument.js';

interface Marker { ordered: boolean; content: number }
interface Item {
  /** The item's text as Redcarpet rebuilds it: indentation stripped, blank runs before nested items dropped. */
  lines: SourceLine[];
  /** Index in `lines` of the first nested list item, or -1. */
  sublist: number;
  end: number;
  insideEmpty: boolean;
  listEnd: boolean;
}

const lineText = (state: StateBlock, line: number): string => state.src.slice(state.bMarks[line], state.eMarks[line]);
const blank = (s: string): boolean => /^[ \t]*$/.test(s);
const isHeaderLine = (s: string): boolean => /^(=+|-+) *$/.test(s);
const isHrule = (s: string): boolean => /^ {0,3}([*_-])( *\1){2,} *$/.test(s.trimEnd());
const isFence = (s: string): boolean => /^ {0,3}(```|~~~)/.test(s);

/** Redcarpet's prefix_uli / prefix_oli: a marker, not when the next line is a setext underline. */
function marker(text: string, next: string | undefined): Marker | null {
  const m = /^ {0,3}(?:[*+-]|(\d+)\.)[ \t]/.exec(text);
  if (!m || (next !== undefined && isHeaderLine(next))) return null;
  return { ordered: m[1] !== undefined, content: m[0].length };
}

function markerAt(state: StateBlock, line: number, endLine: number, text = lineText(state, line)): Marker | null {
  return marker(text, line + 1 < endLine ? lineText(state, line + 1) : undefined);
}

/** The item starting at `start` (Redcarpet's parse_listitem). */
function scanItem(state: StateBlock, start: number, endLine: number, first: Marker, ordered: boolean): Item {
  const text0 = lineText(state, start);
  const orgpre = /^ {0,3}/.exec(text0)![0].length;
  const item: Item = { lines: [{ text: text0.slice(first.content), line: start }], sublist: -1, end: endLine, insideEmpty: false, listEnd: false };
  let inEmpty = false;
  let inFence = false;
  let line = start + 1;
  for (; line < endLine; line++) {
    const text = lineText(state, line);
    if (blank(text)) {
      inEmpty = true;
      continue;
    }
    const pre = /^ {0,4}/.exec(text)![0].length;
    const rest = text.slice(pre);
    if (isFence(rest)) inFence = !inFence;
    const next = inFence ? null : markerAt(state, line, endLine, rest);
    if (inEmpty && next && next.ordered !== ordered) {
      item.listEnd = true;
      break;
    }
    if (next && (next.ordered || !isHrule(rest))) {
      if (inEmpty) item.insideEmpty = true;
      if (pre <= orgpre) break;
      if (item.sublist < 0) item.sublist = item.lines.length;
    } else if (inEmpty && pre < 4) {
      item.listEnd = true;
      break;
    } else if (inEmpty) {
      // The blank run is kept (as one blank line) only before a line that is not an item.
      item.lines.push({ text: '', line: line - 1 });
      item.insideEmpty = true;
    }
    inEmpty = false;
    item.lines.push({ text: rest, line });
  }
  item.end = line;
  return item;
}

function renderItem(state: StateBlock, item: Item, block: boolean): void {
  const open = state.push('list_item_open', 'li', 1);
  open.map = [item.lines[0].line, item.end];
  const split = item.sublist >= 0 ? item.sublist : item.lines.length;
  const head = item.lines.slice(0, split);
  if (block) {
    parseSubdocument(state, head);
  } else {
    // A tight item's text before its nested list is inline text, never blocks.
    const text = head.map((l) => l.text).join('\n').trim();
    if (text) {
      const map: [number, number] = [head[0].line, head[head.length - 1].line + 1];
      const p = state.push('paragraph_open', 'p', 1);
      p.hidden = true;
      p.map = map;
      const inline = state.push('inline', '', 0);
      inline.content = text;
      inline.map = map;
      inline.children = [];
      state.push('paragraph_close', 'p', -1).hidden = true;
    }
  }
  parseSubdocument(state, item.lines.slice(split));
  state.push('list_item_close', 'li', -1);
}

function list(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const first = markerAt(state, startLine, endLine);
  if (!first) return false;
  if (silent) return true;
  if (tooDeep(state)) {
    pushFlatText(state, startLine, endLine);
    return true;
  }

  const type = first.ordered ? 'ordered_list' : 'bullet_list';
  const tag = first.ordered ? 'ol' : 'ul';
  const open = state.push(`${type}_open`, tag, 1);
  const lines: [number, number] = [startLine, endLine];
  open.map = lines;
  let block = false;
  let line = startLine;
  while (line < endLine) {
    const m = markerAt(state, line, endLine);
    if (!m) break;
    const item = scanItem(state, line, endLine, m, first.ordered);
    // Redcarpet's "block item" flag sticks for the rest of the list once an item has a blank line.
    if (item.insideEmpty) block = true;
    renderItem(state, item, block);
    line = item.end;
    if (item.listEnd) break;
  }
  state.push(`${type}_close`, tag, -1);
  lines[1] = line;
  state.line = line;
  return true;
}

/** Replaces markdown-it's `list`; a list no longer interrupts a paragraph. */
export function listRule(md: MarkdownIt): void {
  md.block.ruler.at('list', list, { alt: [] });
}
