// A bound on how deep quotes and lists nest. markdown-it stops at `maxNesting` (100 levels) by
// dropping the rest of the block silently, and the list rule re-parses each item as a document
// of its own, so 1,000 nested items cost time cubic in the depth (16 s) and nothing checked them.
// Past DEPTH_LIMIT levels the quote or list rule keeps the lines as one paragraph of plain text
// (inline Markdown still applies) and warns once per file: no text is lost, no recursion is deep.
// Redcarpet, Slate's engine, drops whatever is nested deeper than 16 levels.

import type { StateBlock } from 'markdown-it';
import { lineOf, renderEnv } from '../env.js';

/** Token nesting levels (a list takes two: `ul` and `li`, a quote one) before text is kept flat. */
export const DEPTH_LIMIT = 48;

export function tooDeep(state: StateBlock): boolean {
  return state.level >= DEPTH_LIMIT;
}

/** Pushes lines [from, to) as one paragraph of their text, and warns once per file. */
export function pushFlatText(state: StateBlock, from: number, to: number): void {
  const lines: string[] = [];
  for (let line = from; line < to; line++) lines.push(state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]));
  const map: [number, number] = [from, to];
  const text = lines.join('\n').trim();
  if (text) {
    const open = state.push('paragraph_open', 'p', 1);
    open.map = map;
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.map = map;
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  state.line = to;
  const env = renderEnv(state.env);
  const message = `quotes or lists nested too deep (over ${DEPTH_LIMIT} quotes or ${DEPTH_LIMIT / 2} lists): the deeper lines are shown as plain text`;
  if (!env.warnings?.some((w) => w.message === message && w.file === env.file)) {
    env.warnings?.push({ severity: 'warning', file: env.file, line: lineOf(env, map), message, hint: 'Nest quotes and lists less deeply.' });
  }
}
