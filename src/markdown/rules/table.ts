// SLATE-DIALECT §2, rows "table header/delimiter cell counts differ", "table cell line starting
// with `<p>`" (copy), "`\|` in a table cell" and "last table row with no final newline" (better).
//
// Redcarpet's tables: a header line with a pipe, then a delimiter line of `---`, `:--`, `--:`
// cells (one or more characters each, `|` or `+` between them) covering at least the
// header's columns; the table then takes every following line that contains a pipe, whatever
// it starts with (`<p>` cell lines stay in the table). Rows are cut or padded to the header's
// column count. A table never interrupts a paragraph. Differences on purpose: `\|` is a literal
// pipe in a cell, and a last row without a final newline is kept.

import type { MarkdownIt, StateBlock } from 'markdown-it';

type Align = '' | 'left' | 'right' | 'center';

const lineText = (state: StateBlock, line: number): string => state.src.slice(state.bMarks[line], state.eMarks[line]);

/** Pipes that split cells: all of them but `\|`. */
function pipeCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '|' && text[i - 1] !== '\\') n++;
  return n;
}

/** Columns of a header line, counted as Redcarpet does (outer pipes don't add a column). */
function headerColumns(text: string): number {
  let pipes = pipeCount(text);
  if (pipes === 0) return 0;
  const trimmed = text.trimEnd();
  if (text.startsWith('|')) pipes--;
  if (trimmed.endsWith('|')) pipes--;
  return pipes < 0 ? 0 : pipes + 1;
}

/** Alignment of each column from the delimiter line, or null when it is not one. */
function delimiter(text: string, columns: number): Align[] | null {
  const aligns: Align[] = [];
  let i = text.startsWith('|') ? 1 : 0;
  const at = (k: number): string => text[k] ?? '';
  for (let col = 0; col < columns && i < text.length; col++) {
    let dashes = 0;
    let left = false;
    let right = false;
    while (at(i) === ' ' || at(i) === '\t') i++;
    if (at(i) === ':') { left = true; dashes++; i++; }
    while (at(i) === '-') { dashes++; i++; }
    if (at(i) === ':') { right = true; dashes++; i++; }
    while (at(i) === ' ' || at(i) === '\t') i++;
    if (i < text.length && at(i) !== '|' && at(i) !== '+') break;
    if (dashes < 1) break;
    aligns.push(left && right ? 'center' : left ? 'left' : right ? 'right' : '');
    i++;
  }
  return aligns.length < columns ? null : aligns.slice(0, columns);
}

/** Cell texts of a row: outer pipes dropped, split at unescaped pipes, `\|` kept as `|`. */
function cells(text: string): string[] {
  let row = text.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function pushRow(state: StateBlock, line: number, texts: string[], aligns: Align[], cell: 'th' | 'td'): void {
  const tr = state.push('tr_open', 'tr', 1);
  tr.map = [line, line + 1];
  aligns.forEach((align, i) => {
    const open = state.push(`${cell}_open`, cell, 1);
    if (align) open.attrs = [['style', `text-align:${align}`]];
    const inline = state.push('inline', '', 0);
    inline.content = texts[i] ?? '';
    inline.map = [line, line + 1];
    inline.children = [];
    state.push(`${cell}_close`, cell, -1);
  });
  state.push('tr_close', 'tr', -1);
}

function table(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 1 >= endLine) return false;
  const columns = headerColumns(lineText(state, startLine));
  if (!columns) return false;
  const aligns = delimiter(lineText(state, startLine + 1), columns);
  if (!aligns) return false;
  if (silent) return true;

  const open = state.push('table_open', 'table', 1);
  const lines: [number, number] = [startLine, startLine + 2];
  open.map = lines;
  state.push('thead_open', 'thead', 1).map = [startLine, startLine + 1];
  pushRow(state, startLine, cells(lineText(state, startLine)), aligns, 'th');
  state.push('thead_close', 'thead', -1);

  // Redcarpet always writes a tbody, even for a table without rows.
  let line = startLine + 2;
  state.push('tbody_open', 'tbody', 1).map = [line, 0];
  for (; line < endLine && lineText(state, line).includes('|'); line++) pushRow(state, line, cells(lineText(state, line)), aligns, 'td');
  state.push('tbody_close', 'tbody', -1);
  state.push('table_close', 'table', -1);
  lines[1] = line;
  state.line = line;
  return true;
}

/** Replaces markdown-it's `table`; it no longer interrupts a paragraph. */
export function tableRule(md: MarkdownIt): void {
  md.block.ruler.at('table', table, { alt: [] });
}
